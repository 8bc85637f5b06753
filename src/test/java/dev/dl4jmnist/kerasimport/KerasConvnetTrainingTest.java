package dev.dl4jmnist.kerasimport;

import dev.dl4jmnist.TestData;
import dev.dl4jmnist.evaluation.EvaluationResult;
import dev.dl4jmnist.evaluation.Evaluator;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The imported keras.io convnet trains on in DL4J with Keras's loss and optimizer, through the Reshape of the 784
 * pixel values (it failed in DL4J's backpropagation until {@link Dl4jCorrections} removed the importer's no-op
 * Dropout from the convolution and pooling layers). Full tier: CNN training steps on 2 cores.
 */
@Tag("full")
class KerasConvnetTrainingTest {
    private static final Path CONVNET = ConvnetVariants.CONVNET;
    private static final int IMAGES = 1000;

    @Test
    void trainsOnInDl4jFromKerassWeights() {
        ImportedKerasModel imported = KerasImporter.importModel(CONVNET);
        assertTrue(imported.trainable(), imported.trainingNote());
        MultiLayerNetwork net = (MultiLayerNetwork) imported.model();
        INDArray before = net.params().dup();
        Nd4j.getRandom().setSeed(42);   // dropout masks
        net.fit(TestData.mnist().train(128, 1280, 42));   // 10 Adam steps, through the Reshape of the 784 values
        double change = net.params().sub(before).norm2Number().doubleValue();
        assertTrue(change > 0.01 && Double.isFinite(change), "parameters moved by " + change);
        EvaluationResult after = Evaluator.evaluate(net, TestData.mnist().test(1000, IMAGES));
        assertTrue(after.accuracy() >= 0.95, "accuracy after 10 more steps " + after.accuracy());
    }

    @Test
    void batchNormalizationAndAveragePoolingTrainOnToo(@TempDir Path tmp) {
        Path file = ConvnetVariants.input(3, 28, 28, 1).conv("conv2d", 8, 3, 1, "same", "linear", false)
                .batchNorm("batch_normalization", 1e-3, true, true).activation("activation", "relu")
                .pool("AveragePooling2D", "average_pooling2d", 2, 2, "valid")
                .globalPool("GlobalAveragePooling2D", "global_average_pooling2d").dense("dense", 10, "softmax", true)
                .writeKeras3(tmp.resolve("bn.h5"), false);
        ImportedKerasModel imported = KerasImporter.importModel(file);
        assertTrue(imported.trainable(), imported.trainingNote());
        MultiLayerNetwork net = (MultiLayerNetwork) imported.model();
        INDArray before = net.params().dup();
        net.fit(TestData.mnist().train(128, 640, 42));
        double change = net.params().sub(before).norm2Number().doubleValue();
        assertTrue(change > 0 && Double.isFinite(change), "parameters moved by " + change);
    }

    @Test
    void batchNormalizationWithoutScaleIsImportedForInferenceOnly(@TempDir Path tmp) {
        Path file = ConvnetVariants.input(3, 28, 28, 1).conv("conv2d", 8, 3, 1, "valid", "relu", true)
                .batchNorm("batch_normalization", 1e-3, true, false).flatten("flatten").dense("dense", 10, "softmax", true)
                .writeKeras3(tmp.resolve("bn-no-scale.h5"), false);
        ImportedKerasModel imported = KerasImporter.importModel(file);
        assertFalse(imported.trainable());
        assertEquals("BatchNormalization 'batch_normalization' has no scale or centre: Keras keeps them at 1 and 0, DL4J would"
                + " train them", imported.trainingNote());
    }
}
