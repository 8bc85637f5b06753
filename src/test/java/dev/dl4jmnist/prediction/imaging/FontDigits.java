package dev.dl4jmnist.prediction.imaging;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.font.GlyphVector;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Random;

/**
 * Digits rendered from the system's fonts (DejaVu and Liberation families, plain, bold and italic) the
 * way users' pictures vary: glyph heights of 30–150 px, strokes thickened by up to a tenth of the
 * height, slanted and turned, any ink and paper colour (dark on light or light on dark), placed
 * off-centre on a larger sheet, with sensor noise. Seeded: the same seed gives the same pictures.
 */
public final class FontDigits {
    /** The families drawn from; a family missing on a machine falls back to Java's logical font. */
    public static final List<String> FAMILIES = List.of("DejaVu Sans", "DejaVu Serif", "DejaVu Sans Mono",
            "DejaVu Sans Condensed", "DejaVu Sans Light", "Liberation Sans", "Liberation Serif", "Liberation Mono",
            "Liberation Sans Narrow");
    private static final int[] STYLES = {Font.PLAIN, Font.BOLD, Font.ITALIC};

    private final Random random;

    public FontDigits(long seed) {
        random = new Random(seed);
    }

    /** One picture of {@code digit}, drawn with the next random font, size, stroke, slant, colours, place and noise. */
    public BufferedImage picture(int digit) {
        String family = FAMILIES.get(random.nextInt(FAMILIES.size()));
        int style = STYLES[random.nextInt(STYLES.length)];
        int height = 30 + random.nextInt(121);
        Font font = new Font(family, style, Math.round(height * 1.4f));
        BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D pg = probe.createGraphics();
        GlyphVector glyph = font.createGlyphVector(pg.getFontRenderContext(), String.valueOf(digit));
        pg.dispose();
        Shape outline = glyph.getOutline();
        double shear = (random.nextDouble() * 2 - 1) * 0.3;
        double turn = Math.toRadians((random.nextDouble() * 2 - 1) * 10);
        AffineTransform slant = AffineTransform.getRotateInstance(turn);
        slant.shear(shear, 0);
        outline = slant.createTransformedShape(outline);
        float stroke = (float) (random.nextDouble() * height / 10);

        Rectangle2D bounds = outline.getBounds2D();
        int glyphW = (int) Math.ceil(bounds.getWidth() + stroke), glyphH = (int) Math.ceil(bounds.getHeight() + stroke);
        int w = glyphW + 4 + random.nextInt(glyphW * 2 + 1);
        int h = glyphH + 4 + random.nextInt(glyphH + 1);
        double x = 2 + stroke / 2 + random.nextInt(w - glyphW - 3) - bounds.getX();
        double y = 2 + stroke / 2 + random.nextInt(h - glyphH - 3) - bounds.getY();

        boolean lightOnDark = random.nextInt(10) < 3;
        int paperLevel = lightOnDark ? 10 + random.nextInt(70) : 170 + random.nextInt(80);
        int inkLevel = lightOnDark ? 180 + random.nextInt(75) : random.nextInt(90);
        Color paper = tint(paperLevel);
        Color ink = tint(inkLevel);

        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(paper);
        g.fillRect(0, 0, w, h);
        g.translate(x, y);
        g.setColor(ink);
        g.fill(outline);
        if (stroke >= 1) {
            g.setStroke(new BasicStroke(stroke, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(outline);
        }
        g.dispose();
        addNoise(image, random.nextDouble() * 12);
        return image;
    }

    private Color tint(int level) {
        int r = clamp(level + random.nextInt(41) - 20), gr = clamp(level + random.nextInt(41) - 20);
        int b = clamp(level + random.nextInt(41) - 20);
        return new Color(r, gr, b);
    }

    private void addNoise(BufferedImage image, double sd) {
        for (int yy = 0; yy < image.getHeight(); yy++) {
            for (int xx = 0; xx < image.getWidth(); xx++) {
                int rgb = image.getRGB(xx, yy);
                int n = (int) Math.round(random.nextGaussian() * sd);
                int r = clamp(((rgb >> 16) & 0xFF) + n), gr = clamp(((rgb >> 8) & 0xFF) + n), b = clamp((rgb & 0xFF) + n);
                image.setRGB(xx, yy, (r << 16) | (gr << 8) | b);
            }
        }
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }
}
