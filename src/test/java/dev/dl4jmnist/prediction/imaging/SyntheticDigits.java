package dev.dl4jmnist.prediction.imaging;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/** Small drawn pictures with known geometry for the preprocessing tests. */
final class SyntheticDigits {
    private SyntheticDigits() {
    }

    /** A "7" drawn with {@code ink} on {@code paper} in a {@code w×h} picture, the digit spanning {@code size} pixels from (x, y). */
    static BufferedImage seven(int w, int h, int x, int y, int size, Color paper, Color ink, int type) {
        BufferedImage image = new BufferedImage(w, h, type);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setComposite(java.awt.AlphaComposite.Src);
        g.setColor(paper);
        g.fillRect(0, 0, w, h);
        g.setColor(ink);
        float stroke = size / 7f;
        g.setStroke(new BasicStroke(stroke, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
        float half = stroke / 2;
        int[] xs = {x, x + size * 3 / 4, x + size * 3 / 8};
        int[] ys = {y, y, y + size};
        g.drawLine(xs[0], (int) (ys[0] + half), xs[1], (int) (ys[1] + half));
        g.drawLine(xs[1], (int) (ys[1] + half), xs[2], (int) (ys[2] - half));
        g.dispose();
        return image;
    }

    static BufferedImage seven(int w, int h, int x, int y, int size, Color paper, Color ink) {
        return seven(w, h, x, y, size, paper, ink, BufferedImage.TYPE_INT_RGB);
    }

    /** A float gray picture: {@code background} everywhere, {@code ink} in the rectangle. */
    static GrayImage rectangle(int w, int h, int rx, int ry, int rw, int rh, float background, float ink) {
        GrayImage g = GrayImage.filled(w, h, background);
        for (int y = ry; y < ry + rh; y++) {
            for (int x = rx; x < rx + rw; x++) {
                g.set(x, y, ink);
            }
        }
        return g;
    }

    /** Mean absolute difference between two prepared digits (0–255 levels). */
    static double difference(PreparedDigit a, PreparedDigit b) {
        double sum = 0;
        for (int i = 0; i < a.pixels().length; i++) {
            sum += Math.abs((a.pixels()[i] & 0xFF) - (b.pixels()[i] & 0xFF));
        }
        return sum / a.pixels().length;
    }
}
