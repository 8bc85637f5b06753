package dev.dl4jmnist.training;

import dev.dl4jmnist.model.Calibration;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CalibrationFitTest {

    /**
     * Images whose true confidence is 80% but whose stated one is sharper (logits doubled): the fitted temperature
     * undoes the doubling, and the log loss falls.
     */
    @Test
    void anOverconfidentModelGetsTheTemperatureThatUndoesItsSharpening() {
        Random random = new Random(3);
        int n = 20_000;
        float[][] raw = new float[n][];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            int predicted = random.nextInt(10);
            // honest: 0.8 on the predicted digit, the rest spread evenly; then sharpened by a temperature of 1/2
            double[] honest = new double[10];
            java.util.Arrays.fill(honest, 0.2 / 9);
            honest[predicted] = 0.8;
            raw[i] = sharpen(honest, 2);
            labels[i] = random.nextDouble() < 0.8 ? predicted : (predicted + 1 + random.nextInt(9)) % 10;
        }
        CalibrationFit.Result fit = CalibrationFit.fit(raw, labels, "test");
        assertThat(fit.calibration().temperature()).isCloseTo(2.0, within(0.05));
        assertThat(fit.nllAfter()).isLessThan(fit.nllBefore());
        float[] calibrated = fit.calibration().apply(raw[0]);
        assertThat(calibrated[dev.dl4jmnist.model.DigitClassifier.argMax(calibrated)]).isCloseTo(0.8f, within(0.01f));
    }

    @Test
    void theThresholdRefusesTheChosenShareOfTheHeldOutDigits() {
        Random random = new Random(5);
        int n = 10_000;
        float[][] raw = new float[n][];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            double[] p = new double[10];
            double top = 0.3 + 0.7 * random.nextDouble();
            java.util.Arrays.fill(p, (1 - top) / 9);
            p[i % 10] = top;
            raw[i] = sharpen(p, 1);
            // honest by construction: right as often as it says
            labels[i] = random.nextDouble() < top ? i % 10 : (i % 10 + 1 + random.nextInt(9)) % 10;
        }
        Calibration c = CalibrationFit.fit(raw, labels, "test").calibration();
        int refused = 0;
        for (float[] r : raw) {
            float[] p = c.apply(r);
            refused += c.isDigit(p[dev.dl4jmnist.model.DigitClassifier.argMax(p)]) ? 0 : 1;
        }
        assertThat((double) refused / n).isEqualTo(c.refusedShare()).isCloseTo(CalibrationFit.REFUSED_SHARE, within(0.001));
        assertThat(c.images()).isEqualTo(n);
    }

    @Test
    void aTemperatureOfOneKeepsTheProbabilitiesAndAHigherOneSoftensThemInTheSameOrder() {
        float[] raw = {0.7f, 0.2f, 0.1f, 0, 0, 0, 0, 0, 0, 0};
        assertThat(new Calibration(1, 0.5, "test", 1, 0).apply(raw)).containsExactly(raw, within(1e-6f));
        float[] soft = new Calibration(2, 0.5, "test", 1, 0).apply(raw);
        assertThat(soft[0]).isLessThan(0.7f).isGreaterThan(soft[1]);
        assertThat(soft[1]).isGreaterThan(soft[2]);
    }

    private static float[] sharpen(double[] p, double factor) {
        double[] z = new double[p.length];
        double sum = 0;
        for (int d = 0; d < p.length; d++) {
            z[d] = Math.exp(factor * Math.log(p[d]));
            sum += z[d];
        }
        float[] out = new float[p.length];
        for (int d = 0; d < p.length; d++) {
            out[d] = (float) (z[d] / sum);
        }
        return out;
    }
}
