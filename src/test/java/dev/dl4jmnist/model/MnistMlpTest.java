package dev.dl4jmnist.model;

import dev.dl4jmnist.model.MlpConfig;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInitXavierUniform;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** The built network is the tutorial's, fact by fact. */
class MnistMlpTest {
    private final MlpConfig config = MlpConfig.defaults();
    private final MultiLayerConfiguration conf = MnistMlp.configuration(config);

    private Layer layer(int i) {
        return conf.getConf(i).getLayer();
    }

    @Test
    void defaultsAreTheTutorials() {
        assertEquals(5, config.epochs());
        assertEquals(128, config.batchSize());
        assertEquals(List.of(512, 512), config.hidden());
        assertEquals(0.2, config.dropout());
        assertEquals(0.001, config.learningRate());
        assertEquals(0.9, config.beta1());
        assertEquals(0.999, config.beta2());
        assertEquals(1e-7, config.epsilon());
    }

    @Test
    void layersMirrorTheKerasListing() {
        assertEquals(7, conf.getConfs().size());
        List<Class<?>> types = conf.getConfs().stream().<Class<?>>map(c -> c.getLayer().getClass()).toList();
        assertEquals(List.of(DenseLayer.class, ActivationLayer.class, DropoutLayer.class,
                DenseLayer.class, ActivationLayer.class, DropoutLayer.class, OutputLayer.class), types);

        DenseLayer d1 = (DenseLayer) layer(0);
        DenseLayer d2 = (DenseLayer) layer(3);
        OutputLayer out = (OutputLayer) layer(6);
        assertEquals(784, d1.getNIn());
        assertEquals(512, d1.getNOut());
        assertEquals(512, d2.getNIn());
        assertEquals(512, d2.getNOut());
        assertEquals(512, out.getNIn());
        assertEquals(10, out.getNOut());

        assertInstanceOf(ActivationIdentity.class, d1.getActivationFn());
        assertInstanceOf(ActivationIdentity.class, d2.getActivationFn());
        assertInstanceOf(ActivationReLU.class, ((ActivationLayer) layer(1)).getActivationFn());
        assertInstanceOf(ActivationReLU.class, ((ActivationLayer) layer(4)).getActivationFn());
        assertInstanceOf(ActivationSoftmax.class, out.getActivationFn());
        assertInstanceOf(LossMCXENT.class, out.getLossFn());
    }

    @Test
    void dropoutKeepsEightyPercentBecauseDl4jTakesTheRetainProbability() {
        for (int i : new int[]{2, 5}) {
            Dropout d = (Dropout) ((DropoutLayer) layer(i)).getIDropout();
            assertEquals(0.8, d.getP(), 1e-12);
        }
    }

    @Test
    void weightsAreGlorotUniformBiasesZeroAdamAsKeras() {
        for (int i : new int[]{0, 3, 6}) {
            BaseLayer l = (BaseLayer) layer(i);
            assertInstanceOf(WeightInitXavierUniform.class, l.getWeightInitFn());
            assertEquals(0.0, l.getBiasInit());
            Adam adam = (Adam) l.getIUpdater();
            assertEquals(0.001, adam.getLearningRate());
            assertEquals(0.9, adam.getBeta1());
            assertEquals(0.999, adam.getBeta2());
            assertEquals(1e-7, adam.getEpsilon());
        }
    }

    @Test
    void initialisedNetworkHasTheTutorialsParameterCountAndInitialValues() {
        MultiLayerNetwork net = MnistMlp.create(config);
        assertEquals(669_706, net.numParams());
        int[][] shapes = {{784, 512}, {512, 512}, {512, 10}};
        int[] layers = {0, 3, 6};
        for (int k = 0; k < 3; k++) {
            INDArray w = net.getLayer(layers[k]).getParam("W");
            INDArray b = net.getLayer(layers[k]).getParam("b");
            double limit = Math.sqrt(6.0 / (shapes[k][0] + shapes[k][1]));
            assertThat(w.maxNumber().doubleValue()).isLessThanOrEqualTo(limit).isGreaterThan(0.9 * limit);
            assertThat(w.minNumber().doubleValue()).isGreaterThanOrEqualTo(-limit).isLessThan(-0.9 * limit);
            // uniform on [-a, a] has standard deviation a / sqrt(3)
            assertEquals(limit / Math.sqrt(3), w.stdNumber().doubleValue(), 0.02 * limit);
            assertEquals(0.0, b.maxNumber().doubleValue());
            assertEquals(0.0, b.minNumber().doubleValue());
        }
    }

    @Test
    void summaryListsLayersAndTotal() {
        String summary = ModelSummary.of(MnistMlp.create(config));
        assertThat(summary).contains("dense_1 (DenseLayer)").contains("401,920").contains("262,656").contains("5,130")
                .contains("dropout_2 (DropoutLayer)").contains("Total params: 669,706");
    }

    @Test
    void zeroDropoutLeavesTheDropoutLayersOut() {
        assertEquals(5, MnistMlp.configuration(config.withDropout(0)).getConfs().size());
    }
}
