package dev.dl4jmnist.cli;

import dev.dl4jmnist.TestData;
import dev.dl4jmnist.TestModels;
import dev.dl4jmnist.data.MnistImages;
import dev.dl4jmnist.model.DigitClassifier;
import dev.dl4jmnist.persistence.ModelStore;
import dev.dl4jmnist.prediction.imaging.RealisticDigits;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Keras-written keras.io MNIST convnet (models/keras/keras-3.11.3-torch-convnet, written by Keras 3.11.3's own
 * {@code model.save}) through the commands: {@code compare} reproduces Keras's own 10,000 predictions (every class,
 * probabilities within 1e-5), {@code import-keras} writes a zip that holds exactly the imported network, and
 * {@code predict} labels pictures with it, from the .h5 and from the zip. Full tier: the CNN's pass over the test set
 * and the one-epoch DL4J model it is compared with take well over 5 s on 2 cores.
 */
@Tag("full")
class KerasConvnetCommandsTest {
    private static final String CONVNET = "models/keras/keras-3.11.3-torch-convnet/trained_model.h5";

    @Test
    void compareReproducesKerassOwnPredictionsOnAllTestImages(@TempDir Path tmp) {
        Path grid = tmp.resolve("disagreements.png");
        CliRunner r = CliRunner.run("compare", "--keras", CONVNET, "--data-dir", TestData.mnist().location().directory().toString(),
                "--model", TestModels.quickModelPath().toString(), "--grid", grid.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("Keras version, backend   3.11.3, torch"), r.out());
        assertTrue(r.out().contains("Network in DL4J          Sequential -> MultiLayerNetwork"), r.out());
        assertTrue(r.out().contains("Parameters               34,826"), r.out());
        assertTrue(r.out().contains("Test accuracy            0.9755"), r.out());
        assertTrue(r.out().contains("Keras-reported accuracy  0.9755"), r.out());
        Matcher keras = Pattern.compile("Imported Keras model vs Keras's own predictions \\(test_probs\\.npy\\): classes 10000/10000"
                + " identical, max abs probability difference (\\S+)").matcher(r.out());
        assertTrue(keras.find(), r.out());
        assertThat(Double.parseDouble(keras.group(1))).isGreaterThanOrEqualTo(0).isLessThanOrEqualTo(1e-5);
        assertTrue(r.out().contains("can be trained further in DL4J with Adam(learning_rate=0.001, beta_1=0.9, beta_2=0.999, epsilon=1.0E-7)"), r.out());
        assertTrue(r.out().contains("Picture of the first 9: " + grid), r.out());
        assertTrue(Files.isRegularFile(grid));
        assertEquals("", r.err());
    }

    @Test
    void importKerasWritesTheCnnAndPredictLabelsPicturesWithIt(@TempDir Path tmp) throws Exception {
        Path zip = tmp.resolve("convnet.zip");
        CliRunner r = CliRunner.run("import-keras", CONVNET, "--output", zip.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("Keras model: " + CONVNET + " (Keras 3.11.3 (torch), Sequential)"), r.out());
        assertTrue(r.out().contains("Total params: 34,826"), r.out());
        for (String[] row : new String[][]{{"conv2d (ConvolutionLayer)", "(None, 26, 26, 32)", "320"},
                {"max_pooling2d_1 (SubsamplingLayer)", "(None, 5, 5, 64)", "0"}, {"dense (DenseLayer)", "(None, 10)", "16,010"},
                {"dense_loss (LossLayer)", "(None, 10)", "0"}}) {
            assertTrue(r.out().contains(String.format(java.util.Locale.ROOT, "%-40s %-22s %14s", (Object[]) row)), r.out());
        }
        assertTrue(r.out().contains("  - Input(shape=(28, 28, 1)) given as 784 pixel values followed by Reshape((28, 28, 1))"), r.out());
        assertTrue(r.out().contains("Reloaded from the zip: max abs output difference 0.0"), r.out());

        INDArray batch = TestData.mnist().test(500, 500).next().getFeatures();    // 784 values per image, as everywhere
        INDArray fromH5 = ModelStore.loadClassifier(Path.of(CONVNET)).probabilities(batch);
        INDArray fromZip = ModelStore.loadClassifier(zip).probabilities(batch);
        assertEquals(fromH5, fromZip);

        MnistImages mnist = TestData.mnist().testImages();
        RealisticDigits maker = new RealisticDigits(1);
        Path seven = maker.write(mnist, 0, tmp, "a-seven", false);
        Path two = maker.write(mnist, 1, tmp, "b-two", true);
        for (String model : List.of(CONVNET, zip.toString())) {
            CliRunner predict = CliRunner.run("predict", "--model", model, seven.toString(), two.toString());
            assertEquals(0, predict.exitCode(), predict.err());
            List<String> out = predict.out().lines().toList();
            assertTrue(out.get(0).startsWith(seven + ": 7 ("), predict.out());
            assertTrue(out.get(1).startsWith(two + ": 2 ("), predict.out());
        }
        assertEquals(34_826, DigitClassifier.of(ModelStore.load(zip)).network().numParams());
    }
}
