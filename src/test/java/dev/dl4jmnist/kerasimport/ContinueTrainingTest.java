package dev.dl4jmnist.kerasimport;

import dev.dl4jmnist.model.DigitClassifier;
import dev.dl4jmnist.TestData;
import dev.dl4jmnist.data.MnistData;
import dev.dl4jmnist.evaluation.EvaluationResult;
import dev.dl4jmnist.evaluation.Evaluator;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.file.Path;
import java.util.List;

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
    void trainingConfigurationDl4jRefusesLeavesAnInferenceModelThatSaysWhy(@TempDir Path tmp) {
        KerasFile source = KerasFile.read(Path.of("src/test/resources/keras/keras3-no-optimizer.h5"));
        Path file = tmp.resolve("custom-loss.h5");
        try (Hdf5Writer h5 = new Hdf5Writer(file)) {
            h5.stringAttribute("/", "keras_version", source.kerasVersion(), true);
            h5.stringAttribute("/", "backend", source.backend(), true);
            h5.stringAttribute("/", "model_config", source.modelConfig(), false);
            h5.stringAttribute("/", "training_config", "{\"loss\": \"my_custom_loss\", \"optimizer_config\": {\"class_name\": \"Adam\","
                    + " \"config\": {\"learning_rate\": 0.001, \"beta_1\": 0.9, \"beta_2\": 0.999, \"epsilon\": 1e-07}}}", false);
            h5.group("/model_weights");
            h5.stringListAttribute("/model_weights", "layer_names", List.copyOf(source.weights().keySet()));
            source.weights().forEach((layer, params) -> {
                h5.group("/model_weights/" + layer);
                h5.stringListAttribute("/model_weights/" + layer, "weight_names",
                        params.keySet().stream().map(p -> layer + "/" + p).toList());
                params.forEach((p, v) -> h5.floats("/model_weights/" + layer + "/" + layer + "/" + p, v.shape(), v.data().asFloat()));
            });
        }
        ImportedKerasModel imported = KerasImporter.importModel(file);
        assertFalse(imported.trainable());
        assertEquals("DL4J could not import the training configuration (Unknown Keras loss function my_custom_loss.)",
                imported.trainingNote());
        INDArray batch = TestData.mnist().test(100, 100).next().getFeatures();
        assertEquals(DigitClassifier.of(KerasImporter.importModel(Path.of("src/test/resources/keras/keras3-no-optimizer.h5")).model()).probabilities(batch),
                DigitClassifier.of(imported.model()).probabilities(batch));
    }

    @Test
    void modelSavedWithoutOptimizerSaysItCannotTrain() {
        ImportedKerasModel imported = KerasImporter.importModel(Path.of("src/test/resources/keras/keras3-no-optimizer.h5"));
        assertFalse(imported.trainable());
        assertEquals("the file has no training configuration (saved without its optimizer or never compiled)", imported.trainingNote());
    }
}
