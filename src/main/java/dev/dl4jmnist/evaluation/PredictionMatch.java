package dev.dl4jmnist.evaluation;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.Arrays;

/** How closely two sets of predicted probabilities agree: same predicted class count, and the largest absolute difference. */
public record PredictionMatch(int matching, int total, double maxAbsDifference) {

    public static PredictionMatch of(INDArray probabilities, INDArray reference) {
        if (!Arrays.equals(probabilities.shape(), reference.shape())) {
            throw new IllegalArgumentException("shapes differ: " + Arrays.toString(probabilities.shape())
                    + " and " + Arrays.toString(reference.shape()));
        }
        int[] a = Evaluator.argMax(probabilities);
        int[] b = Evaluator.argMax(reference);
        int same = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] == b[i]) {
                same++;
            }
        }
        double max = Transforms.abs(probabilities.castTo(reference.dataType()).sub(reference), false).maxNumber().doubleValue();
        return new PredictionMatch(same, a.length, max);
    }

    public boolean allMatch() {
        return matching == total;
    }
}
