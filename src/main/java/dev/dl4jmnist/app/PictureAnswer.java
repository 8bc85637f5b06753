package dev.dl4jmnist.app;

/** The answer for one uploaded picture and the model version that gave it. */
public record PictureAnswer(ServedModel model, ServedPrediction prediction) {
    /** The predicted digit as a metrics label: "0" to "9", or "not_a_digit". */
    public String label() {
        Integer digit = prediction.prediction().prediction();
        return digit != null ? digit.toString() : "not_a_digit";
    }
}
