package dev.dl4jmnist.evaluation;

import java.util.Arrays;

/**
 * The area under the ROC curve of a score that should be higher for {@code positives} than for
 * {@code negatives}: the chance that a random positive outscores a random negative (ties count half),
 * computed from ranks (the Mann–Whitney statistic). 1 separates them perfectly; 0.5 is guessing.
 */
public final class Auroc {
    private Auroc() {
    }

    public static double of(double[] positives, double[] negatives) {
        if (positives.length == 0 || negatives.length == 0) {
            throw new IllegalArgumentException("need scores of both kinds, got " + positives.length + " and " + negatives.length);
        }
        int n = positives.length + negatives.length;
        double[][] all = new double[n][];
        for (int i = 0; i < positives.length; i++) {
            all[i] = new double[]{positives[i], 1};
        }
        for (int i = 0; i < negatives.length; i++) {
            all[positives.length + i] = new double[]{negatives[i], 0};
        }
        Arrays.sort(all, (a, b) -> Double.compare(a[0], b[0]));
        double positiveRanks = 0;
        for (int i = 0; i < n; ) {
            int j = i;
            while (j < n && all[j][0] == all[i][0]) {
                j++;
            }
            double rank = (i + 1 + j) / 2.0;              // tied scores share their mean rank (1-based)
            for (int k = i; k < j; k++) {
                positiveRanks += all[k][1] * rank;
            }
            i = j;
        }
        double p = positives.length;
        return (positiveRanks - p * (p + 1) / 2) / (p * negatives.length);
    }
}
