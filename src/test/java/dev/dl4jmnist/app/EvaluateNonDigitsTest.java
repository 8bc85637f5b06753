package dev.dl4jmnist.app;

import dev.dl4jmnist.FullTier;
import dev.dl4jmnist.TestData;
import dev.dl4jmnist.cli.CliRunner;
import dev.dl4jmnist.data.MnistImages;
import dev.dl4jmnist.evaluation.Auroc;
import dev.dl4jmnist.model.DigitClassifier;
import dev.dl4jmnist.persistence.ModelStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code evaluate --ood}: the model's confidence on MNIST's test digits against an MNIST-like set of
 * pictures that are not digits (here gzipped IDX files of blobs the test makes): the area under the ROC
 * curve is the one computed from those confidences directly.
 */
@FullTier
class EvaluateNonDigitsTest {
    private static final Path KERAS_MLP = Path.of("models/keras/keras-3.11.3-torch/trained_model.h5");
    private static final int BLOBS = 300;

    @Test
    void theAreaUnderTheCurveIsTheConfidencesOwn(@TempDir Path dir) throws IOException {
        writeBlobs(dir);
        EvaluateNonDigits.Result r = EvaluateNonDigits.run(new EvaluateNonDigits.Request(KERAS_MLP,
                TestData.mnist().location().directory(), dir));
        DigitClassifier classifier = ModelStore.loadClassifier(KERAS_MLP);
        double[] digits = confidence(classifier, TestData.mnist().testImages());
        double[] blobs = confidence(classifier, MnistImages.testSetIn(dir));
        assertThat(r.auroc()).isEqualTo(Auroc.of(digits, blobs));
        assertThat(r.digits().count()).isEqualTo(10_000);
        assertThat(r.others().count()).isEqualTo(BLOBS);
        assertThat(r.digits().medianConfidence()).isGreaterThan(0.99);

        CliRunner cli = CliRunner.run("evaluate", "--model", KERAS_MLP.toString(), "--data-dir",
                TestData.mnist().location().directory().toString(), "--ood", dir.toString());
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out()).contains(String.format(java.util.Locale.ROOT, "AUROC of the confidence, digits against not digits: %.4f", r.auroc()))
                .containsPattern("Not digits: .* +300 +0\\.\\d{4} +\\d+\\.\\d%");
    }

    @Test
    void aFolderWithoutAnMnistLikeTestSetIsOneLine(@TempDir Path dir) {
        CliRunner cli = CliRunner.run("evaluate", "--model", KERAS_MLP.toString(), "--ood", dir.toString());
        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.err()).isEqualTo("error: " + dir + " has no t10k-images-idx3-ubyte (plain or .gz): expected an MNIST-like test set there"
                + System.lineSeparator());
    }

    private static double[] confidence(DigitClassifier classifier, MnistImages images) {
        float[][] pixels = new float[images.size()][];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = images.scaled(i);
        }
        float[][] probabilities = classifier.probabilities(pixels);
        double[] out = new double[pixels.length];
        for (int i = 0; i < out.length; i++) {
            for (float p : probabilities[i]) {
                out[i] = Math.max(out[i], p);
            }
        }
        return out;
    }

    /** 300 28×28 pictures of soft random blobs, as gzipped IDX test files. */
    private static void writeBlobs(Path dir) throws IOException {
        Random random = new Random(3);
        try (DataOutputStream images = new DataOutputStream(new GZIPOutputStream(Files.newOutputStream(dir.resolve("t10k-images-idx3-ubyte.gz"))));
             DataOutputStream labels = new DataOutputStream(new GZIPOutputStream(Files.newOutputStream(dir.resolve("t10k-labels-idx1-ubyte.gz"))))) {
            images.writeInt(0x803);
            images.writeInt(BLOBS);
            images.writeInt(28);
            images.writeInt(28);
            labels.writeInt(0x801);
            labels.writeInt(BLOBS);
            for (int n = 0; n < BLOBS; n++) {
                double cx = 6 + random.nextDouble() * 16, cy = 6 + random.nextDouble() * 16, r = 3 + random.nextDouble() * 8;
                for (int y = 0; y < 28; y++) {
                    for (int x = 0; x < 28; x++) {
                        double d = Math.hypot(x - cx, y - cy) / r;
                        images.writeByte((int) Math.round(255 * Math.max(0, 1 - d * d)));
                    }
                }
                labels.writeByte(0);
            }
        }
    }
}
