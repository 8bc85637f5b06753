package dev.dl4jmnist.fastlayers;

import dev.dl4jmnist.Bits;
import dev.dl4jmnist.persistence.ModelStore;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

import java.util.zip.ZipOutputStream;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipEntry;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/**
 * The native convolution and pooling layers compute what DL4J's own layers compute: same outputs and
 * gradients (to float rounding) from the same weights, and they survive a save and reload.
 */
class NativeLayersTest {

    private static MultiLayerNetwork lenet(boolean nativeLayers) {
        NeuralNetConfiguration.ListBuilder b = new NeuralNetConfiguration.Builder().seed(3).dataType(DataType.FLOAT)
                .weightInit(WeightInit.RELU).updater(new Adam(1e-3)).list();
        ConvolutionLayer.Builder c1 = new ConvolutionLayer.Builder(5, 5).nOut(6).activation(Activation.RELU);
        SubsamplingLayer.Builder p1 = new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(2, 2).stride(2, 2);
        ConvolutionLayer.Builder c2 = new ConvolutionLayer.Builder(3, 3).nOut(8).activation(Activation.RELU);
        SubsamplingLayer.Builder p2 = new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(2, 2).stride(2, 2);
        b.layer(nativeLayers ? NativeConvolutionLayer.of(c1) : c1.build());
        b.layer(nativeLayers ? NativeSubsamplingLayer.of(p1) : p1.build());
        b.layer(nativeLayers ? NativeConvolutionLayer.of(c2) : c2.build());
        b.layer(nativeLayers ? NativeSubsamplingLayer.of(p2) : p2.build());
        b.layer(new DenseLayer.Builder().nOut(16).activation(Activation.RELU).build());
        b.layer(new OutputLayer.Builder(LossFunction.MCXENT).nOut(10).activation(Activation.SOFTMAX).build());
        b.setInputType(InputType.convolutionalFlat(28, 28, 1));
        MultiLayerNetwork net = new MultiLayerNetwork(b.build());
        net.init();
        return net;
    }

    @Test
    void sameOutputsAndGradientsAsDl4jsOwnLayers() {
        MultiLayerNetwork own = lenet(false), fast = lenet(true);
        Bits.assertBitIdentical(own.params(), fast.params(), "initial parameters"); // same seed, same initial weights
        INDArray x = Nd4j.rand(DataType.FLOAT, 32, 784);
        INDArray y = Nd4j.zeros(DataType.FLOAT, 32, 10);
        for (int i = 0; i < 32; i++) {
            y.putScalar(i, i % 10, 1);
        }
        assertThat(own.output(x).sub(fast.output(x)).amaxNumber().doubleValue()).isLessThan(1e-5);
        own.setInput(x);
        own.setLabels(y);
        own.computeGradientAndScore();
        fast.setInput(x);
        fast.setLabels(y);
        fast.computeGradientAndScore();
        INDArray g1 = own.gradient().gradient(), g2 = fast.gradient().gradient();
        double largest = g1.amaxNumber().doubleValue();
        assertThat(largest).isGreaterThan(0);
        assertThat(g1.sub(g2).amaxNumber().doubleValue()).isLessThan(largest * 1e-4);
        assertThat(fast.score()).isCloseTo(own.score(), org.assertj.core.api.Assertions.within(1e-5));
    }

    @Test
    void theConfigurationAndWeightsSurviveSaveAndReload(@TempDir Path tmp) {
        MultiLayerNetwork net = lenet(true);
        MultiLayerConfiguration again = MultiLayerConfiguration.fromJson(net.getLayerWiseConfigurations().toJson());
        assertInstanceOf(NativeConvolutionLayer.class, again.getConf(0).getLayer());
        assertInstanceOf(NativeSubsamplingLayer.class, again.getConf(1).getLayer());
        Path file = tmp.resolve("lenet.zip");
        ModelStore.save(net, file);
        MultiLayerNetwork loaded = (MultiLayerNetwork) ModelStore.load(file);
        assertInstanceOf(NativeConvolutionLayer.class, loaded.getLayerWiseConfigurations().getConf(2).getLayer());
        INDArray x = Nd4j.rand(DataType.FLOAT, 5, 784);
        Bits.assertBitIdentical(net.params(), loaded.params(), "parameters after reload");
        Bits.assertBitIdentical(net.output(x), loaded.output(x), "outputs after reload");
    }

    @Test
    void aModelSavedWhenTheLayersLivedInTheModelPackageStillLoads(@TempDir Path tmp) throws Exception {
        MultiLayerNetwork net = lenet(true);
        Path current = tmp.resolve("current.zip"), former = tmp.resolve("former.zip");
        ModelStore.save(net, current);
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(current));
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(former))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                byte[] bytes = in.readAllBytes();
                if (e.getName().equals("configuration.json")) {
                    String json = new String(bytes, StandardCharsets.UTF_8);
                    assertThat(json).contains("dev.dl4jmnist.fastlayers.NativeConvolutionLayer");
                    bytes = json.replace("dev.dl4jmnist.fastlayers.Native", "dev.dl4jmnist.model.Native").getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(bytes);
            }
        }
        MultiLayerNetwork loaded = (MultiLayerNetwork) ModelStore.load(former);
        assertInstanceOf(NativeConvolutionLayer.class, loaded.getLayerWiseConfigurations().getConf(0).getLayer());
        assertInstanceOf(NativeSubsamplingLayer.class, loaded.getLayerWiseConfigurations().getConf(3).getLayer());
        Bits.assertBitIdentical(net.params(), loaded.params(), "parameters of the model saved under the former names");
    }
}
