package dev.dl4jmnist.training;

import dev.dl4jmnist.model.Calibration;
import dev.dl4jmnist.model.DigitClassifier;

import java.util.Arrays;

/**
 * Fits a {@link Calibration} after training, on labelled digits the network never trained on: the
 * temperature that minimises their negative log-likelihood (temperature scaling; Guo et al., 2017), then the
 * "not a digit" threshold as the calibrated confidence that only {@link #REFUSED_SHARE} of them fall below.
 * Nothing else is looked at: no test image and no picture that is not a digit.
 */
public final class CalibrationFit {
    /** The share of unseen digits the threshold is chosen to refuse (so that about as few of any new digits are). */
    public static final double REFUSED_SHARE = 0.005;
    /** The search range of 1 / temperature: the log-likelihood is convex in it, so the minimum inside is found. */
    private static final double LEAST_INVERSE = 0.05, MOST_INVERSE = 20;

    private CalibrationFit() {
    }

    /** What the fit chose, and the held-out images' mean negative log-likelihood before and after. */
    public record Result(Calibration calibration, double nllBefore, double nllAfter) {
    }

    /**
     * @param raw      the network's own probabilities for each held-out digit
     * @param labels   their true digits
     * @param fittedOn which images they are, in words
     */
    public static Result fit(float[][] raw, int[] labels, String fittedOn) {
        if (raw.length != labels.length || raw.length == 0) {
            throw new IllegalArgumentException("need one label per row of probabilities, and at least one, got "
                    + raw.length + " and " + labels.length);
        }
        double inverse = minimise(beta -> nll(raw, labels, beta), LEAST_INVERSE, MOST_INVERSE);
        double temperature = 1 / inverse;
        Calibration probe = new Calibration(temperature, 0, fittedOn, raw.length, 0);
        double[] top = new double[raw.length];
        for (int i = 0; i < raw.length; i++) {
            float[] p = probe.apply(raw[i]);
            top[i] = p[DigitClassifier.argMax(p)];
        }
        double[] sorted = top.clone();
        Arrays.sort(sorted);
        double threshold = sorted[(int) Math.floor(REFUSED_SHARE * sorted.length)];
        long refused = Arrays.stream(top).filter(c -> c < threshold).count();
        Calibration calibration = new Calibration(temperature, threshold, fittedOn, raw.length, (double) refused / raw.length);
        return new Result(calibration, nll(raw, labels, 1), nll(raw, labels, inverse));
    }

    /** Mean negative log-likelihood of the true digits with the logits multiplied by {@code inverse}. */
    static double nll(float[][] raw, int[] labels, double inverse) {
        double sum = 0;
        for (int i = 0; i < raw.length; i++) {
            double max = Double.NEGATIVE_INFINITY;
            double[] z = new double[raw[i].length];
            for (int d = 0; d < z.length; d++) {
                z[d] = inverse * Math.log(Math.max(raw[i][d], Float.MIN_VALUE));
                max = Math.max(max, z[d]);
            }
            double norm = 0;
            for (double v : z) {
                norm += Math.exp(v - max);
            }
            sum += max + Math.log(norm) - z[labels[i]];
        }
        return sum / raw.length;
    }

    /** Golden-section search for the minimum of a unimodal function on [lo, hi]. */
    static double minimise(java.util.function.DoubleUnaryOperator f, double lo, double hi) {
        double ratio = (Math.sqrt(5) - 1) / 2;
        double a = lo, b = hi;
        double c = b - ratio * (b - a), d = a + ratio * (b - a);
        double fc = f.applyAsDouble(c), fd = f.applyAsDouble(d);
        while (b - a > 1e-6) {
            if (fc < fd) {
                b = d;
                d = c;
                fd = fc;
                c = b - ratio * (b - a);
                fc = f.applyAsDouble(c);
            } else {
                a = c;
                c = d;
                fc = fd;
                d = a + ratio * (b - a);
                fd = f.applyAsDouble(d);
            }
        }
        return (a + b) / 2;
    }
}
