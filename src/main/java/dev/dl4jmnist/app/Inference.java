package dev.dl4jmnist.app;

/**
 * The answer to a batch of images: the model version that computed it, each image's ten probabilities and its label.
 */
public record Inference(ServedModel model, float[][] probabilities, int[] labels) {
}
