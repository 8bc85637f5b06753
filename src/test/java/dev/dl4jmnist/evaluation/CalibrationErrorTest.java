package dev.dl4jmnist.evaluation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The expected calibration error and its bins, worked by hand; the area under the ROC curve from ranks. */
class CalibrationTest {
    private static float[] confident(int digit, float p) {
        float[] row = new float[10];
        java.util.Arrays.fill(row, (1 - p) / 9);
        row[digit] = p;
        return row;
    }

    @Test
    void theErrorIsEachBinsGapWeightedByItsShare() {
        // two at 0.95 (one right: accuracy 0.5, gap 0.45), two at 0.55 (both right: gap 0.45)
        float[][] p = {confident(1, 0.95f), confident(2, 0.95f), confident(3, 0.55f), confident(4, 0.55f)};
        int[] labels = {1, 7, 3, 4};
        CalibrationError c = CalibrationError.of(p, labels);
        assertThat(c.expectedError()).isCloseTo(0.45, within(1e-6));
        assertThat(c.bins()).hasSize(2);
        assertThat(c.bins().get(0).count()).isEqualTo(2);
        assertThat(c.bins().get(0).from()).isCloseTo(8.0 / 15, within(1e-12));
        assertThat(c.bins().get(0).accuracy()).isEqualTo(1.0);
        assertThat(c.bins().get(1).confidence()).isCloseTo(0.95, within(1e-6));
        assertThat(c.bins().get(1).accuracy()).isEqualTo(0.5);
    }

    @Test
    void aModelRightAsOftenAsItSaysHasNoError() {
        float[][] p = new float[10][];
        int[] labels = new int[10];
        for (int i = 0; i < 10; i++) {
            p[i] = confident(0, 0.8f);
            labels[i] = i < 8 ? 0 : 1;                  // right 8 times in 10 at 80%
        }
        assertThat(CalibrationError.of(p, labels).expectedError()).isCloseTo(0, within(1e-6));
    }

    @Test
    void confidenceOfOneFallsInTheLastBin() {
        CalibrationError c = CalibrationError.of(new float[][]{confident(5, 1f)}, new int[]{5});
        assertThat(c.bins()).singleElement().satisfies(b -> assertThat(b.to()).isEqualTo(1.0));
        assertThatThrownBy(() -> CalibrationError.of(new float[0][], new int[0])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aurocCountsPairsTheScoreOrdersRightWithTiesAsHalf() {
        assertThat(Auroc.of(new double[]{0.9, 0.8, 0.4}, new double[]{0.7, 0.4, 0.1})).isCloseTo(7.5 / 9, within(1e-12));
        assertThat(Auroc.of(new double[]{2, 3}, new double[]{0, 1})).isEqualTo(1.0);
        assertThat(Auroc.of(new double[]{0, 1}, new double[]{2, 3})).isEqualTo(0.0);
        assertThat(Auroc.of(new double[]{1, 1}, new double[]{1, 1, 1})).isEqualTo(0.5);
    }
}
