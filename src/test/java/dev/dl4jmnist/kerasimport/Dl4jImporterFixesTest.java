package dev.dl4jmnist.kerasimport;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.modelimport.keras.KerasModelImport;
import org.deeplearning4j.nn.modelimport.keras.exceptions.UnsupportedKerasConfigurationException;
import org.deeplearning4j.nn.modelimport.keras.utils.KerasOptimizerUtils;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.learning.config.AdaGrad;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What DL4J 1.0.0-M2.1's own importer gets wrong on these files, shown on DL4J itself, next to the
 * corrected import. If a DL4J upgrade fixes one, its test here fails and the translation can go.
 */
class Dl4jImporterFixesTest {
    private static final Path K2 = Path.of("models/keras/keras-2.3.1-theano/trained_model.h5");
    private static final Path K3 = Path.of("models/keras/keras-3.11.3-torch/trained_model.h5");

    @Test
    void dl4jAloneImportsDropout02AsNoDropoutAtAll() throws Exception {
        MultiLayerNetwork plain = KerasModelImport.importKerasSequentialModelAndWeights(K2.toString(), true);
        assertEquals(List.of(1.0, 1.0), retainProbabilities(plain));   // Keras says rate 0.2: keep 0.8

        MultiLayerNetwork fixed = (MultiLayerNetwork) KerasImporter.importModel(K2).model();
        assertEquals(List.of(0.8, 0.8), retainProbabilities(fixed));
    }

    @Test
    void dl4jAloneRefusesKeras3Files() {
        var e = assertThrows(UnsupportedKerasConfigurationException.class,
                () -> KerasModelImport.importKerasSequentialModelAndWeights(K3.toString(), false));
        assertTrue(e.getMessage().contains("Keras major version has to be either 1 or 2 (3 provided)"), e.getMessage());
        assertInstanceOf(MultiLayerNetwork.class, KerasImporter.importModel(K3).model());
    }

    @Test
    void dl4jAloneCannotMapAKeras3AdamConfigButTheTranslatedOneIsExact() throws Exception {
        Map<String, Object> optimizer = optimizerOf(KerasFile.read(K3).trainingConfig());
        assertThrows(NullPointerException.class, () -> KerasOptimizerUtils.mapOptimizer(optimizer));   // no 'decay'

        KerasConfigTranslator.Translation t = KerasConfigTranslator.translate(KerasFile.read(K3));
        IUpdater adam = KerasOptimizerUtils.mapOptimizer(optimizerOf(t.trainingJson()));
        Adam a = assertInstanceOf(Adam.class, adam);
        assertEquals(0.0010000000474974513, a.getLearningRate());
        assertEquals(0.9, a.getBeta1());
        assertEquals(0.999, a.getBeta2());
        assertEquals(1e-7, a.getEpsilon());
    }

    @Test
    void dl4jAloneMisspellsAdagrad() throws Exception {
        String training = "{\"loss\": \"categorical_crossentropy\", \"optimizer_config\": {\"class_name\": \"Adagrad\","
                + " \"config\": {\"learning_rate\": 0.01, \"initial_accumulator_value\": 0.0, \"epsilon\": 1e-07, \"decay\": 0.0}}}";
        assertThrows(UnsupportedKerasConfigurationException.class, () -> KerasOptimizerUtils.mapOptimizer(optimizerOf(training)));

        KerasConfigTranslator.Translation t = KerasConfigTranslator.translate("t.h5", "3.11.3", "torch",
                KerasFile.read(K3).modelConfig(), training);
        AdaGrad g = assertInstanceOf(AdaGrad.class, KerasOptimizerUtils.mapOptimizer(optimizerOf(t.trainingJson())));
        assertEquals(0.01, g.getLearningRate());
        assertEquals(1e-7, g.getEpsilon());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> optimizerOf(String trainingJson) throws Exception {
        return (Map<String, Object>) new ObjectMapper().readValue(trainingJson, Map.class).get("optimizer_config");
    }

    private static List<Double> retainProbabilities(MultiLayerNetwork net) {
        List<Double> out = new ArrayList<>();
        for (org.deeplearning4j.nn.api.Layer l : net.getLayers()) {
            if (l.conf().getLayer() instanceof DropoutLayer d) {
                out.add(d.getIDropout() instanceof Dropout p ? p.getP() : 1.0);
            }
        }
        return out;
    }
}
