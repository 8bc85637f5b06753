package dev.dl4jmnist.model;

/**
 * What a model learned after training, on images it never trained on: a temperature that makes its
 * probabilities honest, and the confidence below which a picture is answered "not a digit".
 *
 * <p>The calibrated probabilities are {@code softmax(log(p) / temperature)} of the network's own
 * probabilities {@code p} (the same as dividing its logits by the temperature): the ranking of the digits
 * never changes, only how sure the model says it is. A picture is a digit when its calibrated top
 * probability is at least {@code threshold}.
 *
 * @param temperature the divisor of the logits, fitted by minimising the negative log-likelihood
 * @param threshold   the least calibrated top probability of an answer that is a digit
 * @param fittedOn    which images both were chosen on, in words (for example "training images 55,001–60,000")
 * @param images      how many images that was
 * @param refusedShare the share of those images the threshold answers "not a digit" (chosen, not measured elsewhere)
 */
public record Calibration(double temperature, double threshold, String fittedOn, int images, double refusedShare) {
    public Calibration {
        if (!(temperature > 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("a temperature must be a positive number, got " + temperature);
        }
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new IllegalArgumentException("a threshold must be a probability, got " + threshold);
        }
    }

    /** The calibrated probabilities of one image's raw probabilities (computed in double, returned as float). */
    public float[] apply(float[] raw) {
        double[] scaled = new double[raw.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int d = 0; d < raw.length; d++) {
            // the smallest positive float keeps log finite for a probability that underflowed to 0
            scaled[d] = Math.log(Math.max(raw[d], Float.MIN_VALUE)) / temperature;
            max = Math.max(max, scaled[d]);
        }
        double sum = 0;
        for (int d = 0; d < raw.length; d++) {
            scaled[d] = Math.exp(scaled[d] - max);
            sum += scaled[d];
        }
        float[] out = new float[raw.length];
        for (int d = 0; d < raw.length; d++) {
            out[d] = (float) (scaled[d] / sum);
        }
        return out;
    }

    /** Whether calibrated probabilities whose largest is {@code top} answer a digit. */
    public boolean isDigit(double top) {
        return top >= threshold;
    }
}
