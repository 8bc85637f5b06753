package dev.dl4jmnist.app;

/** The answer for one uploaded picture and the model version that gave it. */
public record PictureAnswer(ServedModel model, ServedPrediction prediction) {
    /** The predicted digit as a metrics label: "0" to "9", or "not_a_digit". */
    public String label() {
        return metricLabel(prediction.prediction().prediction());
    }

    /** The one rule for an answer's metrics label: the digit, or "not_a_digit" when there is none (null). */
    static String metricLabel(Integer digit) {
        return digit != null ? digit.toString() : "not_a_digit";
    }
}
