package dev.dl4jmnist.prediction.imaging;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
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
    /** How many times the pixel-to-pixel noise the fit's noise must be before a blank verdict is looked at again. */
    static final float NOISE_INFLATION = 1.5f;

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
     * is absorbed by the surface. The refitting stops early once a round keeps the same pixels as the
     * one before, whose fit it would only repeat (a plain canvas needs two rounds of four).
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
        boolean[] previous = null;
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
            if (Arrays.equals(inlier, previous)) {
                break;                             // coef was fitted to these very samples: every later round repeats this one
            }
            previous = inlier.clone();
            double[] fitted = fitQuadratic(u, v, z, inlier);
            if (fitted == null) {
                break;
            }
            coef = fitted;
        }
        float[] s = new float[gray.size()];
        double[] ux = new double[gray.width()];
        for (int x = 0; x < ux.length; x++) {
            ux[x] = coordinate(x, gray.width());
        }
        for (int y = 0; y < gray.height(); y++) {
            double vy = coordinate(y, gray.height());
            for (int x = 0; x < gray.width(); x++) {
                s[y * gray.width() + x] = (float) surface(coef, ux[x], vy);
            }
        }
        return new Background(new GrayImage(gray.width(), gray.height(), s), (float) noise);
    }

    /**
     * The same background with its noise measured from neighbouring pixels (1.4826 times the median absolute
     * difference of horizontal neighbours, over the square root of two), or null unless that is well below the
     * fit's own (by {@link #NOISE_INFLATION} or more). The fit's estimate, a median over every pixel, grows with
     * the share of the picture the ink covers; differences between neighbours see the ink only at its edges.
     */
    public static Background withPixelNoise(GrayImage gray, Background background) {
        if (gray.width() < 2) {
            return null;
        }
        double[] d = new double[(gray.width() - 1) * gray.height()];
        int k = 0;
        for (int y = 0; y < gray.height(); y++) {
            for (int x = 0; x + 1 < gray.width(); x++) {
                d[k++] = Math.abs(gray.get(x + 1, y) - gray.get(x, y));
            }
        }
        float noise = (float) (1.4826 * median(d) / Math.sqrt(2));
        return noise * NOISE_INFLATION <= background.noise() ? new Background(background.surface(), noise) : null;
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
     * decomposition with partial pivoting), or null when they do not determine one. The normal equations
     * are summed in one pass over the samples, each entry in sample order (exactly as XᵀX and Xᵀz would
     * be), and the symmetric half is copied rather than summed twice.
     */
    private static double[] fitQuadratic(double[] u, double[] v, double[] z, boolean[] inlier) {
        // basis (1, u, v, u², uv, v²): sRC sums b[R]·b[C] for the upper triangle, rR sums b[R]·z (1·x is x exactly)
        double s00 = 0, s01 = 0, s02 = 0, s03 = 0, s04 = 0, s05 = 0, s11 = 0, s12 = 0, s13 = 0, s14 = 0, s15 = 0;
        double s22 = 0, s23 = 0, s24 = 0, s25 = 0, s33 = 0, s34 = 0, s35 = 0, s44 = 0, s45 = 0, s55 = 0;
        double r0 = 0, r1 = 0, r2 = 0, r3 = 0, r4 = 0, r5 = 0;
        int used = 0;
        for (int i = 0; i < z.length; i++) {
            if (!inlier[i]) {
                continue;
            }
            used++;
            double b1 = u[i], b2 = v[i], b3 = u[i] * u[i], b4 = u[i] * v[i], b5 = v[i] * v[i], zi = z[i];
            s00 += 1; s01 += b1; s02 += b2; s03 += b3; s04 += b4; s05 += b5;
            s11 += b1 * b1; s12 += b1 * b2; s13 += b1 * b3; s14 += b1 * b4; s15 += b1 * b5;
            s22 += b2 * b2; s23 += b2 * b3; s24 += b2 * b4; s25 += b2 * b5;
            s33 += b3 * b3; s34 += b3 * b4; s35 += b3 * b5;
            s44 += b4 * b4; s45 += b4 * b5;
            s55 += b5 * b5;
            r0 += zi; r1 += b1 * zi; r2 += b2 * zi; r3 += b3 * zi; r4 += b4 * zi; r5 += b5 * zi;
        }
        double[] sums = {s00, s01, s02, s03, s04, s05, s11, s12, s13, s14, s15, s22, s23, s24, s25, s33, s34, s35, s44, s45, s55};
        double[] rhs = {r0, r1, r2, r3, r4, r5};
        if (used < 6) {
            return null;
        }
        double[][] normal = new double[6][6];
        int k = 0;
        for (int r = 0; r < 6; r++) {
            for (int c = r; c < 6; c++) {
                normal[r][c] = sums[k];
                normal[c][r] = sums[k++];
            }
        }
        double singular = 1e-9 * Math.max(1, Math.abs(normal[0][0]));
        try {
            return new LUDecomposition(new Array2DRowRealMatrix(normal, false), singular).getSolver()
                    .solve(new ArrayRealVector(rhs, false)).toArray();
        } catch (SingularMatrixException e) {
            return null;
        }
    }

    /** The upper median ({@code sorted[n / 2]}), selected without sorting. */
    private static double median(double[] values) {
        return new KthSelector().select(values.clone(), null, values.length / 2);
    }
}
