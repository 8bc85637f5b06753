package dev.dl4jmnist.evaluation;

import dev.dl4jmnist.RawIdx;
import dev.dl4jmnist.TestData;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PredictionSplitTest {
    private static final int N = 400;
    private static final double THRESHOLD = 0.13;
    private static int[] expectedPredictions;
    private static int[] labels;
    private static EvaluationResult result;

    @BeforeAll
    static void evaluateFixture() {
        expectedPredictions = new int[N];
        labels = new int[N];
        double closest = 1;
        for (int i = 0; i < N; i++) {
            byte[] px = RawIdx.image(RawIdx.testImages(), i);
            double sum = 0;
            for (byte b : px) {
                sum += (b & 0xFF) / 255.0;
            }
            double mean = sum / px.length;
            closest = Math.min(closest, Math.abs(mean - THRESHOLD));
            expectedPredictions[i] = mean > THRESHOLD ? 0 : 1;
            labels[i] = RawIdx.label(RawIdx.testLabels(), i);
        }
        assertTrue(closest > 1e-4, "no image sits on the fixture's threshold (closest " + closest + ")");
        MultiLayerNetwork net = FixtureModels.meanIntensity(THRESHOLD);
        result = Evaluator.evaluate(net, TestData.mnist().test(100, N));
    }

    @Test
    void fixtureModelPredictsExactlyWhatItWasBuiltTo() {
        assertArrayEquals(expectedPredictions, result.predicted());
        assertArrayEquals(labels, result.labels());
    }

    @Test
    void splitsCorrectAndIncorrectImagesByIndex() {
        List<Integer> right = new ArrayList<>();
        List<Integer> wrong = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            (expectedPredictions[i] == labels[i] ? right : wrong).add(i);
        }
        PredictionSplit split = PredictionSplit.of(result);
        assertArrayEquals(right.stream().mapToInt(Integer::intValue).toArray(), split.correct());
        assertArrayEquals(wrong.stream().mapToInt(Integer::intValue).toArray(), split.incorrect());
        // a real mix: zeros and ones recognised, every other digit wrong
        assertTrue(right.size() > 40 && wrong.size() > 200, right.size() + " right, " + wrong.size() + " wrong");
        assertEquals(right.size(), result.correctCount());
        assertArrayEquals(right.subList(0, 9).stream().mapToInt(Integer::intValue).toArray(), split.firstCorrect(9));
        assertArrayEquals(wrong.subList(0, 9).stream().mapToInt(Integer::intValue).toArray(), split.firstIncorrect(9));
        // test image 0 is a 7: always wrong for this model
        assertEquals(0, split.incorrect()[0]);
        for (int i : split.firstCorrect(9)) {
            assertTrue(labels[i] == 0 || labels[i] == 1);
        }
    }

    @Test
    void confusionMatrixCountsOnlyTheTwoPredictedColumns() {
        ModelAnalysis analysis = ModelAnalysis.of(result);
        ConfusionMatrix m = analysis.confusion();
        int[][] expected = new int[10][10];
        for (int i = 0; i < N; i++) {
            expected[labels[i]][expectedPredictions[i]]++;
        }
        for (int t = 0; t < 10; t++) {
            assertArrayEquals(expected[t], m.counts()[t], "row of true class " + t);
        }
        assertEquals(N, m.total());
        assertEquals(analysis.correctCount(), m.correct());
        assertEquals(N - analysis.correctCount(), analysis.incorrectCount());
        // DL4J's per-class numbers agree with the matrix
        for (ClassMetrics c : analysis.classes().classes()) {
            int d = c.digit();
            assertEquals(m.actualTotal(d), c.support());
            double precision = m.predictedTotal(d) == 0 ? 0 : (double) m.count(d, d) / m.predictedTotal(d);
            double recall = m.actualTotal(d) == 0 ? 0 : (double) m.count(d, d) / m.actualTotal(d);
            assertEquals(precision, c.precision(), 1e-12, "precision of " + d);
            assertEquals(recall, c.recall(), 1e-12, "recall of " + d);
        }
        assertEquals((double) m.correct() / N, analysis.classes().accuracy(), 1e-12);
    }

    @Test
    void firstNStopsAtWhatThereIs() {
        PredictionSplit split = PredictionSplit.of(new int[]{3, 3, 1}, new int[]{3, 2, 1});
        assertArrayEquals(new int[]{0, 2}, split.firstCorrect(9));
        assertArrayEquals(new int[]{1}, split.firstIncorrect(9));
        assertArrayEquals(new int[]{0}, split.firstCorrect(1));
        assertThrows(IllegalArgumentException.class, () -> PredictionSplit.of(new int[2], new int[3]));
    }
}
