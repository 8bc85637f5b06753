package dev.dl4jmnist.persistence;

import dev.dl4jmnist.evaluation.EvaluationResult;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The tutorial's last cell: do the saved-and-reloaded model's predicted classes equal the in-memory
 * model's? Also records the largest absolute difference between their probabilities.
 */
public record ReloadCheck(int matching, int total, double maxAbsDifference) {

    public static ReloadCheck compare(EvaluationResult original, EvaluationResult reloaded) {
        int[] a = original.predicted();
        int[] b = reloaded.predicted();
        if (a.length != b.length) {
            throw new IllegalArgumentException("different numbers of predictions: " + a.length + " and " + b.length);
        }
        int same = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] == b[i]) {
                same++;
            }
        }
        INDArray diff = Transforms.abs(original.probabilities().sub(reloaded.probabilities()), false);
        return new ReloadCheck(same, a.length, diff.maxNumber().doubleValue());
    }

    public boolean allMatch() {
        return matching == total;
    }
}
