package dev.dl4jmnist.visualisation;

import dev.dl4jmnist.io.AtomicFiles;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Point;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Draws digits as a picture, the way the tutorial's {@code plt.imshow(..., cmap='gray')} grids look:
 * a white page with one cell per digit, its title centred above the image.
 *
 * <p>Scaling: source pixel (r, c) of a tile with value v is drawn as the {@link #SCALE}×{@link #SCALE}
 * block of gray RGB(v, v, v) whose top-left corner is {@link #imageOrigin} + (c·SCALE, r·SCALE). Pixels
 * are written directly (no interpolation), so every block has exactly its source pixel's value. Tile i
 * sits in row i / columns, column i % columns; the picture is always {@code columns} cells wide.
 */
public final class DigitGrid {
    /** Each source pixel becomes a SCALE×SCALE block. */
    public static final int SCALE = 8;
    /** Side of a drawn digit in picture pixels. */
    public static final int TILE = DigitTile.SIDE * SCALE;
    /** White space around the picture and between cells. */
    public static final int MARGIN = 12;
    /** Height of the title band above each digit. */
    public static final int TITLE_HEIGHT = 28;

    private static final int FONT_SIZE = 17;
    private static final int MIN_FONT_SIZE = 9;

    private DigitGrid() {
    }

    /** Renders tiles in rows of `columns` (gray colour map, nearest-neighbour upscaling, readable titles). */
    public static BufferedImage render(List<DigitTile> tiles, int columns) {
        if (tiles == null || tiles.isEmpty()) {
            throw new IllegalArgumentException("a digit grid needs at least one tile");
        }
        if (columns < 1) {
            throw new IllegalArgumentException("a digit grid needs at least one column, got " + columns);
        }
        int rows = (tiles.size() + columns - 1) / columns;
        BufferedImage image = new BufferedImage(width(columns), height(rows), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.BLACK);
            for (int i = 0; i < tiles.size(); i++) {
                Point origin = imageOrigin(i, columns);
                drawPixels(image, tiles.get(i).pixels(), origin);
                drawTitle(g, tiles.get(i).title(), origin);
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    /** Renders and writes a PNG atomically (AtomicFiles). */
    public static void writePng(Path file, List<DigitTile> tiles, int columns) {
        BufferedImage image = render(tiles, columns);
        AtomicFiles.writeStream(file, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer available");
            }
        });
    }

    /** Top-left corner of tile {@code index}'s digit image (below its title) in a grid of {@code columns}. */
    public static Point imageOrigin(int index, int columns) {
        int row = index / columns;
        int col = index % columns;
        return new Point(MARGIN + col * (TILE + MARGIN), MARGIN + row * (TITLE_HEIGHT + TILE + MARGIN) + TITLE_HEIGHT);
    }

    /** Picture width for {@code columns} cells. */
    public static int width(int columns) {
        return MARGIN + columns * (TILE + MARGIN);
    }

    /** Picture height for {@code rows} rows of cells. */
    public static int height(int rows) {
        return MARGIN + rows * (TITLE_HEIGHT + TILE + MARGIN);
    }

    private static void drawPixels(BufferedImage image, byte[] pixels, Point origin) {
        for (int r = 0; r < DigitTile.SIDE; r++) {
            for (int c = 0; c < DigitTile.SIDE; c++) {
                int v = pixels[r * DigitTile.SIDE + c] & 0xFF;
                int rgb = (v << 16) | (v << 8) | v;
                int x0 = origin.x + c * SCALE;
                int y0 = origin.y + r * SCALE;
                for (int dy = 0; dy < SCALE; dy++) {
                    for (int dx = 0; dx < SCALE; dx++) {
                        image.setRGB(x0 + dx, y0 + dy, rgb);
                    }
                }
            }
        }
    }

    /** Centres the title in the band above the image, shrinking the font if the title is wider than the tile. */
    private static void drawTitle(Graphics2D g, String title, Point origin) {
        if (title.isEmpty()) {
            return;
        }
        int size = FONT_SIZE;
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, size);
        FontMetrics fm = g.getFontMetrics(font);
        while (fm.stringWidth(title) > TILE && size > MIN_FONT_SIZE) {
            size--;
            font = font.deriveFont((float) size);
            fm = g.getFontMetrics(font);
        }
        g.setFont(font);
        int x = origin.x + Math.max(0, (TILE - fm.stringWidth(title)) / 2);
        int bandTop = origin.y - TITLE_HEIGHT;
        int baseline = bandTop + (TITLE_HEIGHT - fm.getHeight()) / 2 + fm.getAscent();
        g.setClip(origin.x, bandTop, TILE, TITLE_HEIGHT);
        g.drawString(title, x, baseline);
        g.setClip(null);
    }
}
