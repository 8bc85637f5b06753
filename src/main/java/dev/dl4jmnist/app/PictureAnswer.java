package dev.dl4jmnist.app;

/** The label for one uploaded picture and the model version that gave it. */
public record PictureAnswer(ServedModel model, ServedPrediction prediction) {
    /** The predicted digit. */
    public int label() {
        return prediction.prediction().prediction();
    }
}
