package dev.dl4jmnist.data;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.Random;

/**
 * The drawing surface of the non-digit pictures: anti-aliased grey canvases larger than 28×28, read back as
 * values in [0, 1] and brought to 28×28 either framed as MNIST framed its digits or whole.
 *
 * <p>Downscaling is area averaging written here (each output pixel is the mean of the canvas area it covers,
 * fractional edge pixels weighted by their overlap), the filter MNIST's own framing amounts to; it does not
 * alias at the 3–6× reductions used here, and being plain arithmetic it gives the same bits everywhere. All
 * angles go through {@link StrictMath} for the same reason.
 */
final class NonDigitCanvas {
    /** MNIST's field. */
    static final int SIDE = 28;
    /** MNIST's box for the ink inside the field. */
    static final int BOX = 20;
    /** Where the ink's centre of mass lands, in pixel-index coordinates: MNIST's (see {@code DigitFraming}). */
    static final double CENTRE = 14.0;
    /** The canvas of framed pictures: the drawing's longer side is about {@link #INK} of its pixels. */
    static final int FRAMED_CANVAS = 96;
    /** The intended size of a framed drawing on its canvas, about 3.2 canvas pixels per picture pixel. */
    static final double INK = 64;
    /** Canvas pixels per picture pixel, along each side, of full-frame pictures. */
    static final int FULL_SCALE = 3;

    private NonDigitCanvas() {
    }

    /** A black canvas of {@code side}×{@code side} grey pixels. */
    static BufferedImage blank(int side) {
        return new BufferedImage(side, side, BufferedImage.TYPE_BYTE_GRAY);
    }

    /** Anti-aliased graphics on {@code canvas}, strokes drawn as their exact geometry. */
    static Graphics2D graphics(BufferedImage canvas) {
        Graphics2D g = canvas.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        return g;
    }

    /** The canvas's pixels, row by row, as values in [0, 1]. */
    static float[] values(BufferedImage canvas) {
        byte[] bytes = ((DataBufferByte) canvas.getRaster().getDataBuffer()).getData();
        float[] out = new float[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            out[i] = (bytes[i] & 0xff) / 255f;
        }
        return out;
    }

    /** The grey of level {@code v} in [0, 1]. */
    static Color grey(double v) {
        int level = (int) Math.round(255 * Math.max(0, Math.min(1, v)));
        return new Color(level, level, level);
    }

    /** A round pen {@code width} canvas pixels wide. */
    static BasicStroke pen(double width) {
        return new BasicStroke((float) width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }

    /** A turn by {@code degrees} about ({@code x}, {@code y}), its sine and cosine from {@link StrictMath}. */
    static AffineTransform turn(double degrees, double x, double y) {
        double a = StrictMath.toRadians(degrees);
        double cos = StrictMath.cos(a);
        double sin = StrictMath.sin(a);
        return new AffineTransform(cos, sin, -sin, cos, x - cos * x + sin * y, y - sin * x - cos * y);
    }

    /** A uniform draw from [{@code lo}, {@code hi}). */
    static double between(Random random, double lo, double hi) {
        return lo + random.nextDouble() * (hi - lo);
    }

    /**
     * The ink of a framed canvas as MNIST framed a digit: its bounding box scaled, keeping the aspect ratio,
     * so the longer side is {@value #BOX} pixels, then placed in the 28×28 field shifted by whole pixels so
     * its centre of mass is at {@link #CENTRE}. Null when there is no ink, when the ink touches the canvas's
     * edge (cut off), or when the placed ink would reach the field's outermost pixels.
     */
    static float[] frame(float[] ink, int side) {
        int x0 = side, y0 = side, x1 = -1, y1 = -1;
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                if (ink[y * side + x] > 0) {
                    x0 = Math.min(x0, x);
                    x1 = Math.max(x1, x);
                    y0 = Math.min(y0, y);
                    y1 = Math.max(y1, y);
                }
            }
        }
        if (x1 < 0 || x0 == 0 || y0 == 0 || x1 == side - 1 || y1 == side - 1) {
            return null;
        }
        int w = x1 - x0 + 1;
        int h = y1 - y0 + 1;
        double scale = (double) BOX / Math.max(w, h);
        int outW = Math.max(1, Math.min(BOX, (int) Math.round(w * scale)));
        int outH = Math.max(1, Math.min(BOX, (int) Math.round(h * scale)));
        return centreByMass(resize(ink, side, x0, y0, w, h, outW, outH), outW, outH);
    }

    /** {@code patch} placed in the field with its centre of mass at {@link #CENTRE}; null if it would not fit inside the border. */
    private static float[] centreByMass(float[] patch, int w, int h) {
        double mass = 0, mx = 0, my = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double m = patch[y * w + x];
                mass += m;
                mx += m * x;
                my += m * y;
            }
        }
        int ox = (int) Math.round(CENTRE - mx / mass);
        int oy = (int) Math.round(CENTRE - my / mass);
        if (ox < 1 || oy < 1 || ox + w > SIDE - 1 || oy + h > SIDE - 1) {
            return null;
        }
        float[] field = new float[SIDE * SIDE];
        for (int y = 0; y < h; y++) {
            System.arraycopy(patch, y * w, field, (y + oy) * SIDE + ox, w);
        }
        return field;
    }

    /** A full-frame canvas ({@value #FULL_SCALE} × 28 pixels a side) brought to 28×28 by area averaging. */
    static float[] whole(float[] canvas) {
        int side = SIDE * FULL_SCALE;
        return resize(canvas, side, 0, 0, side, side, SIDE, SIDE);
    }

    /** The region ({@code x0}, {@code y0}, {@code w}, {@code h}) of a square image {@code side} wide resized to {@code outW}×{@code outH} by area averaging. */
    static float[] resize(float[] src, int side, int x0, int y0, int w, int h, int outW, int outH) {
        Shares across = Shares.of(w, outW);
        Shares down = Shares.of(h, outH);
        float[] rows = new float[h * outW];
        for (int y = 0; y < h; y++) {
            int base = (y0 + y) * side + x0;
            for (int o = 0; o < outW; o++) {
                double sum = 0;
                for (int i = across.first[o], k = 0; i < across.end[o]; i++, k++) {
                    sum += across.share[o][k] * src[base + i];
                }
                rows[y * outW + o] = (float) sum;
            }
        }
        float[] out = new float[outW * outH];
        for (int o = 0; o < outH; o++) {
            for (int y = down.first[o], k = 0; y < down.end[o]; y++, k++) {
                double share = down.share[o][k];
                for (int x = 0; x < outW; x++) {
                    out[o * outW + x] += (float) (share * rows[y * outW + x]);
                }
            }
        }
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.min(1f, out[i]);
        }
        return out;
    }

    /** For each output position along one axis: the input positions it covers ({@code first} to {@code end}, exclusive) and their shares, summing to 1. */
    private record Shares(int[] first, int[] end, double[][] share) {
        static Shares of(int length, int outLength) {
            double scale = (double) length / outLength;
            int[] first = new int[outLength];
            int[] end = new int[outLength];
            double[][] share = new double[outLength][];
            for (int o = 0; o < outLength; o++) {
                double from = o * scale;
                double to = (o + 1) * scale;
                first[o] = (int) Math.floor(from);
                end[o] = Math.min(length, (int) Math.ceil(to));
                share[o] = new double[end[o] - first[o]];
                for (int i = first[o]; i < end[o]; i++) {
                    share[o][i - first[o]] = (Math.min(i + 1, to) - Math.max(i, from)) / scale;
                }
            }
            return new Shares(first, end, share);
        }
    }
}
