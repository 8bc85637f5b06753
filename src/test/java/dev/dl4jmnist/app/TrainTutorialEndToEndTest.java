package dev.dl4jmnist.app;

import dev.dl4jmnist.FullTier;
import dev.dl4jmnist.TestData;
import dev.dl4jmnist.io.Sha256;
import dev.dl4jmnist.persistence.RunSummary;
import dev.dl4jmnist.training.EpochStats;
import dev.dl4jmnist.model.MlpConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import dev.dl4jmnist.data.MnistData;
import dev.dl4jmnist.persistence.ModelStore;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The whole tutorial on the real MNIST: 5 epochs at batch 128, as Keras ran it. */
@FullTier
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrainTutorialEndToEndTest {
    @TempDir
    static Path tmp;

    private TutorialResult result;

    @BeforeAll
    void train() {
        Path data = TestData.mnist().location().directory();
        result = TrainTutorial.run(TutorialRequest.of(MlpConfig.defaults(), data, tmp.resolve("models/mnist-mlp.zip")),
                TutorialObserver.SILENT);
    }

    @Test
    void reachesTheTutorialsAccuracy() {
        assertThat(result.test().accuracy()).isGreaterThanOrEqualTo(0.975);
        assertThat(result.test().loss()).isBetween(0.04, 0.10);           // Keras: 0.068 (Keras 2) and 0.057 (Keras 3)
        assertEquals(10_000, result.test().size());
        assertEquals(669_706, result.parameters());
    }

    @Test
    void historyHasFiveKerasStyleEpochs() {
        List<EpochStats> h = result.history();
        assertEquals(5, h.size());
        assertEquals(430, h.get(0).steps());                              // ceil(55000 / 128): 5,000 held out
        assertThat(h.get(0).loss()).isBetween(0.2, 0.3);                   // Keras: 0.2496 / 0.2478
        assertThat(h.get(0).accuracy()).isBetween(0.90, 0.94);             // Keras: 0.9248 / 0.9255
        assertThat(h.get(4).loss()).isLessThan(h.get(0).loss() / 3);
        assertThat(h.get(4).accuracy()).isGreaterThan(0.98);
        // validation runs on the test set, so the last epoch's val metrics are the test metrics
        assertEquals(result.test().accuracy(), h.get(4).valAccuracy());
        assertEquals(result.test().loss(), h.get(4).valLoss());
    }

    @Test
    void theModelIsSavedWithItsCalibrationFittedOnTheHeldOutImages() {
        assertThat(result.calibration()).isNotNull();
        assertThat(result.calibration().calibration().fittedOn()).isEqualTo(MnistData.describeHeldOut(5_000));
        assertThat(result.calibration().calibration().images()).isEqualTo(5_000);
        assertThat(result.calibration().nllAfter()).isLessThanOrEqualTo(result.calibration().nllBefore());
        assertThat(ModelStore.loadClassifier(result.modelPath()).calibration()).contains(result.calibration().calibration());
        assertEquals(55_000, result.shapes().trainExamples());
    }

    @Test
    void reloadedModelPredictsExactlyTheSame() {
        assertEquals(10_000, result.reload().matching());
        assertEquals(10_000, result.reload().total());
        assertEquals(0.0, result.reload().maxAbsDifference());
    }

    @Test
    void summaryJsonRecordsTheRun() {
        RunSummary s = RunSummary.read(result.summaryPath());
        assertEquals(tmp.resolve("models/mnist-mlp.json"), result.summaryPath());
        assertEquals(MlpConfig.defaults(), s.hyperparameters());
        assertEquals(result.history(), s.history());
        assertEquals(result.test().accuracy(), s.test().accuracy());
        assertEquals(result.test().correctCount(), s.test().correct());
        assertEquals(Sha256.of(result.modelPath()), s.model().sha256());
        assertEquals(result.modelPath().toAbsolutePath().toString(), s.model().path());
        assertThat(s.reloadCheck().passed()).isTrue();
        assertThat(s.timings().trainSeconds()).isPositive();
        assertThat(s.timings().peakRssBytes()).isPositive();
    }
}
