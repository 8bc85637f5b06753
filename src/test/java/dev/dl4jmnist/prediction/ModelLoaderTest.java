package dev.dl4jmnist.prediction;

import dev.dl4jmnist.AppException;
import dev.dl4jmnist.TestData;
import dev.dl4jmnist.TestModels;
import dev.dl4jmnist.data.MnistImages;
import dev.dl4jmnist.evaluation.Evaluator;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelLoaderTest {

    @Test
    void loadsADl4jZip() {
        Model model = ModelLoader.load(TestModels.quickModelPath());
        assertInstanceOf(MultiLayerNetwork.class, model);
        assertEquals(TestModels.quickModel().params(), ((MultiLayerNetwork) model).params());
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"models/keras/keras-2.3.1-theano", "models/keras/keras-3.11.3-torch"})
    void loadsKerasFilesThatPredictAsKerasDid(String directory) throws Exception {
        Path dir = Path.of(directory);
        Path h5 = dir.resolve("trained_model.h5");
        Model model = ModelLoader.load(h5);
        MnistImages mnist = TestData.mnist().testImages();
        int n = 200;
        float[][] x = new float[n][];
        for (int i = 0; i < n; i++) {
            x[i] = mnist.scaled(i);
        }
        INDArray probabilities = Evaluator.predict(model, Nd4j.create(x));
        List<String> rows = Files.readAllLines(dir.resolve("test_pred.csv"));
        int[] predicted = Evaluator.argMax(probabilities);
        ByteBuffer keras = ByteBuffer.wrap(Files.readAllBytes(dir.resolve("test_probs.f32le"))).order(ByteOrder.LITTLE_ENDIAN);
        float[][] p = probabilities.toFloatMatrix();
        for (int i = 0; i < n; i++) {
            String[] row = rows.get(i + 1).split(",");
            assertEquals(Integer.parseInt(row[2]), predicted[i], "image " + i);
            for (int d = 0; d < 10; d++) {
                assertEquals(keras.getFloat((i * 10 + d) * 4), p[i][d], 1e-4, "image " + i + " digit " + d);
            }
        }
    }

    @Test
    void aBrokenKerasFileIsOneClearError(@TempDir Path dir) throws Exception {
        Path fake = Files.writeString(dir.resolve("model.h5"), "not HDF5 at all");
        AppException e = assertThrows(AppException.class, () -> ModelLoader.load(fake));
        assertEquals(fake + " is not an HDF5 file (a Keras .h5 model starts with the HDF5 signature)", e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void aZipThatIsNotAModelIsOneClearError(@TempDir Path dir) throws Exception {
        Path fake = Files.write(dir.resolve("model.zip"), new byte[]{'P', 'K', 3, 4, 0, 0});
        AppException e = assertThrows(AppException.class, () -> ModelLoader.load(fake));
        assertTrue(e.getMessage().startsWith("cannot load model " + fake + ": "), e.getMessage());
        AppException missing = assertThrows(AppException.class, () -> ModelLoader.load(dir.resolve("none.zip")));
        assertEquals("model file " + dir.resolve("none.zip") + " does not exist", missing.getMessage());
    }

    @Test
    void latestIsTheNewestZipWithARunSummary(@TempDir Path dir) throws Exception {
        AppException none = assertThrows(AppException.class, () -> ModelLoader.latest(dir));
        assertEquals("no trained model in " + dir + " (run 'train' first, or pass --model)", none.getMessage());
        Path old = Files.writeString(dir.resolve("a-old.zip"), "x");
        Path recent = Files.writeString(dir.resolve("b-recent.zip"), "x");
        Path notes = Files.writeString(dir.resolve("c-notes.json"), "x");
        Path imported = Files.writeString(dir.resolve("d-imported.zip"), "x");   // no run summary: not a trained model
        Files.writeString(dir.resolve("a-old.json"), "{}");
        Files.writeString(dir.resolve("b-recent.json"), "{}");
        Files.setLastModifiedTime(imported, FileTime.fromMillis(1_250_000_000_000L));
        Files.setLastModifiedTime(old, FileTime.fromMillis(1_000_000_000_000L));
        Files.setLastModifiedTime(recent, FileTime.fromMillis(1_100_000_000_000L));
        Files.setLastModifiedTime(notes, FileTime.fromMillis(1_200_000_000_000L));
        assertEquals(recent, ModelLoader.latest(dir));
        Files.setLastModifiedTime(old, FileTime.fromMillis(1_300_000_000_000L));
        assertEquals(old, ModelLoader.latest(dir));
        AppException missing = assertThrows(AppException.class, () -> ModelLoader.latest(dir.resolve("nope")));
        assertEquals("no trained model in " + dir.resolve("nope") + " (run 'train' first, or pass --model)", missing.getMessage());
    }
}
