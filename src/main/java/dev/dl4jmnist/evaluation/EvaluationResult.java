package dev.dl4jmnist.evaluation;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A model's results on a labelled set: Keras's {@code evaluate} pair (mean categorical cross-entropy
 * and accuracy) plus what {@code predict} gives, per image: the probabilities, predicted and true classes.
 */
public record EvaluationResult(double loss, double accuracy, INDArray probabilities, int[] predicted, int[] labels) {

    public int size() {
        return labels.length;
    }

    public int correctCount() {
        int n = 0;
        for (int i = 0; i < labels.length; i++) {
            if (predicted[i] == labels[i]) {
                n++;
            }
        }
        return n;
    }
}
