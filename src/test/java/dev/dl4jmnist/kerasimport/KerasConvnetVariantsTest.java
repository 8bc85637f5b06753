package dev.dl4jmnist.kerasimport;

import dev.dl4jmnist.TestData;
import dev.dl4jmnist.data.MnistImages;
import dev.dl4jmnist.evaluation.PredictionMatch;
import dev.dl4jmnist.model.DigitClassifier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The convolutional translation on each supported layer and option, against an independent reference: every
 * variant (see {@link ConvnetVariants}: layer entries taken from the real Keras convnet or written from Keras 3's
 * config keys, with small random weights; not files Keras wrote) is imported through the whole path — the .h5
 * file, the translation, DL4J's importer and the project's corrections, {@link DigitClassifier} fed 784 pixel
 * values — and must give, on 100 MNIST test images, the classes and (within 1e-5) the probabilities that the
 * plain-Java channels_last forward pass {@link NhwcReference} computes from the same configuration and weights.
 */
class KerasConvnetVariantsTest {
    private static final int IMAGES = 100;
    private static float[][] pixels;

    @BeforeAll
    static void images() {
        MnistImages test = TestData.mnist().testImages();
        pixels = new float[IMAGES][];
        for (int i = 0; i < IMAGES; i++) {
            pixels[i] = test.scaled(i);
        }
    }

    static Stream<Arguments> variants() {
        return Stream.of(
                Arguments.of("the keras.io convnet's layers: valid Conv2D, MaxPooling2D, Flatten of a 5×5×16 map, Dropout, Dense",
                        ConvnetVariants.input(1, 28, 28, 1).conv("conv2d", 8, 3, 1, "valid", "relu", true)
                                .pool("MaxPooling2D", "max_pooling2d", 2, 2, "valid").conv("conv2d_1", 16, 3, 1, "valid", "relu", true)
                                .pool("MaxPooling2D", "max_pooling2d_1", 2, 2, "valid").flatten("flatten").dropout("dropout", 0.5)
                                .dense("dense", 10, "softmax", true)),
                Arguments.of("same padding with stride 2 (odd padding split after, as Keras does), no bias, separate Activation, same max pooling",
                        ConvnetVariants.input(2, 28, 28, 1).conv("conv2d", 6, 3, 2, "same", "relu", true)
                                .conv("conv2d_1", 12, 4, 1, "same", "linear", false).activation("activation", "relu")
                                .pool("MaxPooling2D", "max_pooling2d", 3, 2, "same").flatten("flatten").dense("dense", 10, "softmax", true)),
                Arguments.of("BatchNormalization with moving statistics (centre and scale, then neither), AveragePooling2D, GlobalAveragePooling2D",
                        ConvnetVariants.input(3, 28, 28, 1).conv("conv2d", 8, 3, 1, "valid", "linear", false)
                                .batchNorm("batch_normalization", 1e-3, true, true).activation("activation", "relu")
                                .pool("AveragePooling2D", "average_pooling2d", 2, 2, "valid").conv("conv2d_1", 12, 3, 1, "same", "linear", true)
                                .batchNorm("batch_normalization_1", 1e-5, false, false).activation("activation_1", "tanh")
                                .globalPool("GlobalAveragePooling2D", "global_average_pooling2d").dense("dense", 10, "softmax", true)),
                Arguments.of("same average pooling (padding left out of the mean), GlobalMaxPooling2D, BatchNormalization of a vector (centre only)",
                        ConvnetVariants.input(4, 28, 28, 1).conv("conv2d", 8, 5, 1, "valid", "sigmoid", true)
                                .pool("AveragePooling2D", "average_pooling2d", 3, 2, "same").conv("conv2d_1", 10, 3, 2, "valid", "relu", true)
                                .globalPool("GlobalMaxPooling2D", "global_max_pooling2d").dense("dense", 16, "relu", true)
                                .batchNorm("batch_normalization", 1e-3, true, false).dense("dense_1", 10, "softmax", true)),
                Arguments.of("a 784-value input reshaped to (28, 28, 1), and a Dense output reshaped to an 8×8×1 map for another Conv2D",
                        ConvnetVariants.input(5, 784).reshape("reshape", 28, 28, 1).conv("conv2d", 4, 3, 1, "valid", "relu", true)
                                .pool("MaxPooling2D", "max_pooling2d", 2, 2, "valid").flatten("flatten").dense("dense", 64, "relu", true)
                                .reshape("reshape_1", 8, 8, 1).conv("conv2d_1", 6, 3, 1, "valid", "relu", true).flatten("flatten_1")
                                .dense("dense_1", 10, "softmax", true)),
                Arguments.of("a 784-value input reshaped to (-1, 28, 1): Keras works out the 28",
                        ConvnetVariants.input(7, 784).reshape("reshape", -1, 28, 1).conv("conv2d", 4, 3, 2, "valid", "relu", true)
                                .flatten("flatten").dense("dense", 10, "softmax", true)),
                Arguments.of("BatchNormalization straight on the input image, Dropout on a feature map, a 1×1 convolution with stride 2",
                        ConvnetVariants.input(8, 28, 28, 1).batchNorm("batch_normalization", 1e-3, true, true)
                                .conv("conv2d", 6, 3, 1, "same", "relu", true).dropout("dropout", 0.25)
                                .conv("conv2d_1", 8, 1, 2, "same", "relu", true).pool("MaxPooling2D", "max_pooling2d", 2, 2, "valid")
                                .flatten("flatten").dense("dense", 10, "softmax", true)),
                Arguments.of("a (28, 28) input reshaped to (28, 28, 1)",
                        ConvnetVariants.input(6, 28, 28).reshape("reshape", 28, 28, 1).conv("conv2d", 6, 3, 1, "valid", "relu", true)
                                .pool("MaxPooling2D", "max_pooling2d", 2, 2, "valid").flatten("flatten").dense("dense", 10, "softmax", true)));
    }

    @ParameterizedTest(name = "Keras 3 Sequential: {0}")
    @MethodSource("variants")
    void keras3Sequential(String what, ConvnetVariants v, @TempDir Path tmp) {
        check(v, v.writeKeras3(tmp.resolve("sequential.h5"), false), "MultiLayerNetwork");
    }

    @ParameterizedTest(name = "Keras 3 Functional: {0}")
    @MethodSource("variants")
    void keras3Functional(String what, ConvnetVariants v, @TempDir Path tmp) {
        check(v, v.writeKeras3(tmp.resolve("functional.h5"), true), "ComputationGraph");
    }

    @ParameterizedTest(name = "Keras 2 Sequential: {0}")
    @MethodSource("variants")
    void keras2Sequential(String what, ConvnetVariants v, @TempDir Path tmp) {
        check(v, v.writeKeras2(tmp.resolve("keras2.h5")), "MultiLayerNetwork");
    }

    private static void check(ConvnetVariants v, Path file, String type) {
        ImportedKerasModel m = KerasImporter.importModel(file);
        assertEquals(type, m.dl4jType());
        long params = v.weights().values().stream().flatMap(w -> w.values().stream()).mapToLong(INDArray::length).sum();
        assertEquals(params, m.parameterCount(), "parameters");
        KerasFile written = KerasFile.read(file);
        NhwcReference reference = new NhwcReference(written.modelConfig(), written.weights());
        float[][] expected = new float[IMAGES][];
        for (int i = 0; i < IMAGES; i++) {
            double[] p = reference.predict(pixels[i]);
            expected[i] = new float[p.length];
            for (int j = 0; j < p.length; j++) expected[i][j] = (float) p[j];
        }
        INDArray actual = DigitClassifier.of(m.model()).probabilities(Nd4j.create(pixels));
        PredictionMatch match = PredictionMatch.of(actual, Nd4j.create(expected));
        assertEquals(IMAGES, match.matching(), "classes equal to the reference's");
        assertTrue(match.maxAbsDifference() <= 1e-5, "max abs difference " + match.maxAbsDifference() + "; " + m.translations());
    }
}
