package dev.dl4jmnist.kerasimport;

import dev.dl4jmnist.TestData;
import dev.dl4jmnist.evaluation.PredictionMatch;
import dev.dl4jmnist.model.DigitClassifier;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import dev.dl4jmnist.persistence.ModelStore;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The one Keras-written convnet (keras.io's "Simple MNIST convnet", saved by Keras 3.11.3): what the import rewrites
 * and verifies, and, on the first 1,000 test images, Keras's own probabilities (test_probs.npy) within 1e-5 from
 * 784 pixel values per image. The whole test set is compared in {@code KerasConvnetCommandsTest} (full tier).
 */
class KerasConvnetImportTest {
    private static final Path CONVNET = ConvnetVariants.CONVNET;
    private static final int IMAGES = 1000;

    @Test
    void importsAsAChannelsLastCnnFedByAReshapeOfThe784Pixels() {
        ImportedKerasModel m = KerasImporter.importModel(CONVNET);
        MultiLayerNetwork net = assertInstanceOf(MultiLayerNetwork.class, m.model());
        assertEquals(34_826, m.parameterCount());
        assertEquals(34_826, net.numParams());
        assertEquals(List.of(
                "Keras 3.11.3 presented to DL4J as Keras 2 (its importer refuses major version 3)",
                "InputLayer batch_shape renamed to batch_input_shape (Keras 3 → Keras 2 key)",
                "Dropout rate copied to the 'dropout' key DL4J reads (otherwise its Dropout layers keep every activation)",
                "Input(shape=(28, 28, 1)) given as 784 pixel values followed by Reshape((28, 28, 1)) named 'mnist_pixels_to_image'"
                        + " (the application feeds flat pixels; same row-major order, so the first layer sees the same image)",
                "optimizer Adam: Keras 3 config has no 'decay' key; given as 0.0 (DL4J's importer requires it)",
                "the keep-everything Dropout (p = 1.0) DL4J's importer attaches to each layer removed from 4 convolution, pooling"
                        + " and normalisation layers (DL4J cannot backpropagate it on channels_last feature maps; it does nothing else)"),
                m.translations());
        assertTrue(m.checks().contains("conv2d_1 channels_last (DL4J NHWC)"), m.checks().toString());
        assertTrue(m.checks().contains("max_pooling2d_1 padding valid (DL4J Truncate)"), m.checks().toString());
        assertTrue(m.checks().contains("Flatten of the 5×5×64 feature map in channels_last order (DL4J NHWC)"), m.checks().toString());
        assertInstanceOf(ConvolutionLayer.class, net.getLayer(0).conf().getLayer());
        assertTrue(net.getLayerWiseConfigurations().getInputPreProcess(0) != null, "784 values reshaped before the first Conv2D");
    }

    @Test
    void givesKerassOwnProbabilitiesFrom784PixelValues() {
        INDArray pixels = TestData.mnist().test(IMAGES, IMAGES).next().getFeatures();
        INDArray keras = Nd4j.createFromNpyFile(CONVNET.resolveSibling(KerasReference.PROBABILITIES_FILE).toFile())
                .get(NDArrayIndex.interval(0, IMAGES), NDArrayIndex.all());
        INDArray ours = DigitClassifier.of(KerasImporter.importModel(CONVNET).model()).probabilities(pixels);
        PredictionMatch match = PredictionMatch.of(ours, keras);
        assertEquals(IMAGES, match.matching());
        assertTrue(match.maxAbsDifference() <= 1e-5, "max abs difference " + match.maxAbsDifference());
    }

    @Test
    void aFunctionalCnnIsSavedAndReloadedAsAComputationGraphThatAnswersTheSame(@TempDir Path tmp) {
        Path h5 = ConvnetVariants.input(3, 28, 28, 1).conv("conv2d", 8, 3, 2, "same", "linear", false)
                .batchNorm("batch_normalization", 1e-3, true, true).activation("activation", "relu")
                .pool("AveragePooling2D", "average_pooling2d", 2, 2, "same").flatten("flatten").dense("dense", 10, "softmax", true)
                .writeKeras3(tmp.resolve("functional.h5"), true);
        ImportedKerasModel m = KerasImporter.importModel(h5);
        ComputationGraph graph = assertInstanceOf(ComputationGraph.class, m.model());
        Path zip = tmp.resolve("functional.zip");
        ModelStore.save(graph, zip, m.trainable());
        INDArray pixels = TestData.mnist().test(200, 200).next().getFeatures();
        assertEquals(DigitClassifier.of(graph).probabilities(pixels), ModelStore.loadClassifier(zip).probabilities(pixels));
    }
}
