package dev.dl4jmnist.kerasimport;

import dev.dl4jmnist.model.DigitClassifier;
import dev.dl4jmnist.evaluation.PredictionMatch;
import dev.dl4jmnist.TestData;
import dev.dl4jmnist.data.MnistImages;
import dev.dl4jmnist.evaluation.Evaluator;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Models users commonly have (see {@link KerasTestFiles}): every variant holds the same 784-16-16-10 weights,
 * so each must predict what a plain forward pass over those weights predicts — whatever its layout.
 */
class KerasImportVariantsTest {
    private static final Path DIR = Path.of("src/test/resources/keras");
    private static INDArray images;
    private static float[][] expected;

    @BeforeAll
    static void referenceForwardPass() {
        MnistImages test = TestData.mnist().testImages();
        float[][] x = new float[test.size()][];
        for (int i = 0; i < x.length; i++) {
            x[i] = test.scaled(i);
        }
        images = Nd4j.create(x);
        Map<String, Map<String, INDArray>> w = KerasFile.read(DIR.resolve("keras3-no-optimizer.h5")).weights();
        expected = new float[x.length][];
        for (int i = 0; i < x.length; i++) {
            double[] h = dense(toDouble(x[i]), w.get("dense"), true);
            h = dense(h, w.get("dense_1"), true);
            expected[i] = softmax(dense(h, w.get("dense_2"), false));
        }
    }

    @ParameterizedTest
    @CsvSource({
            "keras2-inline-activation.h5, MultiLayerNetwork, true, 'Adam(learning_rate=0.001, beta_1=0.9, beta_2=0.999, epsilon=1.0E-7)'",
            "keras3-rmsprop.h5,           MultiLayerNetwork, true, 'RMSprop(learning_rate=0.001, rho=0.9, epsilon=1.0E-7)'",
            "keras3-no-optimizer.h5,      MultiLayerNetwork, false, 'the file has no training configuration (saved without its optimizer or never compiled)'",
            "keras3-input-flatten.h5,     MultiLayerNetwork, true, 'Adam(learning_rate=0.001, beta_1=0.9, beta_2=0.999, epsilon=1.0E-7)'",
            "keras3-functional.h5,        ComputationGraph,  true, 'Adam(learning_rate=0.001, beta_1=0.9, beta_2=0.999, epsilon=1.0E-7)'"})
    void variantPredictsWhatItsWeightsSay(String file, String type, boolean trainable, String trainingNote) {
        ImportedKerasModel m = KerasImporter.importModel(DIR.resolve(file));
        assertEquals(type, m.dl4jType());
        assertEquals(trainable, m.trainable());
        assertEquals(trainingNote, m.trainingNote());
        assertEquals(784 * 16 + 16 + 16 * 16 + 16 + 16 * 10 + 10, m.parameterCount());

        INDArray actual = DigitClassifier.of(m.model()).probabilities(images);
        PredictionMatch match = PredictionMatch.of(actual, Nd4j.create(expected));
        assertEquals(10_000, match.matching(), file);
        assertTrue(match.maxAbsDifference() <= 1e-5, file + ": max abs difference " + match.maxAbsDifference());
    }

    @ParameterizedTest
    @CsvSource({"keras3-functional.h5", "keras3-input-flatten.h5"})
    void modernLayoutsAreRecordedAsTranslations(String file) {
        ImportedKerasModel m = KerasImporter.importModel(DIR.resolve(file));
        if (file.contains("functional")) {
            assertInstanceOf(ComputationGraph.class, m.model());
            assertEquals("Functional", m.modelClass());
            assertTrue(m.translations().contains("Keras 3 inbound_nodes (keras_history) rewritten as Keras 2 node lists"));
        } else {
            assertInstanceOf(MultiLayerNetwork.class, m.model());
            assertTrue(m.translations().contains("Input(shape=(28, 28)) + Flatten() replaced by a 784-value input (same row-major order)"));
        }
    }

    private static double[] toDouble(float[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) d[i] = v[i];
        return d;
    }

    private static double[] dense(double[] in, Map<String, INDArray> w, boolean relu) {
        INDArray kernel = w.get("kernel");
        INDArray bias = w.get("bias");
        int n = (int) kernel.columns();
        double[] out = new double[n];
        for (int j = 0; j < n; j++) {
            double s = bias.getDouble(j);
            for (int i = 0; i < in.length; i++) {
                if (in[i] != 0) s += in[i] * kernel.getDouble(i, j);
            }
            out[j] = relu ? Math.max(0, s) : s;
        }
        return out;
    }

    private static float[] softmax(double[] z) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : z) max = Math.max(max, v);
        double sum = 0;
        double[] e = new double[z.length];
        for (int i = 0; i < z.length; i++) sum += e[i] = Math.exp(z[i] - max);
        float[] p = new float[z.length];
        for (int i = 0; i < z.length; i++) p[i] = (float) (e[i] / sum);
        return p;
    }
}
