package dev.dl4jmnist.prediction.imaging;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.linear.SingularMatrixException;
import org.apache.commons.math3.util.KthSelector;

import java.util.Arrays;

/**
 * The steps that find the ink: fit the background (paper or canvas, with uneven lighting), decide
 * whether the ink is darker or lighter than it, and turn the picture into MNIST's polarity — ink
 * bright on black — with the ink's typical level at 255 and the background at 0.
 */
public final class InkExtraction {
    /** Ink must stand out from the background by at least this many gray levels (of 255). */
    public static final float MIN_CONTRAST = 20f;
    /** Background fits use at most about this many sample pixels. */
    private static final int FIT_SAMPLES = 16_384;
    private static final int FIT_ROUNDS = 4;

    private InkExtraction() {
    }

    /** The background as a smooth surface (quadratic in x and y) and the noise around it (robust standard deviation). */
    public record Background(GrayImage surface, float noise) {
    }

    /** The normalised ink image (0 = background, 255 = typical ink) and the level that separates ink from its faint edges. */
    public record Ink(GrayImage image, float threshold) {
    }

    /**
     * Fits the background: a quadratic surface refitted on the pixels close to it (so the ink, a minority
     * of the picture, is left out whichever side it lies on). A linear or gentle curved lighting gradient
     * is absorbed by the surface.
     */
    public static Background fitBackground(GrayImage gray) {
        int step = Math.max(1, (int) Math.ceil(Math.sqrt((double) gray.size() / FIT_SAMPLES)));
        int sw = (gray.width() + step - 1) / step;
        int sh = (gray.height() + step - 1) / step;
        int n = sw * sh;
        double[] u = new double[n];
        double[] v = new double[n];
        double[] z = new double[n];
        int k = 0;
        for (int y = 0; y < gray.height(); y += step) {
            for (int x = 0; x < gray.width(); x += step) {
                u[k] = coordinate(x, gray.width());
                v[k] = coordinate(y, gray.height());
                z[k] = gray.get(x, y);
                k++;
            }
        }
        double[] coef = {median(z), 0, 0, 0, 0, 0};
        double noise = 0;
        boolean[] inlier = new boolean[n];
        for (int round = 0; round < FIT_ROUNDS; round++) {
            double[] r = new double[n];
            for (int i = 0; i < n; i++) {
                r[i] = z[i] - surface(coef, u[i], v[i]);
            }
            double centre = median(r);
            double[] dev = new double[n];
            for (int i = 0; i < n; i++) {
                dev[i] = Math.abs(r[i] - centre);
            }
            noise = 1.4826 * median(dev);
            double limit = Math.max(2.5 * noise, 2.0);
            for (int i = 0; i < n; i++) {
                inlier[i] = dev[i] <= limit;
            }
            double[] fitted = fitQuadratic(u, v, z, inlier);
            if (fitted == null) {
                break;
            }
            coef = fitted;
        }
        float[] s = new float[gray.size()];
        for (int y = 0; y < gray.height(); y++) {
            double vy = coordinate(y, gray.height());
            for (int x = 0; x < gray.width(); x++) {
                s[y * gray.width() + x] = (float) surface(coef, coordinate(x, gray.width()), vy);
            }
        }
        return new Background(new GrayImage(gray.width(), gray.height(), s), (float) noise);
    }

    /**
     * True when the ink is darker than the background (pen on paper), false when lighter (chalk on a
     * board, MNIST itself): whichever side has more picture standing clearly out of the background noise.
     */
    public static boolean inkIsDark(GrayImage gray, Background background) {
        float margin = 4 * Math.max(background.noise(), 1f);
        double brighter = 0;
        double darker = 0;
        for (int i = 0; i < gray.size(); i++) {
            float r = gray.pixels()[i] - background.surface().pixels()[i];
            if (r > margin) {
                brighter += r - margin;
            } else if (r < -margin) {
                darker += -r - margin;
            }
        }
        return darker > brighter;
    }

    /** How far each pixel stands out from the background towards the ink's side (0 or more): ink bright on black. */
    public static GrayImage inkOnBlack(GrayImage gray, Background background, boolean inkIsDark) {
        float[] out = new float[gray.size()];
        for (int i = 0; i < out.length; i++) {
            float r = gray.pixels()[i] - background.surface().pixels()[i];
            out[i] = Math.max(0f, inkIsDark ? -r : r);
        }
        return new GrayImage(gray.width(), gray.height(), out);
    }

    /**
     * Thresholds and stretches the ink: levels within the noise become 0, the ink's median level and
     * above become 255, faint edges stay in between (as MNIST's anti-aliased strokes). The ink/edge
     * threshold is Otsu's, taken over the pixels above the noise.
     *
     * @throws BlankImageException when nothing stands out from the background
     */
    public static Ink normalise(GrayImage ink, float noise) {
        float sigma = Math.max(noise, 1f);
        float floor = 3 * sigma;
        float[] p = ink.pixels();
        int count = 0;
        float max = 0;
        for (float value : p) {
            if (value > floor) {
                count++;
                max = Math.max(max, value);
            }
        }
        if (count < 2 || max < MIN_CONTRAST) {
            throw new BlankImageException();
        }
        float[] candidates = new float[count];
        int k = 0;
        for (float value : p) {
            if (value > floor) {
                candidates[k++] = value;
            }
        }
        float t = otsu(candidates, floor, max);
        float high = medianAbove(candidates, t);
        if (high < Math.max(MIN_CONTRAST, 6 * sigma)) {
            throw new BlankImageException();
        }
        float low = Math.min(floor, 0.5f * t);
        float[] out = new float[p.length];
        for (int i = 0; i < p.length; i++) {
            out[i] = 255f * Math.min(1f, Math.max(0f, (p[i] - low) / (high - low)));
        }
        float threshold = 255f * Math.min(1f, Math.max(0f, (t - low) / (high - low)));
        return new Ink(new GrayImage(ink.width(), ink.height(), out), threshold);
    }

    /**
     * Otsu's threshold of {@code values} (all within [from, to]): the level that best splits them into two
     * groups; when a gap separates the groups, the middle of the gap.
     */
    static float otsu(float[] values, float from, float to) {
        int bins = 256;
        double width = (to - from) / bins;
        if (width <= 0) {
            return from;
        }
        long[] hist = new long[bins];
        double total = 0;
        for (float value : values) {
            int b = (int) Math.min(bins - 1, Math.max(0, (value - from) / width));
            hist[b]++;
            total += b;
        }
        long n = values.length;
        long below = 0;
        double sumBelow = 0;
        double best = -1;
        int bestBin = 0;
        int lastBestBin = 0;
        for (int b = 0; b < bins - 1; b++) {
            below += hist[b];
            sumBelow += (double) b * hist[b];
            long above = n - below;
            if (below == 0 || above == 0) {
                continue;
            }
            double meanBelow = sumBelow / below;
            double meanAbove = (total - sumBelow) / above;
            double between = (double) below * above * (meanBelow - meanAbove) * (meanBelow - meanAbove);
            if (between > best * (1 + 1e-9)) {
                best = between;
                bestBin = b;
                lastBestBin = b;
            } else if (between >= best * (1 - 1e-9)) {
                lastBestBin = b;                   // empty bins between two groups: every split there is as good
            }
        }
        return best < 0 ? (from + to) / 2 : (float) (from + ((bestBin + lastBestBin) / 2.0 + 1) * width);
    }

    private static float medianAbove(float[] values, float t) {
        float[] above = new float[values.length];
        int n = 0;
        for (float value : values) {
            if (value >= t) {
                above[n++] = value;
            }
        }
        if (n == 0) {
            return 0;
        }
        Arrays.sort(above, 0, n);
        return above[n / 2];
    }

    private static double coordinate(int i, int length) {
        return length <= 1 ? 0 : 2.0 * i / (length - 1) - 1;
    }

    private static double surface(double[] c, double u, double v) {
        return c[0] + c[1] * u + c[2] * v + c[3] * u * u + c[4] * u * v + c[5] * v * v;
    }

    /**
     * Least-squares quadratic surface through the inlier samples (normal equations solved by LU
     * decomposition with partial pivoting), or null when they do not determine one.
     */
    private static double[] fitQuadratic(double[] u, double[] v, double[] z, boolean[] inlier) {
        int used = 0;
        for (boolean in : inlier) {
            used += in ? 1 : 0;
        }
        if (used < 6) {
            return null;
        }
        double[][] basis = new double[used][];
        double[] values = new double[used];
        int k = 0;
        for (int i = 0; i < z.length; i++) {
            if (inlier[i]) {
                basis[k] = new double[]{1, u[i], v[i], u[i] * u[i], u[i] * v[i], v[i] * v[i]};
                values[k++] = z[i];
            }
        }
        RealMatrix x = new Array2DRowRealMatrix(basis, false);
        RealMatrix normal = x.transpose().multiply(x);
        RealVector rhs = x.preMultiply(new ArrayRealVector(values, false));
        double singular = 1e-9 * Math.max(1, Math.abs(normal.getEntry(0, 0)));
        try {
            return new LUDecomposition(normal, singular).getSolver().solve(rhs).toArray();
        } catch (SingularMatrixException e) {
            return null;
        }
    }

    /** The upper median ({@code sorted[n / 2]}), selected without sorting. */
    private static double median(double[] values) {
        return new KthSelector().select(values.clone(), null, values.length / 2);
    }
}
