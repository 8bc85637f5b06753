package dev.dl4jmnist.persistence;

import dev.dl4jmnist.FullTier;
import dev.dl4jmnist.model.DigitClassifier;
import dev.dl4jmnist.AppException;
import dev.dl4jmnist.TestData;
import dev.dl4jmnist.TestModels;
import dev.dl4jmnist.data.MnistImages;
import dev.dl4jmnist.evaluation.Evaluator;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions;
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

class ModelLoadingTest {

    @FullTier
    @Test
    void loadsADl4jZip() {
        Model model = ModelStore.load(TestModels.quickModelPath());
        assertInstanceOf(MultiLayerNetwork.class, model);
        dev.dl4jmnist.Bits.assertBitIdentical(TestModels.quickModel().params(), ((MultiLayerNetwork) model).params(), "parameters");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"models/keras/keras-2.3.1-theano", "models/keras/keras-3.11.3-torch"})
    void loadsKerasFilesThatPredictAsKerasDid(String directory) throws Exception {
        Path dir = Path.of(directory);
        Path h5 = dir.resolve("trained_model.h5");
        Model model = ModelStore.load(h5);
        MnistImages mnist = TestData.mnist().testImages();
        int n = 200;
        float[][] x = new float[n][];
        for (int i = 0; i < n; i++) {
            x[i] = mnist.scaled(i);
        }
        INDArray probabilities = DigitClassifier.of(model).probabilities(Nd4j.create(x));
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
        AppException e = assertThrows(AppException.class, () -> ModelStore.load(fake));
        assertEquals(fake + " is not an HDF5 file (a Keras .h5 model starts with the HDF5 signature)", e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void aZipThatIsNotAModelIsOneClearError(@TempDir Path dir) throws Exception {
        Path fake = Files.write(dir.resolve("model.zip"), new byte[]{'P', 'K', 3, 4, 0, 0});
        AppException e = assertThrows(AppException.class, () -> ModelStore.load(fake));
        assertTrue(e.getMessage().startsWith("cannot load model " + fake + ": "), e.getMessage());
        AppException missing = assertThrows(AppException.class, () -> ModelStore.load(dir.resolve("none.zip")));
        assertEquals("model file " + dir.resolve("none.zip") + " does not exist", missing.getMessage());
    }

    @Test
    void latestIsTheNewestZipWithARunSummary(@TempDir Path dir) throws Exception {
        AppException none = assertThrows(AppException.class, () -> ModelStore.latest(dir));
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
        assertEquals(recent, ModelStore.latest(dir));
        Files.setLastModifiedTime(old, FileTime.fromMillis(1_300_000_000_000L));
        assertEquals(old, ModelStore.latest(dir));
        AppException missing = assertThrows(AppException.class, () -> ModelStore.latest(dir.resolve("nope")));
        assertEquals("no trained model in " + dir.resolve("nope") + " (run 'train' first, or pass --model)", missing.getMessage());
    }

    @Test
    void aModelOfAnotherShapeIsOneLineNamingTheFileAndTheShapes(@TempDir Path dir) {
        Path hundredInputs = dir.resolve("in100.zip");
        ModelStore.save(network(100, 10), hundredInputs);
        AppException in = assertThrows(AppException.class, () -> ModelStore.load(hundredInputs));
        assertEquals("model " + hundredInputs + " takes 100 inputs per image, not 784 (a flattened 28×28 image)", in.getMessage());

        Path fiveOutputs = dir.resolve("out5.zip");
        ModelStore.save(network(784, 5), fiveOutputs);
        AppException out = assertThrows(AppException.class, () -> ModelStore.load(fiveOutputs));
        assertEquals("model " + fiveOutputs + " does not output 10 digit probabilities (output shape [1, 5])", out.getMessage());
    }

    @Test
    void aModelWithNonFiniteWeightsIsRefusedNamingTheLayer(@TempDir Path dir) {
        MultiLayerNetwork net = network(784, 10);
        net.getLayer(0).getParam("W").putScalar(3, Double.NaN);
        Path nan = dir.resolve("nan.zip");
        ModelStore.save(net, nan);
        AppException e = assertThrows(AppException.class, () -> ModelStore.load(nan));
        assertEquals("model " + nan + " has NaN weights in layer 'layer0': it cannot give meaningful probabilities", e.getMessage());

        MultiLayerNetwork inf = network(784, 10);
        inf.getLayer(1).getParam("b").putScalar(0, Double.POSITIVE_INFINITY);
        Path infinite = dir.resolve("inf.zip");
        ModelStore.save(inf, infinite);
        assertEquals("model " + infinite + " has infinite weights in layer 'layer1': it cannot give meaningful probabilities",
                assertThrows(AppException.class, () -> ModelStore.load(infinite)).getMessage());
    }

    /** A small dense network: {@code in} inputs, 8 hidden units, {@code out} softmax outputs. */
    private static MultiLayerNetwork network(int in, int out) {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(1).list()
                .layer(new DenseLayer.Builder().nIn(in).nOut(8).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(8).nOut(out)
                        .activation(Activation.SOFTMAX).build())
                .build());
        net.init();
        return net;
    }
}
