package dev.dl4jmnist.model;

import dev.dl4jmnist.AppException;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.preprocessor.FeedForwardToCnnPreProcessor;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** The convolutional network's layers, its flat 784-value input, and its packaged defaults. */
class MnistCnnTest {
    @Test
    void layersAreConvPoolConvPoolDenseDropoutSoftmax() {
        MultiLayerConfiguration conf = MnistCnn.configuration(CnnConfig.defaults());
        assertEquals(7, conf.getConfs().size());
        ConvolutionLayer c1 = assertInstanceOf(ConvolutionLayer.class, conf.getConf(0).getLayer());
        assertEquals(1, c1.getNIn());
        assertEquals(16, c1.getNOut());
        assertEquals(5, c1.getKernelSize()[0]);
        assertInstanceOf(SubsamplingLayer.class, conf.getConf(1).getLayer());
        ConvolutionLayer c2 = assertInstanceOf(ConvolutionLayer.class, conf.getConf(2).getLayer());
        assertEquals(32, c2.getNOut());
        assertInstanceOf(SubsamplingLayer.class, conf.getConf(3).getLayer());
        DenseLayer dense = assertInstanceOf(DenseLayer.class, conf.getConf(4).getLayer());
        assertEquals(4 * 4 * 32, dense.getNIn());                           // 28 →conv 24 →pool 12 →conv 8 →pool 4
        assertEquals(128, dense.getNOut());
        DropoutLayer drop = assertInstanceOf(DropoutLayer.class, conf.getConf(5).getLayer());
        assertEquals(0.5, ((org.deeplearning4j.nn.conf.dropout.Dropout) drop.getIDropout()).getP());
        OutputLayer out = assertInstanceOf(OutputLayer.class, conf.getConf(6).getLayer());
        assertEquals(10, out.getNOut());
        // flat rows of 784 values are reshaped to 28×28×1 in front of the first convolution
        FeedForwardToCnnPreProcessor reshape = assertInstanceOf(FeedForwardToCnnPreProcessor.class, conf.getInputPreProcess(0));
        assertEquals(28, reshape.getInputHeight());
        assertEquals(28, reshape.getInputWidth());
        assertEquals(1, reshape.getNumChannels());
    }

    @Test
    void hasTheCountedParametersAndTakesFlatImages() {
        MultiLayerNetwork net = MnistCnn.create(CnnConfig.defaults());
        // conv 5·5·1·16+16, conv 5·5·16·32+32, dense 512·128+128, output 128·10+10
        assertEquals(416 + 12_832 + 65_664 + 1_290, net.numParams());
        INDArray probabilities = DigitClassifier.of(net).probabilities(Nd4j.rand(3, 784));
        assertArrayEquals(new long[]{3, 10}, probabilities.shape());
        assertThat(probabilities.sum(1).getDouble(0)).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-5));
    }

    private static void assertArrayEquals(long[] expected, long[] actual) {
        org.junit.jupiter.api.Assertions.assertArrayEquals(expected, actual);
    }

    @Test
    void defaultsComeFromTrainingCnnJsonWithAugmentationOn() {
        CnnConfig c = CnnConfig.defaults();
        assertEquals("cnn", c.networkName());
        assertThat(c.augmentation().enabled()).isTrue();
        assertThat(c.augmentation().maxShift()).isPositive();
        assertThat(c.augmentation().maxRotation()).isPositive();
    }

    @Test
    void badSettingsAreOneLineErrors() {
        assertThatThrownBy(() -> CnnConfig.defaults().withDropout(1.0)).isInstanceOf(AppException.class)
                .hasMessage("dropout (the fraction dropped) must be in [0, 1), got 1.0");
        assertThatThrownBy(() -> new dev.dl4jmnist.data.Augmentation(true, 2, 90, 0.1, 0.3, 0, 0.3)).isInstanceOf(AppException.class)
                .hasMessage("augmentation maxRotation must be in [0, 45] degrees, got 90.0");
        assertThatThrownBy(() -> new dev.dl4jmnist.data.Augmentation(true, 2, 10, 0.1, 1.5, 0, 0.3)).isInstanceOf(AppException.class)
                .hasMessage("augmentation maxShear must be in [0, 1], got 1.5");
        assertThatThrownBy(() -> new CnnConfig(5, 128, 1, 0.001, 0, 0.5, dev.dl4jmnist.data.Augmentation.NONE)).isInstanceOf(AppException.class)
                .hasMessage("learning rate decay (the factor applied after each epoch) must be in (0, 1], got 0.0");
    }

    @Test
    void theSummaryShowsEachLayersOutputShapeAsKerasWould() {
        String summary = ModelSummary.of(MnistCnn.create(CnnConfig.defaults()));
        assertThat(summary).containsPattern("conv_1 \\(NativeConvolutionLayer\\) +\\(None, 24, 24, 16\\) +416");
        assertThat(summary).containsPattern("pool_1 \\(NativeSubsamplingLayer\\) +\\(None, 12, 12, 16\\) +0");
        assertThat(summary).containsPattern("conv_2 \\(NativeConvolutionLayer\\) +\\(None, 8, 8, 32\\) +12,832");
        assertThat(summary).containsPattern("pool_2 \\(NativeSubsamplingLayer\\) +\\(None, 4, 4, 32\\) +0");
        assertThat(summary).containsPattern("dense_1 \\(DenseLayer\\) +\\(None, 128\\) +65,664");
    }
}
