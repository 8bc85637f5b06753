package dev.dl4jmnist.persistence;

import dev.dl4jmnist.AppException;
import dev.dl4jmnist.evaluation.EvaluationResult;
import dev.dl4jmnist.evaluation.PredictionMatch;

/**
 * The tutorial's last cell: do the saved-and-reloaded model's predicted classes equal the in-memory
 * model's? Also records the largest absolute difference between their probabilities.
 */
public record ReloadCheck(int matching, int total, double maxAbsDifference) {

    public static ReloadCheck compare(EvaluationResult original, EvaluationResult reloaded) {
        PredictionMatch m = PredictionMatch.of(reloaded.probabilities(), original.probabilities());
        return new ReloadCheck(m.matching(), m.total(), m.maxAbsDifference());
    }

    public boolean allMatch() {
        return matching == total;
    }

    /** Throws when the reloaded model's predictions differ (the caller reports it as an error). */
    public void requireAllMatch() {
        if (!allMatch()) {
            throw new AppException("reloaded model predictions differ: " + matching + "/" + total
                    + " match (max abs probability difference " + maxAbsDifference + ")");
        }
    }
}
