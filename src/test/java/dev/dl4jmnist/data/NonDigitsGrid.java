package dev.dl4jmnist.data;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A PNG of non-digit pictures in a square grid, for looking at: {@code main(columns, seed, file[, zoom])}. The
 * 12×12 grid of {@code docs/images/non-digits.png} is seed 1, made after {@code mvn test-compile} with
 * {@code java -Djava.awt.headless=true -cp target/classes:target/test-classes dev.dl4jmnist.data.NonDigitsGrid 12 1 docs/images/non-digits.png}.
 */
final class NonDigitsGrid {
    /** Screen pixels per picture pixel, unless told otherwise. */
    static final int ZOOM = 3;
    /** Pixels between pictures, in a dark blue that no picture has. */
    static final int GAP = 2;
    private static final int GAP_RGB = 0x203060;

    private NonDigitsGrid() {
    }

    /** {@code columns}×{@code columns} pictures from {@code seed}, row by row (so each row starts with the next kind in turn). */
    static BufferedImage grid(int columns, long seed, int zoom) {
        float[][] pictures = NonDigits.images(columns * columns, seed);
        int cell = NonDigitCanvas.SIDE * zoom + GAP;
        BufferedImage out = new BufferedImage(columns * cell + GAP, columns * cell + GAP, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < out.getHeight(); y++) {
            for (int x = 0; x < out.getWidth(); x++) {
                out.setRGB(x, y, GAP_RGB);
            }
        }
        for (int p = 0; p < pictures.length; p++) {
            int left = GAP + (p % columns) * cell;
            int top = GAP + (p / columns) * cell;
            for (int i = 0; i < NonDigits.PIXELS; i++) {
                int v = Math.round(pictures[p][i] * 255);
                int rgb = v << 16 | v << 8 | v;
                int x = left + (i % NonDigitCanvas.SIDE) * zoom;
                int y = top + (i / NonDigitCanvas.SIDE) * zoom;
                for (int dy = 0; dy < zoom; dy++) {
                    for (int dx = 0; dx < zoom; dx++) {
                        out.setRGB(x + dx, y + dy, rgb);
                    }
                }
            }
        }
        return out;
    }

    /** Writes the grid of {@code columns}×{@code columns} pictures from {@code seed} to {@code file}, each picture pixel {@code zoom}×{@code zoom}. */
    static void write(int columns, long seed, int zoom, Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            ImageIO.write(grid(columns, seed, zoom), "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        write(Integer.parseInt(args[0]), Long.parseLong(args[1]), args.length > 3 ? Integer.parseInt(args[3]) : ZOOM, Path.of(args[2]));
    }
}
