package dev.dl4jmnist.fastlayers;

import dev.dl4jmnist.model.MnistMlp;
import dev.dl4jmnist.model.MlpConfig;
import dev.dl4jmnist.persistence.ModelStore;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** The lean dense layers train to exactly DL4J's own numbers, and the network saves as a plain DL4J one. */
class LeanDenseLayerTest {
    private static final MlpConfig CONFIG = MlpConfig.defaults();

    private static MultiLayerNetwork dl4jsOwn() {
        MultiLayerNetwork net = new MultiLayerNetwork(MnistMlp.configuration(CONFIG));
        net.init();
        return net;
    }

    /** Ten Adam steps with dropout on 64 random images, the dropout masks drawn from the same seed. */
    private static float[] trainedParameters(MultiLayerNetwork net) {
        Nd4j.getRandom().setSeed(11);
        INDArray x = Nd4j.rand(DataType.FLOAT, 64, 784);
        INDArray y = Nd4j.zeros(DataType.FLOAT, 64, 10);
        for (int i = 0; i < 64; i++) {
            y.putScalar(i, (i * 7) % 10, 1);
        }
        for (int step = 0; step < 10; step++) {
            net.fit(x, y);
        }
        return net.params().toFloatVector();
    }

    @Test
    void theDenseLayersAreLeanAndTheRestIsDl4js() {
        MultiLayerNetwork lean = MnistMlp.create(CONFIG);
        Layer[] layers = lean.getLayers();
        assertInstanceOf(LeanDenseLayer.class, layers[0]);
        assertInstanceOf(LeanDenseLayer.class, layers[3]);
        assertEquals(org.deeplearning4j.nn.layers.OutputLayer.class, layers[6].getClass());
        assertSame(layers[0], lean.getLayer("dense_1"));
        assertSame(layers[3], lean.getLayer("dense_2"));
    }

    @Test
    void trainingGivesDl4jsOwnParametersBitForBit() {
        float[] own = trainedParameters(dl4jsOwn());
        float[] lean = trainedParameters(MnistMlp.create(CONFIG));
        assertNotEquals(Arrays.hashCode(dl4jsOwn().params().toFloatVector()), Arrays.hashCode(own));   // it did train
        assertArrayEquals(own, lean);
    }

    @Test
    void theSameGradientsAndScoreForOneBatch() {
        MultiLayerNetwork own = dl4jsOwn(), lean = MnistMlp.create(CONFIG);
        INDArray x = Nd4j.rand(DataType.FLOAT, 32, 784);
        INDArray y = Nd4j.zeros(DataType.FLOAT, 32, 10);
        for (int i = 0; i < 32; i++) {
            y.putScalar(i, i % 10, 1);
        }
        for (MultiLayerNetwork net : new MultiLayerNetwork[]{own, lean}) {
            Nd4j.getRandom().setSeed(5);
            net.setInput(x);
            net.setLabels(y);
            net.computeGradientAndScore();
        }
        assertThat(own.gradient().gradient().amaxNumber().doubleValue()).isGreaterThan(0);
        assertArrayEquals(own.gradient().gradient().toFloatVector(), lean.gradient().gradient().toFloatVector());
        assertEquals(own.score(), lean.score());
    }

    @Test
    void aSavedLeanNetworkLoadsAsDl4jsOwn(@TempDir Path tmp) {
        MultiLayerNetwork lean = MnistMlp.create(CONFIG);
        Path zip = tmp.resolve("lean.zip");
        ModelStore.save(lean, zip);
        MultiLayerNetwork back = (MultiLayerNetwork) ModelStore.load(zip);
        assertEquals(MultiLayerNetwork.class, back.getClass());
        assertEquals(org.deeplearning4j.nn.layers.feedforward.dense.DenseLayer.class, back.getLayers()[0].getClass());
        INDArray x = Nd4j.rand(DataType.FLOAT, 8, 784);
        assertArrayEquals(lean.output(x).ravel().toFloatVector(), back.output(x).ravel().toFloatVector());
    }
}
