package dev.dl4jmnist.persistence;

import dev.dl4jmnist.AppException;
import dev.dl4jmnist.model.CnnConfig;
import dev.dl4jmnist.model.DigitClassifier;
import dev.dl4jmnist.model.MnistCnn;
import dev.dl4jmnist.model.MnistMlp;
import dev.dl4jmnist.model.MlpConfig;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The input-size check reads what a network takes, for dense and convolutional first layers alike. */
class ModelCheckTest {
    @Test
    void aConvolutionalNetworkOnFlatImagesTakes784Values(@TempDir Path dir) {
        MultiLayerNetwork cnn = MnistCnn.create(CnnConfig.defaults());
        assertEquals(784, ModelCheck.declaredInputs(cnn));              // not the first convolution's 1 channel
        Path file = dir.resolve("cnn.zip");
        ModelStore.save(cnn, file);
        DigitClassifier loaded = ModelStore.loadClassifier(file);
        assertEquals(DigitClassifier.of(cnn).probabilities(Nd4j.ones(2, 784)), loaded.probabilities(Nd4j.ones(2, 784)));
    }

    @Test
    void theMlpDeclaresItsFirstLayersInputs() {
        assertEquals(784, ModelCheck.declaredInputs(MnistMlp.create(MlpConfig.defaults())));
    }

    @Test
    void aConvolutionalNetworkOnOtherImagesIsRefusedByItsInputSize(@TempDir Path dir) {
        MultiLayerNetwork small = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().list()
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(2).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(10).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutionalFlat(16, 16, 1)).build());
        small.init();
        assertEquals(256, ModelCheck.declaredInputs(small));
        Path file = dir.resolve("small.zip");
        ModelStore.save(small, file);
        assertThatThrownBy(() -> ModelStore.load(file)).isInstanceOf(AppException.class)
                .hasMessage("model " + file + " takes 256 inputs per image, not 784 (a flattened 28×28 image)");
    }
}
