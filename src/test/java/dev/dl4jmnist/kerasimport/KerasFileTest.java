package dev.dl4jmnist.kerasimport;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading the two real files: the layouts differ (README of ../shared/keras) but the weights come out alike. */
class KerasFileTest {

    @Test
    void keras2FileWeightsAreAtLayerSlashLayerSlashName() {
        KerasFile f = KerasFile.read(Path.of("models/keras/keras-2.3.1-theano/trained_model.h5"));
        assertEquals("2.3.1", f.kerasVersion());
        assertEquals("theano", f.backend());
        assertEquals(2, f.majorVersion());
        assertEquals(List.of("dense_1", "dense_2", "dense_3"), List.copyOf(f.weights().keySet()));
        assertShapes(f.weights());
        assertEquals(-0.06309999f, f.weights().get("dense_1").get("kernel").getFloat(0, 0));
        assertEquals(669_706, f.parameterCount());
        assertTrue(f.trainingConfig().contains("\"decay\": 0.0"));
    }

    @Test
    void keras3FileWeightsHaveTheExtraModelLevelAndUtf8Attributes() {
        KerasFile f = KerasFile.read(Path.of("models/keras/keras-3.11.3-torch/trained_model.h5"));
        assertEquals("3.11.3", f.kerasVersion());   // stored as variable-length UTF-8
        assertEquals("torch", f.backend());
        assertEquals(List.of("dense", "dense_1", "dense_2"), List.copyOf(f.weights().keySet()));
        assertShapes(f.weights());
        assertEquals(0.053862102f, f.weights().get("dense").get("kernel").getFloat(0, 0));   // model_weights/dense/sequential/dense/kernel
        assertTrue(f.modelConfig().contains("\"batch_shape\": [null, 784]"));
        assertTrue(f.trainingConfig().contains("\"optimizer_config\""));
        assertTrue(!f.trainingConfig().contains("\"decay\""));
    }

    @Test
    void fileSavedWithoutOptimizerHasNoTrainingConfig() {
        KerasFile f = KerasFile.read(Path.of("src/test/resources/keras/keras3-no-optimizer.h5"));
        assertNull(f.trainingConfig());
        assertNotNull(f.weights().get("dense"));
    }

    @Test
    void parameterNamesDropTheScopeAndTensorFlowsIndexSuffix() {
        assertEquals("kernel", KerasFile.parameterName("dense_1/kernel"));
        assertEquals("kernel", KerasFile.parameterName("dense_1/kernel:0"));
        assertEquals("bias", KerasFile.parameterName("sequential/dense/bias"));
        assertEquals("moving_mean", KerasFile.parameterName("batch_normalization/moving_mean:0"));
    }

    private static void assertShapes(Map<String, Map<String, INDArray>> w) {
        List<Map<String, INDArray>> layers = List.copyOf(w.values());
        assertArrayEquals(new long[]{784, 512}, layers.get(0).get("kernel").shape());
        assertArrayEquals(new long[]{512}, layers.get(0).get("bias").shape());
        assertArrayEquals(new long[]{512, 512}, layers.get(1).get("kernel").shape());
        assertArrayEquals(new long[]{512, 10}, layers.get(2).get("kernel").shape());
        assertArrayEquals(new long[]{10}, layers.get(2).get("bias").shape());
    }
}
