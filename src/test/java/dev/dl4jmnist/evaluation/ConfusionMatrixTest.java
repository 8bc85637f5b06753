package dev.dl4jmnist.evaluation;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ConfusionMatrixTest {
    // six images of classes 0–2: image 4 (a 2) predicted 1, image 5 (a 1) predicted 2
    private static final int[] PREDICTED = {0, 1, 2, 2, 1, 2};
    private static final int[] LABELS = {0, 1, 2, 2, 2, 1};

    @Test
    void countsTrueClassByPredictedClass() {
        ConfusionMatrix m = ConfusionMatrix.of(PREDICTED, LABELS, 3);
        assertArrayEquals(new int[]{1, 0, 0}, m.counts()[0]);
        assertArrayEquals(new int[]{0, 1, 1}, m.counts()[1]);
        assertArrayEquals(new int[]{0, 1, 2}, m.counts()[2]);
        assertEquals(4, m.correct());
        assertEquals(6, m.total());
        assertEquals(3, m.actualTotal(2));
        assertEquals(3, m.predictedTotal(2));
    }

    @Test
    void formatsAReadableTable() {
        String nl = System.lineSeparator();
        assertEquals("Confusion matrix (rows: true class, columns: predicted class)" + nl
                        + "true\\pred     0    1    2  total" + nl
                        + "0             1    0    0      1" + nl
                        + "1             0    1    1      2" + nl
                        + "2             0    1    2      3" + nl
                        + "total         1    2    3      6" + nl,
                ConfusionMatrix.of(PREDICTED, LABELS, 3).format());
    }

    @Test
    void perClassMetricsComeFromDl4jEvaluation() {
        float[][] probabilities = new float[6][3];
        for (int i = 0; i < 6; i++) {
            probabilities[i][PREDICTED[i]] = 0.9f;
            probabilities[i][(PREDICTED[i] + 1) % 3] = 0.1f;
        }
        EvaluationResult r = Evaluator.score(Nd4j.create(probabilities), LABELS);
        ClassReport report = ClassReport.of(r, 3);
        List<ClassMetrics> c = report.classes();
        assertEquals(new ClassMetrics(0, 1.0, 1.0, 1.0, 1), c.get(0));
        assertEquals(0.5, c.get(1).precision(), 1e-12);
        assertEquals(0.5, c.get(1).recall(), 1e-12);
        assertEquals(0.5, c.get(1).f1(), 1e-12);
        assertEquals(2, c.get(1).support());
        assertEquals(2.0 / 3, c.get(2).precision(), 1e-12);
        assertEquals(2.0 / 3, c.get(2).recall(), 1e-12);
        assertEquals(3, c.get(2).support());
        assertEquals((1 + 0.5 + 2.0 / 3) / 3, report.macroPrecision(), 1e-12);
        assertEquals(4.0 / 6, report.accuracy(), 1e-12);
        String text = report.format();
        assertEquals(String.format("%-10s %9s %9s %9s %9s", "digit", "precision", "recall", "f1", "support"),
                text.lines().toList().get(1));
        assertEquals("2             0.6667    0.6667    0.6667         3", text.lines().toList().get(4));
        assertEquals("accuracy                          0.6667         6", text.lines().toList().get(6));
    }
}
