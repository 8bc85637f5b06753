package dev.dl4jmnist.evaluation;

import java.util.Arrays;

/**
 * The tutorial's {@code correct_indices} and {@code incorrect_indices}: the test images the model
 * labelled right and wrong, as indices in file order (ascending).
 */
public record PredictionSplit(int[] correct, int[] incorrect) {

    public static PredictionSplit of(EvaluationResult result) {
        return of(result.predicted(), result.labels());
    }

    public static PredictionSplit of(int[] predicted, int[] labels) {
        if (predicted.length != labels.length) {
            throw new IllegalArgumentException(predicted.length + " predictions for " + labels.length + " labels");
        }
        int[] right = new int[labels.length];
        int[] wrong = new int[labels.length];
        int nRight = 0;
        int nWrong = 0;
        for (int i = 0; i < labels.length; i++) {
            if (predicted[i] == labels[i]) {
                right[nRight++] = i;
            } else {
                wrong[nWrong++] = i;
            }
        }
        return new PredictionSplit(Arrays.copyOf(right, nRight), Arrays.copyOf(wrong, nWrong));
    }

    /** The first {@code n} correctly labelled indices (fewer if there are fewer). */
    public int[] firstCorrect(int n) {
        return Arrays.copyOf(correct, Math.min(n, correct.length));
    }

    /** The first {@code n} incorrectly labelled indices (fewer if there are fewer). */
    public int[] firstIncorrect(int n) {
        return Arrays.copyOf(incorrect, Math.min(n, incorrect.length));
    }
}
