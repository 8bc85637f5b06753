package dev.dl4jmnist.app;

/**
 * The answer to a batch of images: the model version that computed it, each image's ten probabilities (calibrated
 * when the model is), its most probable digit, and whether the model says it is not a digit at all.
 */
public record Inference(ServedModel model, float[][] probabilities, int[] labels, boolean[] notADigit) {
    /** Each image's answer as a metrics label: "0" to "9", or "not_a_digit". */
    public java.util.List<String> metricLabels() {
        java.util.List<String> out = new java.util.ArrayList<>(labels.length);
        for (int i = 0; i < labels.length; i++) {
            out.add(PictureAnswer.metricLabel(notADigit[i] ? null : labels[i]));
        }
        return out;
    }
}
