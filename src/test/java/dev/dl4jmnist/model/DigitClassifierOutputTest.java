package dev.dl4jmnist.model;

import dev.dl4jmnist.AppException;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the classifier hands out is always a probability: finite, in [0, 1], rows summing to 1. */
class DigitClassifierOutputTest {

    private static MultiLayerNetwork softmaxWithWeights(float weight) {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().dataType(DataType.FLOAT).list()
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(784).nOut(10)
                        .activation(Activation.SOFTMAX).build()).build());
        net.init();
        net.params().assign(0);
        net.getLayer(0).getParam("W").getColumn(3).assign(weight);   // digit 3 grows with the ink
        return net;
    }

    @Test
    void ordinaryWeightsGiveProbabilities() {
        float[] ink = new float[784];
        Arrays.fill(ink, 0.5f);
        float[][] p = DigitClassifier.of(softmaxWithWeights(0.01f)).probabilities(new float[][]{ink});
        double sum = 0;
        for (float v : p[0]) {
            assertThat(v).isBetween(0f, 1f);
            sum += v;
        }
        assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(DigitClassifier.argMax(p[0])).isEqualTo(3);
    }

    @Test
    void finiteWeightsThatOverflowAreNoResult() {
        float[] ink = new float[784];
        Arrays.fill(ink, 1f);
        DigitClassifier overflowing = DigitClassifier.of(softmaxWithWeights(1e37f));   // 784 · 1e37 exceeds float's range
        assertThatThrownBy(() -> overflowing.probabilities(new float[][]{ink})).isInstanceOf(AppException.class)
                .hasMessage("the model's output is not a probability (it holds NaN or infinite values): its weights overflow on this input");
    }

    @Test
    void rowsAreTheMatrixsRowsWhateverItsLayout() {
        org.nd4j.linalg.api.ndarray.INDArray m = org.nd4j.linalg.factory.Nd4j.rand(DataType.FLOAT, 7, 5);
        assertThat(DigitClassifier.rows(m)).isDeepEqualTo(m.toFloatMatrix());
        org.nd4j.linalg.api.ndarray.INDArray view = org.nd4j.linalg.factory.Nd4j.rand(DataType.DOUBLE, 6, 9)
                .get(org.nd4j.linalg.indexing.NDArrayIndex.interval(2, 5), org.nd4j.linalg.indexing.NDArrayIndex.interval(1, 8));
        assertThat(DigitClassifier.rows(view)).isDeepEqualTo(view.toFloatMatrix());
        assertThat(DigitClassifier.rows(m.transpose())).isDeepEqualTo(m.transpose().toFloatMatrix());
        assertThatThrownBy(() -> DigitClassifier.rows(m.ravel())).isInstanceOf(IllegalArgumentException.class);
    }
}
