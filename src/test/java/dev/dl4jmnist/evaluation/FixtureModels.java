package dev.dl4jmnist.evaluation;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * A tiny hand-set model whose predictions are known in advance: it answers 0 when an image's mean
 * intensity (pixels scaled to [0, 1]) is above {@code threshold}, otherwise 1, and never any other digit.
 */
final class FixtureModels {
    /** Logit scale: large enough that softmax is decisive, small enough to stay finite. */
    private static final double GAIN = 200;

    private FixtureModels() {
    }

    static MultiLayerNetwork meanIntensity(double threshold) {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().dataType(DataType.FLOAT).list()
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(784).nOut(10)
                        .activation(Activation.SOFTMAX).build())
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        float[][] w = new float[784][10];
        for (int p = 0; p < 784; p++) {
            w[p][0] = (float) (GAIN / 784);             // logit 0 = GAIN * mean intensity
        }
        float[] b = new float[10];
        b[1] = (float) (GAIN * threshold);               // logit 1 = GAIN * threshold
        for (int c = 2; c < 10; c++) {
            b[c] = -1000f;                               // other digits: never
        }
        net.setParam("0_W", Nd4j.create(w));
        net.setParam("0_b", Nd4j.create(new float[][]{b}));
        return net;
    }
}
