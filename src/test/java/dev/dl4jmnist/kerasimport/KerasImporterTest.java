package dev.dl4jmnist.kerasimport;

import dev.dl4jmnist.evaluation.PredictionMatch;
import dev.dl4jmnist.TestData;
import dev.dl4jmnist.evaluation.EvaluationResult;
import dev.dl4jmnist.evaluation.Evaluator;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The key check: both shipped Keras files import and reproduce Keras's own predictions on all 10,000 test images. */
class KerasImporterTest {

    @ParameterizedTest
    @CsvSource({"keras-2.3.1-theano, 2.3.1, theano, 9800", "keras-3.11.3-torch, 3.11.3, torch, 9820"})
    void importedModelReproducesKerasPredictions(String dir, String version, String backend, int correct) {
        Path h5 = Path.of("models", "keras", dir, "trained_model.h5");
        ImportedKerasModel imported = KerasImporter.importModel(h5);
        assertInstanceOf(MultiLayerNetwork.class, imported.model());
        assertEquals(version, imported.kerasVersion());
        assertEquals(backend, imported.backend());
        assertEquals(669_706, imported.parameterCount());

        EvaluationResult result = Evaluator.evaluate(imported.model(), TestData.mnist().test(1000, 10_000));
        KerasReference reference = KerasReference.besides(h5);
        PredictionMatch match = PredictionMatch.of(result.probabilities(), reference.probabilities());
        System.out.printf("%s: max abs difference %.3g, classes %d/%d, accuracy %.4f%n", dir,
                match.maxAbsDifference(), match.matching(), match.total(), result.accuracy());
        assertEquals(10_000, match.matching());
        assertTrue(match.maxAbsDifference() <= 1e-5, "max abs difference " + match.maxAbsDifference());
        assertEquals(correct, result.correctCount());
        assertEquals(reference.reportedAccuracy().getAsDouble(), result.accuracy(), 1e-6);
        assertEquals(reference.reportedLoss().getAsDouble(), result.loss(), 1e-4);
    }
}
