package dev.dl4jmnist.evaluation;

/**
 * The 95% Wilson score interval of a proportion ({@code successes} of {@code trials}): unlike the normal
 * approximation it stays inside [0, 1] and is honest for small counts and for proportions near 0 or 1.
 */
public record WilsonInterval(double low, double high) {
    /** The normal quantile of 97.5%: a two-sided 95% interval. */
    static final double Z = 1.959963984540054;

    /** The interval for {@code successes} of {@code trials}; [0, 1] when there were no trials. */
    public static WilsonInterval of(int successes, int trials) {
        if (successes < 0 || trials < 0 || successes > trials) {
            throw new IllegalArgumentException("need 0 <= successes <= trials, got " + successes + " of " + trials);
        }
        if (trials == 0) {
            return new WilsonInterval(0, 1);
        }
        double n = trials;
        double p = successes / n;
        double z2 = Z * Z;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = Z / (1 + z2 / n) * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        return new WilsonInterval(Math.max(0, centre - half), Math.min(1, centre + half));
    }
}
