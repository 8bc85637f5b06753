package dev.dl4jmnist.model;

import dev.dl4jmnist.fastlayers.LeanMultiLayerNetwork;
import dev.dl4jmnist.data.MnistData;
import dev.dl4jmnist.platform.NativePlatform;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * The tutorial's network, layer by layer as the Keras listing has it:
 * <pre>
 * Dense(512, input 784) → Activation('relu') → Dropout(0.2)
 * Dense(512)            → Activation('relu') → Dropout(0.2)
 * Dense(10)             → Activation('softmax'), categorical cross-entropy
 * </pre>
 * with Keras's defaults: glorot-uniform kernels, zero biases, Adam(0.001, 0.9, 0.999, 1e-7).
 * The hidden sizes and drop rate come from the {@link MlpConfig}.
 */
public final class MnistMlp {
    private MnistMlp() {
    }

    /** The network's configuration (not yet initialised). */
    public static MultiLayerConfiguration configuration(MlpConfig config) {
        NativePlatform.configure();                    // ND4J's native build and threads, before its first use
        // DL4J's dropout argument is the probability to KEEP an activation; Keras's is the rate to drop.
        double retain = 1.0 - config.dropout();
        NeuralNetConfiguration.ListBuilder layers = new NeuralNetConfiguration.Builder()
                .seed(config.seed())                          // weight init and dropout masks repeat for a seed
                .dataType(DataType.FLOAT)                     // float32, as Keras
                .weightInit(WeightInit.XAVIER_UNIFORM)        // Keras 'glorot_uniform': U(±sqrt(6 / (fan_in + fan_out)))
                .biasInit(0.0)                                // Keras 'zeros'
                .updater(new Adam(config.learningRate(), config.beta1(), config.beta2(), config.epsilon()))
                .list();
        int nIn = MnistData.PIXELS;
        int n = 1;
        for (int width : config.hidden()) {
            layers.layer(new DenseLayer.Builder().name("dense_" + n)            // Dense(width): x·W + b, no activation
                    .nIn(nIn).nOut(width).activation(Activation.IDENTITY).build());
            layers.layer(new ActivationLayer.Builder().name("activation_" + n)  // Activation('relu')
                    .activation(Activation.RELU).build());
            if (config.dropout() > 0) {
                layers.layer(new DropoutLayer.Builder(retain).name("dropout_" + n).build()); // Dropout(rate): keeps 1 - rate, scales by 1/keep
            }
            nIn = width;
            n++;
        }
        // Dense(10) + Activation('softmax') + categorical cross-entropy, fused as DL4J's output layer.
        layers.layer(new OutputLayer.Builder(LossFunction.MCXENT).name("dense_" + n + "+softmax")
                .nIn(nIn).nOut(MnistData.CLASSES).activation(Activation.SOFTMAX).build());
        return layers.build();
    }

    /** A freshly initialised network for {@code config}; its dense layers train through {@link dev.dl4jmnist.fastlayers.LeanDenseLayer}. */
    public static MultiLayerNetwork create(MlpConfig config) {
        MultiLayerNetwork net = new LeanMultiLayerNetwork(configuration(config));
        net.init();
        return net;
    }
}
