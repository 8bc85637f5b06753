package dev.dl4jmnist.kerasimport;

import dev.dl4jmnist.AppException;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a Keras {@code model.save("….h5")} file holds, read without interpretation: the Keras version
 * and backend, the model and training configurations (JSON text), and each layer's weights keyed by
 * Keras's parameter name ({@code kernel}, {@code bias}, …).
 *
 * @param trainingConfig null when the model was saved without its optimizer/compile settings
 */
public record KerasFile(Path path, String kerasVersion, String backend, String modelConfig, String trainingConfig,
                        Map<String, Map<String, INDArray>> weights) {

    /** Where a full-model file keeps the weights. */
    static final String WEIGHTS_ROOT = "/model_weights";

    /** Reads {@code path}; every problem is an {@link AppException} with one line naming it. */
    public static KerasFile read(Path path) {
        try (Hdf5Reader h5 = Hdf5Reader.open(path)) {
            if (!h5.hasAttribute("/", "model_config")) {
                if (h5.hasAttribute("/", "layer_names")) {
                    throw new AppException(path + " holds only weights (Keras save_weights): it has no model"
                            + " configuration; save the whole model with model.save(\"model.h5\")");
                }
                throw new AppException(path + " is an HDF5 file but not a Keras model: it has no model_config attribute");
            }
            String version = h5.hasAttribute("/", "keras_version") ? h5.stringAttribute("/", "keras_version") : "unknown";
            String backend = h5.hasAttribute("/", "backend") ? h5.stringAttribute("/", "backend") : "unknown";
            String modelConfig = h5.stringAttribute("/", "model_config");
            String trainingConfig = h5.hasAttribute("/", "training_config") ? h5.stringAttribute("/", "training_config") : null;
            if (!h5.exists(WEIGHTS_ROOT)) {
                throw new AppException(path + " has a model configuration but no weights (no " + WEIGHTS_ROOT.substring(1) + " group)");
            }
            return new KerasFile(path, version, backend, modelConfig, trainingConfig, readWeights(h5));
        }
    }

    /** Keras's major version (1, 2, 3…), or 0 when the file does not say. */
    public int majorVersion() {
        int dot = kerasVersion.indexOf('.');
        try {
            return Integer.parseInt(dot > 0 ? kerasVersion.substring(0, dot) : kerasVersion);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Total number of weight values in the file. */
    public long parameterCount() {
        return weights.values().stream().flatMap(m -> m.values().stream()).mapToLong(INDArray::length).sum();
    }

    /**
     * Each layer's weights from {@code model_weights/<layer>/<weight name>}, where the weight names come
     * from the layer's {@code weight_names} attribute: {@code dense_1/kernel} (Keras 2),
     * {@code dense_1/kernel:0} (Keras 2 with TensorFlow) or {@code sequential/dense/kernel} (Keras 3).
     */
    private static Map<String, Map<String, INDArray>> readWeights(Hdf5Reader h5) {
        List<String> layers = h5.hasAttribute(WEIGHTS_ROOT, "layer_names")
                ? h5.stringListAttribute(WEIGHTS_ROOT, "layer_names") : h5.children(WEIGHTS_ROOT);
        Map<String, Map<String, INDArray>> out = new LinkedHashMap<>();
        for (String layer : layers) {
            String group = WEIGHTS_ROOT + "/" + layer;
            if (!h5.exists(group) || !h5.hasAttribute(group, "weight_names")) {
                continue;
            }
            Map<String, INDArray> params = new LinkedHashMap<>();
            for (String weightName : h5.stringListAttribute(group, "weight_names")) {
                Hdf5Reader.FloatArray a = h5.floats(group + "/" + weightName);
                params.put(parameterName(weightName), Nd4j.create(a.values(), a.shape(), 'c'));
            }
            if (!params.isEmpty()) {
                out.put(layer, Collections.unmodifiableMap(params));
            }
        }
        return Collections.unmodifiableMap(out);
    }

    /** {@code sequential/dense/kernel} or {@code dense_1/kernel:0} → {@code kernel}. */
    static String parameterName(String weightName) {
        String last = weightName.substring(weightName.lastIndexOf('/') + 1);
        return last.replaceFirst(":\\d+$", "");
    }
}
