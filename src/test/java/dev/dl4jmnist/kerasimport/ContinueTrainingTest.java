package dev.dl4jmnist.kerasimport;

import dev.dl4jmnist.TestData;
import dev.dl4jmnist.data.MnistData;
import dev.dl4jmnist.evaluation.EvaluationResult;
import dev.dl4jmnist.evaluation.Evaluator;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The imported tutorial model trains on in DL4J with Keras's loss, optimizer and dropout. */
class ContinueTrainingTest {

    @Test
    void importedKerasModelTrainsOneMoreEpochOnASubset() {
        ImportedKerasModel imported = KerasImporter.importModel(Path.of("models/keras/keras-2.3.1-theano/trained_model.h5"));
        assertTrue(imported.trainable());
        MultiLayerNetwork net = (MultiLayerNetwork) imported.model();
        MnistData data = TestData.mnist();
        INDArray before = net.params().dup();
        INDArray batch = data.test(100, 100).next().getFeatures();

        // dropout is active while training (two passes differ) and off for inference (two passes agree)
        assertNotEquals(net.output(batch, true), net.output(batch, true));
        assertEquals(net.output(batch, false), net.output(batch, false));

        Nd4j.getRandom().setSeed(42);   // dropout masks
        net.fit(data.train(128, 10_000, 42));
        double change = net.params().sub(before).norm2Number().doubleValue();
        assertTrue(change > 0.01, "parameters moved by " + change);
        EvaluationResult after = Evaluator.evaluate(net, data.test(1000, 10_000));
        System.out.printf("one more epoch on 10,000 images: parameter change %.4f, test accuracy %.4f, loss %.4f%n",
                change, after.accuracy(), after.loss());
        // starting from Keras's weights (0.98), not from scratch (about 0.93 after one epoch on 10,000 images);
        // Adam's moment estimates start again at zero in DL4J, so the first steps shake the weights a little
        assertTrue(after.accuracy() >= 0.965, "accuracy after one more epoch " + after.accuracy());
    }

    @Test
    void modelSavedWithoutOptimizerSaysItCannotTrain() {
        ImportedKerasModel imported = KerasImporter.importModel(Path.of("src/test/resources/keras/keras3-no-optimizer.h5"));
        assertFalse(imported.trainable());
        assertEquals("the file has no training configuration (saved without its optimizer or never compiled)", imported.trainingNote());
    }
}
