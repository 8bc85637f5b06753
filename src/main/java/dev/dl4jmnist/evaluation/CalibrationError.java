package dev.dl4jmnist.evaluation;

import java.util.ArrayList;
import java.util.List;

/**
 * How far a model's stated confidence (its largest probability) can be trusted: the images are put in
 * {@link #BINS} equal-width bins by confidence, and each bin's accuracy is set against its mean
 * confidence. The expected calibration error is those gaps averaged, weighted by the bins' sizes: 0 for a
 * model that is right 90% of the times it says 90%.
 */
public record CalibrationError(double expectedError, List<Bin> bins) {
    /** Bins of the usual reliability diagram and expected calibration error. */
    public static final int BINS = 15;

    /** The images whose confidence fell in [{@code from}, {@code to}). */
    public record Bin(double from, double to, int count, double confidence, double accuracy) {
    }

    /** From each image's probabilities (rows) and true digit. */
    public static CalibrationError of(float[][] probabilities, int[] labels) {
        if (probabilities.length != labels.length || labels.length == 0) {
            throw new IllegalArgumentException("need one label per row of probabilities, and at least one, got "
                    + probabilities.length + " and " + labels.length);
        }
        int[] count = new int[BINS];
        double[] confidence = new double[BINS];
        int[] correct = new int[BINS];
        for (int i = 0; i < labels.length; i++) {
            float[] p = probabilities[i];
            int best = 0;
            for (int d = 1; d < p.length; d++) {
                if (p[d] > p[best]) {
                    best = d;
                }
            }
            int bin = Math.min(BINS - 1, (int) (p[best] * BINS));
            count[bin]++;
            confidence[bin] += p[best];
            correct[bin] += best == labels[i] ? 1 : 0;
        }
        double ece = 0;
        List<Bin> bins = new ArrayList<>();
        for (int b = 0; b < BINS; b++) {
            if (count[b] == 0) {
                continue;
            }
            double meanConfidence = confidence[b] / count[b];
            double accuracy = (double) correct[b] / count[b];
            ece += (double) count[b] / labels.length * Math.abs(accuracy - meanConfidence);
            bins.add(new Bin((double) b / BINS, (double) (b + 1) / BINS, count[b], meanConfidence, accuracy));
        }
        return new CalibrationError(ece, List.copyOf(bins));
    }
}
