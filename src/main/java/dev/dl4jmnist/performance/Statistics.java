package dev.dl4jmnist.performance;

import java.util.Arrays;

/** The benchmark's one summary statistic: the median, robust to a run disturbed by other work on the machine. */
public final class Statistics {
    private Statistics() {
    }

    /** The median of {@code values} (the mean of the middle two for an even count); NaN for none. */
    public static double median(double... values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
