package dev.dl4jmnist.model;

import dev.dl4jmnist.fastlayers.NativeConvolutionLayer;
import dev.dl4jmnist.fastlayers.NativeSubsamplingLayer;
import dev.dl4jmnist.data.MnistData;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.schedule.ExponentialSchedule;
import org.nd4j.linalg.schedule.ScheduleType;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * The convolutional network, LeNet-style:
 * <pre>
 * conv 5×5, 16 filters, relu → max-pool 2×2 → conv 5×5, 32 filters, relu → max-pool 2×2
 * → dense 128, relu → dropout → dense 10, softmax (categorical cross-entropy)
 * </pre>
 * trained with Adam at a learning rate multiplied by {@link CnnConfig#learningRateDecay()} after each epoch. The
 * convolutions and poolings are DL4J's layers computed by libnd4j's native operations
 * ({@link NativeConvolutionLayer}, {@link NativeSubsamplingLayer}).
 * It takes the same flat 784-value rows as the MLP ({@code InputType.convolutionalFlat(28, 28, 1)}: DL4J
 * reshapes them to 28×28×1 in front of the first convolution), so every saved model takes 784 values
 * per image.
 */
public final class MnistCnn {
    static final int SIDE = 28;

    private MnistCnn() {
    }

    /** The network's configuration (not yet initialised). */
    public static MultiLayerConfiguration configuration(CnnConfig config) {
        NeuralNetConfiguration.ListBuilder layers = new NeuralNetConfiguration.Builder()
                .seed(config.seed())
                .dataType(DataType.FLOAT)
                .weightInit(WeightInit.RELU)                  // He initialisation, for relu layers
                .biasInit(0.0)
                .updater(new Adam(new ExponentialSchedule(ScheduleType.EPOCH, config.learningRate(), config.learningRateDecay())))
                .list();
        layers.layer(NativeConvolutionLayer.of(new ConvolutionLayer.Builder(5, 5).name("conv_1").nOut(16).activation(Activation.RELU)));
        layers.layer(NativeSubsamplingLayer.of(new SubsamplingLayer.Builder(PoolingType.MAX).name("pool_1").kernelSize(2, 2).stride(2, 2)));
        layers.layer(NativeConvolutionLayer.of(new ConvolutionLayer.Builder(5, 5).name("conv_2").nOut(32).activation(Activation.RELU)));
        layers.layer(NativeSubsamplingLayer.of(new SubsamplingLayer.Builder(PoolingType.MAX).name("pool_2").kernelSize(2, 2).stride(2, 2)));
        layers.layer(new DenseLayer.Builder().name("dense_1").nOut(128).activation(Activation.RELU).build());
        if (config.dropout() > 0) {
            layers.layer(new DropoutLayer.Builder(1.0 - config.dropout()).name("dropout_1").build()); // DL4J takes the keep probability
        }
        layers.layer(new OutputLayer.Builder(LossFunction.MCXENT).name("dense_2+softmax")
                .nOut(MnistData.CLASSES).activation(Activation.SOFTMAX).weightInit(WeightInit.XAVIER).build());
        layers.setInputType(InputType.convolutionalFlat(SIDE, SIDE, 1));
        return layers.build();
    }

    /** A freshly initialised network for {@code config}. */
    public static MultiLayerNetwork create(CnnConfig config) {
        MultiLayerNetwork net = new MultiLayerNetwork(configuration(config));
        net.init();
        return net;
    }
}
