package dev.dl4jmnist.persistence;

import dev.dl4jmnist.AppException;
import dev.dl4jmnist.evaluation.EvaluationResult;
import dev.dl4jmnist.evaluation.Evaluator;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The reload check counts equal predicted classes, measures the largest difference, and a mismatch is an error. */
class ReloadCheckTest {
    private static EvaluationResult result(float[][] probabilities) {
        return Evaluator.score(Nd4j.create(probabilities), new int[]{0, 1, 2});
    }

    @Test
    void identicalPredictionsPass() {
        float[][] p = {{0.9f, 0.05f, 0.05f}, {0.1f, 0.8f, 0.1f}, {0.2f, 0.2f, 0.6f}};
        ReloadCheck check = ReloadCheck.compare(result(p), result(p));
        assertEquals(new ReloadCheck(3, 3, 0.0), check);
        assertTrue(check.allMatch());
    }

    @Test
    void aChangedClassIsCountedAndIsAnError() {
        float[][] a = {{0.9f, 0.05f, 0.05f}, {0.1f, 0.8f, 0.1f}, {0.2f, 0.2f, 0.6f}};
        float[][] b = {{0.9f, 0.05f, 0.05f}, {0.5f, 0.4f, 0.1f}, {0.2f, 0.2f, 0.6f}};
        ReloadCheck check = ReloadCheck.compare(result(a), result(b));
        assertEquals(2, check.matching());
        assertEquals(3, check.total());
        assertEquals(0.4, check.maxAbsDifference(), 1e-6);
        assertFalse(check.allMatch());

        AppException e = assertThrows(AppException.class, check::requireAllMatch);
        assertTrue(e.getMessage().startsWith("reloaded model predictions differ: 2/3 match (max abs probability difference 0.4"),
                e.getMessage());
    }
}
