package dev.dl4jmnist.kerasimport;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.modelimport.keras.KerasModelImport;
import org.deeplearning4j.nn.modelimport.keras.exceptions.UnsupportedKerasConfigurationException;
import org.deeplearning4j.nn.modelimport.keras.utils.KerasOptimizerUtils;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import dev.dl4jmnist.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.AdaGrad;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
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

    /** A small convnet in Keras 2's layout, which DL4J's importer reads itself (see {@link ConvnetVariants}). */
    private static ConvnetVariants smallConvnet() {
        return ConvnetVariants.input(1, 28, 28, 1).conv("conv2d", 4, 3, 1, "valid", "relu", true)
                .pool("MaxPooling2D", "max_pooling2d", 2, 2, "valid");
    }

    @Test
    void dl4jAloneCannotTrainAChannelsLastConvnetForTheKeepEverythingDropoutItAddsToEachLayer(@TempDir Path tmp) throws Exception {
        Path file = smallConvnet().flatten("flatten").dense("dense", 10, "softmax", true).writeKeras2(tmp.resolve("cnn.h5"));
        MultiLayerNetwork plain = KerasModelImport.importKerasSequentialModelAndWeights(file.toString(), false);
        Dropout keepAll = assertInstanceOf(Dropout.class, plain.getLayer(0).conf().getLayer().getIDropout());
        assertEquals(1.0, keepAll.getP());
        DataSet batch = TestData.mnist().test(16, 16).next();
        DataSet images = new DataSet(batch.getFeatures().reshape(16, 28, 28, 1), batch.getLabels());
        assertThrows(RuntimeException.class, () -> plain.fit(images));      // its mask is NHWC, the gradient NCHW

        MultiLayerNetwork fixed = (MultiLayerNetwork) KerasImporter.importModel(file).model();
        assertNull(fixed.getLayer(0).conf().getLayer().getIDropout());
        fixed.setListeners();
        fixed.fit(batch);                                                    // 784 values per image, reshaped by the import
    }

    @Test
    void dl4jAloneCannotReadBatchNormalizationWithoutCentreNorAReshapeWithMinusOne(@TempDir Path tmp) {
        Path noScale = smallConvnet().batchNorm("batch_normalization", 1e-3, false, true).flatten("flatten")
                .dense("dense", 10, "softmax", true).writeKeras2(tmp.resolve("bn.h5"));
        assertThrows(Exception.class, () -> KerasModelImport.importKerasSequentialModelAndWeights(noScale.toString(), false));
        assertInstanceOf(MultiLayerNetwork.class, KerasImporter.importModel(noScale).model());

        Path minusOne = ConvnetVariants.input(1, 784).reshape("reshape", -1, 28, 1).conv("conv2d", 4, 3, 1, "valid", "relu", true)
                .flatten("flatten").dense("dense", 10, "softmax", true).writeKeras2(tmp.resolve("reshape.h5"));
        assertThrows(Exception.class, () -> KerasModelImport.importKerasSequentialModelAndWeights(minusOne.toString(), false));
        assertInstanceOf(MultiLayerNetwork.class, KerasImporter.importModel(minusOne).model());
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
