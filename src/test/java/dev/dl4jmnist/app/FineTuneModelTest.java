package dev.dl4jmnist.app;

import dev.dl4jmnist.FullTier;
import dev.dl4jmnist.TestData;
import dev.dl4jmnist.TestModels;
import dev.dl4jmnist.data.MnistData;
import dev.dl4jmnist.data.MnistImages;
import dev.dl4jmnist.evaluation.EvaluationResult;
import dev.dl4jmnist.evaluation.Evaluator;
import dev.dl4jmnist.io.Sha256;
import dev.dl4jmnist.model.Calibration;
import dev.dl4jmnist.persistence.ModelStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Fine-tuning from corrections: 20 MNIST test digits the one-epoch model gets wrong, saved as pictures in
 * their digits' folders, then a new version trained on them mixed with 5,000 replayed training images:
 * it gets most of them right, keeps its MNIST accuracy, and leaves the source model untouched. A calibrated
 * model's new version is calibrated again on the same held-out images.
 */
@FullTier
class FineTuneModelTest {
    @TempDir
    Path tmp;

    @Test
    void theNewVersionLearnsTheCorrectionsWithoutForgettingMnist() throws IOException {
        Path source = TestModels.quickModelPath();
        String sourceSha = Sha256.of(source);
        MnistData data = TestData.mnist();
        EvaluationResult test = Evaluator.evaluate(ModelStore.load(source), data.test(1000, MnistData.TEST_SIZE));
        Path corrections = writeMisread(test, data.testImages(), 20);
        FineTuneResult r = FineTuneModel.run(new FineTuneRequest(source, corrections, tmp.resolve("new.zip"),
                data.location().directory(), 5000, 2, 64, FineTuneRequest.DEFAULT_LEARNING_RATE, 42));
        assertEquals(20, r.corrections());
        assertEquals(test.accuracy(), r.testBefore().accuracy(), "before: the source model's own accuracy");
        assertThat(r.correctionsBefore().accuracy()).as("the model got these wrong").isLessThanOrEqualTo(0.3);
        assertThat(r.correctionsAfter().accuracy()).as("and learns them").isGreaterThanOrEqualTo(0.8);
        assertThat(r.testAfter().accuracy()).as("without forgetting MNIST").isGreaterThan(r.testBefore().accuracy() - 0.01);
        assertThat(tmp.resolve("new.zip")).exists();
        assertThat(r.calibration()).as("an uncalibrated source gives an uncalibrated version").isNull();
        assertThat(ModelStore.calibrationOf(tmp.resolve("new.zip"))).isEmpty();
        assertEquals(sourceSha, Sha256.of(source), "the source model is untouched");
    }

    @Test
    void aCalibratedModelsNewVersionIsCalibratedAgainOnTheSameHeldOutImages() throws IOException {
        Path source = TestModels.calibratedModelPath();
        Calibration before = ModelStore.calibrationOf(source).orElseThrow();
        MnistData data = TestData.mnist();
        EvaluationResult test = Evaluator.evaluate(ModelStore.load(source), data.test(1000, MnistData.TEST_SIZE));
        Path corrections = writeMisread(test, data.testImages(), 10);
        FineTuneResult r = FineTuneModel.run(new FineTuneRequest(source, corrections, tmp.resolve("new.zip"),
                data.location().directory(), 2000, 1, 64, FineTuneRequest.DEFAULT_LEARNING_RATE, 42));
        Calibration after = ModelStore.calibrationOf(tmp.resolve("new.zip")).orElseThrow();
        assertEquals(r.calibration().calibration(), after, "the printed calibration is the saved one");
        assertEquals(before.fittedOn(), after.fittedOn());
        assertEquals(MnistData.HELD_OUT, after.images());
        assertThat(after.temperature()).as("fitted again, on the new weights").isNotEqualTo(before.temperature());
        assertThat(r.calibration().nllAfter()).isLessThanOrEqualTo(r.calibration().nllBefore());
    }

    /** The first {@code count} test digits the model gets wrong, as pictures in folders named after their digits. */
    private Path writeMisread(EvaluationResult test, MnistImages images, int count) throws IOException {
        Path corrections = tmp.resolve("corrections");
        int written = 0;
        for (int i = 0; i < images.size() && written < count; i++) {
            if (test.predicted()[i] != test.labels()[i]) {
                Path dir = Files.createDirectories(corrections.resolve(String.valueOf(test.labels()[i])));
                ImageIO.write(picture(images, i), "png", dir.resolve("test-" + i + ".png").toFile());
                written++;
            }
        }
        return corrections;
    }

    /** MNIST test image {@code i} as a 28×28 gray picture (white ink on black, as MNIST). */
    private static BufferedImage picture(MnistImages images, int i) {
        BufferedImage b = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
        for (int r = 0; r < 28; r++) {
            for (int c = 0; c < 28; c++) {
                b.getRaster().setSample(c, r, 0, images.pixel(i, r, c));
            }
        }
        return b;
    }
}
