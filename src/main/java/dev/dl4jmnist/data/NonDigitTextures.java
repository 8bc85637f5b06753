package dev.dl4jmnist.data;

import java.util.Arrays;
import java.util.Random;

import static dev.dl4jmnist.data.NonDigitCanvas.SIDE;
import static dev.dl4jmnist.data.NonDigitCanvas.between;

/**
 * Full-frame textures for the non-digit pictures, computed pixel by pixel at 28×28: stripes, checkerboards,
 * plaids, gradients, smooth value noise at two or three scales, and dots; spread over random grey levels,
 * sometimes masked by a large smooth blob so part of the background is black.
 *
 * <p>Hard-edged patterns are sampled 3×3 times per pixel and averaged (anti-aliasing); sines and cosines
 * come from {@link StrictMath}, so the values are the same bits on every machine.
 */
final class NonDigitTextures {
    /** Samples per pixel along each side for hard-edged patterns. */
    private static final int SUPERSAMPLE = 3;

    private NonDigitTextures() {
    }

    /** A random texture, values in [0, 1]. */
    static float[] texture(Random random) {
        float[] t = switch (random.nextInt(6)) {
            case 0 -> stripes(random);
            case 1 -> checkerboard(random);
            case 2 -> plaid(random);
            case 3 -> gradient(random);
            case 4 -> noise(random);
            default -> dots(random);
        };
        spread(t, random.nextBoolean() ? 0 : between(random, 0, 0.3), between(random, 0.6, 1));
        if (random.nextDouble() < 0.35) {
            mask(t, random);
        }
        return t;
    }

    /** A pattern of position: its value at (x, y), in pixels from the top left corner. */
    private interface Pattern {
        double at(double x, double y);
    }

    /** {@code pattern} averaged over {@value #SUPERSAMPLE}×{@value #SUPERSAMPLE} points in each pixel. */
    private static float[] sampled(Pattern pattern, int samples) {
        float[] out = new float[SIDE * SIDE];
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                double sum = 0;
                for (int j = 0; j < samples; j++) {
                    for (int i = 0; i < samples; i++) {
                        sum += pattern.at(x + (i + 0.5) / samples, y + (j + 0.5) / samples);
                    }
                }
                out[y * SIDE + x] = (float) (sum / (samples * samples));
            }
        }
        return out;
    }

    /** Straight stripes at a random angle, 3 to 10 pixels apart: hard-edged bars or a soft wave. */
    private static float[] stripes(Random random) {
        Pattern stripes = stripePattern(random);
        return sampled(stripes, SUPERSAMPLE);
    }

    private static Pattern stripePattern(Random random) {
        double angle = StrictMath.toRadians(between(random, 0, 180));
        double cos = StrictMath.cos(angle);
        double sin = StrictMath.sin(angle);
        double period = between(random, 3, 10);
        double phase = random.nextDouble();
        double duty = between(random, 0.3, 0.7);
        boolean soft = random.nextDouble() < 0.4;
        return (x, y) -> {
            double u = (x * cos + y * sin) / period + phase;
            return soft ? 0.5 + 0.5 * StrictMath.sin(2 * Math.PI * u) : (u - Math.floor(u) < duty ? 1 : 0);
        };
    }

    /** A checkerboard of 2- to 7-pixel squares, square to the frame or turned. */
    private static float[] checkerboard(Random random) {
        double cell = between(random, 2, 7);
        double angle = random.nextBoolean() ? 0 : StrictMath.toRadians(between(random, 0, 90));
        double cos = StrictMath.cos(angle);
        double sin = StrictMath.sin(angle);
        double ox = random.nextDouble() * cell;
        double oy = random.nextDouble() * cell;
        return sampled((x, y) -> {
            long u = (long) Math.floor((x * cos + y * sin + ox) / cell);
            long v = (long) Math.floor((y * cos - x * sin + oy) / cell);
            return ((u + v) & 1) == 0 ? 1 : 0;
        }, SUPERSAMPLE);
    }

    /** Two sets of stripes crossing: their mean (a weave) or their brighter (a lattice). */
    private static float[] plaid(Random random) {
        Pattern a = stripePattern(random);
        Pattern b = stripePattern(random);
        boolean weave = random.nextBoolean();
        return sampled((x, y) -> weave ? (a.at(x, y) + b.at(x, y)) / 2 : Math.max(a.at(x, y), b.at(x, y)), SUPERSAMPLE);
    }

    /** A linear or radial gradient, sometimes banded by a wave. */
    private static float[] gradient(Random random) {
        double angle = StrictMath.toRadians(between(random, 0, 360));
        double cos = StrictMath.cos(angle);
        double sin = StrictMath.sin(angle);
        double cx = between(random, 0, SIDE);
        double cy = between(random, 0, SIDE);
        double reach = between(random, 14, 40);
        boolean radial = random.nextBoolean();
        double bands = random.nextDouble() < 0.3 ? between(random, 2, 6) : 0;
        return sampled((x, y) -> {
            double t = radial ? StrictMath.hypot(x - cx, y - cy) / reach : 0.5 + ((x - SIDE / 2.0) * cos + (y - SIDE / 2.0) * sin) / reach;
            t = Math.max(0, Math.min(1, radial ? 1 - t : t));
            return bands == 0 ? t : t * (0.6 + 0.4 * StrictMath.cos(2 * Math.PI * bands * t));
        }, 1);
    }

    /** Smooth value noise: two or three scales, each half the last, sometimes cut into a few flat levels. */
    private static float[] noise(Random random) {
        int octaves = 2 + random.nextInt(2);
        double cell = between(random, 4, 14);
        float[] sum = new float[SIDE * SIDE];
        double weight = 1;
        for (int o = 0; o < octaves; o++) {
            float[] layer = valueNoise(random, cell);
            for (int i = 0; i < sum.length; i++) {
                sum[i] += (float) (weight * layer[i]);
            }
            cell = Math.max(1.5, cell / 2);
            weight *= between(random, 0.35, 0.65);
        }
        normalise(sum);
        if (random.nextDouble() < 0.3) {
            int levels = 2 + random.nextInt(3);
            for (int i = 0; i < sum.length; i++) {
                sum[i] = Math.min(levels - 1, (int) (sum[i] * levels)) / (float) (levels - 1);
            }
        }
        return sum;
    }

    /** Random values on a lattice {@code cell} pixels apart, smoothly interpolated between (values in [0, 1]). */
    static float[] valueNoise(Random random, double cell) {
        int n = (int) Math.ceil(SIDE / cell) + 2;
        double[] lattice = new double[n * n];
        for (int i = 0; i < lattice.length; i++) {
            lattice[i] = random.nextDouble();
        }
        double ox = random.nextDouble();
        double oy = random.nextDouble();
        float[] out = new float[SIDE * SIDE];
        for (int y = 0; y < SIDE; y++) {
            double gy = (y + 0.5) / cell + oy;
            int y0 = (int) gy;
            double fy = smoothStep(gy - y0);
            for (int x = 0; x < SIDE; x++) {
                double gx = (x + 0.5) / cell + ox;
                int x0 = (int) gx;
                double fx = smoothStep(gx - x0);
                double top = lattice[y0 * n + x0] * (1 - fx) + lattice[y0 * n + x0 + 1] * fx;
                double bottom = lattice[(y0 + 1) * n + x0] * (1 - fx) + lattice[(y0 + 1) * n + x0 + 1] * fx;
                out[y * SIDE + x] = (float) (top * (1 - fy) + bottom * fy);
            }
        }
        return out;
    }

    private static double smoothStep(double t) {
        return t * t * (3 - 2 * t);
    }

    /** Round dots of random sizes and greys, scattered to cover about 35–90% of the picture. */
    private static float[] dots(Random random) {
        double small = between(random, 0.6, 1.5);
        double large = small + between(random, 0, 1.5);
        double mean = (small + large) / 2;
        int count = (int) Math.min(250, between(random, 0.35, 0.9) * SIDE * SIDE / (Math.PI * mean * mean));
        double[] dots = new double[4 * count];
        for (int d = 0; d < count; d++) {
            dots[4 * d] = between(random, -1, SIDE + 1);
            dots[4 * d + 1] = between(random, -1, SIDE + 1);
            dots[4 * d + 2] = between(random, small, large);
            dots[4 * d + 3] = between(random, 0.4, 1);
        }
        float[] out = new float[SIDE * SIDE];
        for (int d = 0; d < count; d++) {
            drawDot(out, dots[4 * d], dots[4 * d + 1], dots[4 * d + 2], (float) dots[4 * d + 3]);
        }
        return out;
    }

    /** A dot of radius {@code r} at ({@code cx}, {@code cy}): each pixel it covers (counted at 3×3 points) at least {@code grey} times that share. */
    private static void drawDot(float[] image, double cx, double cy, double r, float grey) {
        int x0 = Math.max(0, (int) Math.floor(cx - r));
        int x1 = Math.min(SIDE - 1, (int) Math.floor(cx + r));
        int y0 = Math.max(0, (int) Math.floor(cy - r));
        int y1 = Math.min(SIDE - 1, (int) Math.floor(cy + r));
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                int inside = 0;
                for (int j = 0; j < SUPERSAMPLE; j++) {
                    for (int i = 0; i < SUPERSAMPLE; i++) {
                        double dx = x + (i + 0.5) / SUPERSAMPLE - cx;
                        double dy = y + (j + 0.5) / SUPERSAMPLE - cy;
                        inside += dx * dx + dy * dy <= r * r ? 1 : 0;
                    }
                }
                float v = grey * inside / (SUPERSAMPLE * SUPERSAMPLE);
                image[y * SIDE + x] = Math.max(image[y * SIDE + x], v);
            }
        }
    }

    /** Stretches the values to fill [0, 1] (a flat image stays as it is). */
    private static void normalise(float[] image) {
        float lo = Float.MAX_VALUE;
        float hi = -Float.MAX_VALUE;
        for (float v : image) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        if (hi > lo) {
            for (int i = 0; i < image.length; i++) {
                image[i] = (image[i] - lo) / (hi - lo);
            }
        }
    }

    /** Maps values in [0, 1] onto [{@code lo}, {@code hi}]. */
    private static void spread(float[] image, double lo, double hi) {
        for (int i = 0; i < image.length; i++) {
            image[i] = (float) (lo + image[i] * (hi - lo));
        }
    }

    /** Blacks out part of the picture outside a large smooth blob (coarse value noise, cut softly at a random quantile). */
    private static void mask(float[] image, Random random) {
        float[] blob = valueNoise(random, between(random, 10, 20));
        float[] sorted = blob.clone();
        Arrays.sort(sorted);
        double cut = sorted[(int) (between(random, 0.2, 0.55) * sorted.length)];
        for (int i = 0; i < image.length; i++) {
            double t = Math.max(0, Math.min(1, (blob[i] - cut) / 0.08 + 0.5));
            image[i] = (float) (image[i] * smoothStep(t));
        }
    }
}
