package dev.dl4jmnist.model;

/**
 * The model's answer for one image: the probabilities shown to users (calibrated when the model carries a
 * {@link Calibration}, else the network's own) and whether the image is a digit at all.
 *
 * @param probabilities ten probabilities in digit order
 * @param digit         false when the model's calibration says the image is not a digit (always true uncalibrated)
 * @param calibrated    whether the probabilities are calibrated
 */
public record DigitAnswer(float[] probabilities, boolean digit, boolean calibrated) {
    /** The most probable digit (the first maximum). */
    public int best() {
        return DigitClassifier.argMax(probabilities);
    }

    /** The probability of the most probable digit. */
    public float confidence() {
        return probabilities[best()];
    }
}
