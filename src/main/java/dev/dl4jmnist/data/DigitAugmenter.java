package dev.dl4jmnist.data;

import java.awt.geom.AffineTransform;
import java.awt.geom.NoninvertibleTransformException;
import java.util.Random;

/**
 * Varies 28×28 digit images (values in [0,1], row-major) as handwriting varies: a random shift,
 * rotation, scale and slant (horizontal shear) about the image centre, a smooth random warp (each
 * pixel displaced by an amount interpolated between a 4×4 grid of random displacements, so strokes
 * bend as a hand's do) (bilinear resampling, ink outside the frame is lost), and
 * sometimes strokes one pixel thicker (3×3 grey dilation) or thinner (3×3 grey erosion). All the
 * randomness comes from the generator passed in, so a seed gives the same images.
 */
public final class DigitAugmenter {
    static final int SIDE = 28;
    private static final double CENTRE = (SIDE - 1) / 2.0;

    private final Augmentation settings;

    public DigitAugmenter(Augmentation settings) {
        this.settings = settings;
    }

    /** A varied copy of {@code image} (784 values), drawing the variation from {@code random}. */
    public float[] augment(float[] image, Random random) {
        double dx = uniform(random, settings.maxShift());
        double dy = uniform(random, settings.maxShift());
        double angle = Math.toRadians(uniform(random, settings.maxRotation()));
        double scale = 1 + uniform(random, settings.maxScale());
        double shear = uniform(random, settings.maxShear());
        float[] out = transform(image, AffineTransform.getTranslateInstance(dx, dy), angle, scale, shear,
                warpField(random, settings.warp()));
        if (random.nextDouble() < settings.strokeChange()) {
            out = random.nextBoolean() ? dilate(out) : erode(out);
        }
        return out;
    }

    private static double uniform(Random random, double max) {
        return max == 0 ? 0 : (random.nextDouble() * 2 - 1) * max;
    }

    /** Control points per side of the warp grid; they sit at the image's edges and evenly between. */
    static final int WARP_GRID = 4;

    /**
     * Random displacements (x and y, interleaved) of the warp grid's control points, normally
     * distributed with standard deviation {@code size} pixels; null when {@code size} is 0.
     */
    static double[] warpField(Random random, double size) {
        if (size == 0) {
            return null;
        }
        double[] field = new double[WARP_GRID * WARP_GRID * 2];
        for (int i = 0; i < field.length; i++) {
            field[i] = random.nextGaussian() * size;
        }
        return field;
    }

    /** The displacement at pixel (x, y): bilinear between the grid's control points. */
    private static void displacement(double[] field, int x, int y, double[] out) {
        double gx = x * (WARP_GRID - 1) / (double) (SIDE - 1), gy = y * (WARP_GRID - 1) / (double) (SIDE - 1);
        int x0 = Math.min((int) gx, WARP_GRID - 2), y0 = Math.min((int) gy, WARP_GRID - 2);
        double fx = gx - x0, fy = gy - y0;
        for (int c = 0; c < 2; c++) {
            double a = field[(y0 * WARP_GRID + x0) * 2 + c], b = field[(y0 * WARP_GRID + x0 + 1) * 2 + c];
            double d = field[((y0 + 1) * WARP_GRID + x0) * 2 + c], e = field[((y0 + 1) * WARP_GRID + x0 + 1) * 2 + c];
            out[c] = (1 - fy) * ((1 - fx) * a + fx * b) + fy * ((1 - fx) * d + fx * e);
        }
    }

    /**
     * {@code image} slanted by {@code shear} (x moves by {@code -shear} × y, so positive values lean the top
     * to the right), turned by {@code angle} and scaled by {@code scale} about its centre, then moved by
     * {@code shift}; each pixel then displaced by {@code warp} (or not, when null).
     */
    static float[] transform(float[] image, AffineTransform shift, double angle, double scale, double shear, double[] warp) {
        AffineTransform t = new AffineTransform(shift);
        t.translate(CENTRE, CENTRE);
        t.rotate(angle);
        t.scale(scale, scale);
        t.shear(-shear, 0);
        t.translate(-CENTRE, -CENTRE);
        AffineTransform inverse;
        try {
            inverse = t.createInverse();
        } catch (NoninvertibleTransformException e) {
            throw new IllegalArgumentException("scale must not be 0", e);
        }
        float[] out = new float[SIDE * SIDE];
        double[] p = new double[2];
        double[] d = new double[2];
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                p[0] = x;
                p[1] = y;
                inverse.transform(p, 0, p, 0, 1);          // where this output pixel comes from
                if (warp != null) {
                    displacement(warp, x, y, d);
                    p[0] += d[0];
                    p[1] += d[1];
                }
                out[y * SIDE + x] = bilinear(image, p[0], p[1]);
            }
        }
        return out;
    }

    private static float bilinear(float[] image, double x, double y) {
        int x0 = (int) Math.floor(x);
        int y0 = (int) Math.floor(y);
        double fx = x - x0;
        double fy = y - y0;
        return (float) ((1 - fy) * ((1 - fx) * at(image, x0, y0) + fx * at(image, x0 + 1, y0))
                + fy * ((1 - fx) * at(image, x0, y0 + 1) + fx * at(image, x0 + 1, y0 + 1)));
    }

    private static float at(float[] image, int x, int y) {
        return x < 0 || y < 0 || x >= SIDE || y >= SIDE ? 0f : image[y * SIDE + x];
    }

    /** Thicker strokes: each pixel becomes the maximum of its 3×3 neighbourhood. */
    static float[] dilate(float[] image) {
        return filter(image, true);
    }

    /** Thinner strokes: each pixel becomes the minimum of its 3×3 neighbourhood (outside the frame counts as 0). */
    static float[] erode(float[] image) {
        return filter(image, false);
    }

    private static float[] filter(float[] image, boolean max) {
        float[] out = new float[SIDE * SIDE];
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                float v = image[y * SIDE + x];
                for (int j = -1; j <= 1; j++) {
                    for (int i = -1; i <= 1; i++) {
                        float n = at(image, x + i, y + j);
                        v = max ? Math.max(v, n) : Math.min(v, n);
                    }
                }
                out[y * SIDE + x] = v;
            }
        }
        return out;
    }
}
