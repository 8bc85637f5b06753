package dev.dl4jmnist.kerasimport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes the small Keras-format test files in src/test/resources/keras/ (run once; the files are committed).
 * Each is derived from one of the two real files in models/keras/: the same HDF5 layout, attributes and
 * weight paths as that file, its model_config JSON edited (layers renamed, activations inline, an Input +
 * Flatten pair, a Functional-API graph, another optimizer…), and its weights cut to the first
 * {@value #HIDDEN} hidden units (first columns of each kernel, first rows of the next) so the files stay small.
 * All model files share those same weights, so every one of them must predict exactly alike.
 */
public final class KerasTestFiles {
    static final int HIDDEN = 16;
    static final Path DIR = Path.of("src", "test", "resources", "keras");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final KerasFile k2;
    private final KerasFile k3;
    private final List<INDArray[]> dense;   // {kernel, bias} for the three Dense layers, cut to HIDDEN units
    private int firstKernelRows = 784;      // rows of the first kernel written (the model's input size)

    private KerasTestFiles() {
        k2 = KerasFile.read(Path.of("models/keras/keras-2.3.1-theano/trained_model.h5"));
        k3 = KerasFile.read(Path.of("models/keras/keras-3.11.3-torch/trained_model.h5"));
        dense = new ArrayList<>();
        int rows = 784;
        for (String layer : List.of("dense", "dense_1", "dense_2")) {
            Map<String, INDArray> w = k3.weights().get(layer);
            int cols = layer.equals("dense_2") ? 10 : HIDDEN;
            INDArray kernel = w.get("kernel").get(NDArrayIndex.interval(0, rows), NDArrayIndex.interval(0, cols)).dup('c');
            INDArray bias = w.get("bias").get(NDArrayIndex.interval(0, cols)).dup('c');
            dense.add(new INDArray[]{kernel, bias});
            rows = cols;
        }
    }

    public static void main(String[] args) throws IOException {
        Files.createDirectories(DIR);
        KerasTestFiles files = new KerasTestFiles();
        files.keras2InlineActivation();
        files.keras3Rmsprop();
        files.keras3NoOptimizer();
        files.keras3InputFlatten();
        files.keras3Functional();
        files.weightsOnly();
        files.unmappableLayer();
        files.wrongInput();
        Files.writeString(DIR.resolve("not-hdf5.h5"), "This is a text file renamed to .h5, not an HDF5 model.\n");
    }

    // ---- Keras 2.3.1 (theano) layout -------------------------------------------------------------

    /** {@code Dense(16, activation='relu', input_shape=(784,))}, Dropout, Dense(16, relu), Dropout, Dense(10, softmax). */
    private void keras2InlineActivation() throws IOException {
        ObjectNode root = parse(k2.modelConfig());
        ArrayNode layers = (ArrayNode) root.path("config").path("layers");
        ObjectNode denseTemplate = (ObjectNode) layers.get(0);   // dense_1 with batch_input_shape
        ObjectNode dropoutTemplate = (ObjectNode) layers.get(2);
        ArrayNode out = F.arrayNode();
        out.add(k2Dense(denseTemplate, "dense_1", HIDDEN, "relu", true));
        out.add(renamed(dropoutTemplate, "dropout_1"));
        out.add(k2Dense(denseTemplate, "dense_2", HIDDEN, "relu", false));
        out.add(renamed(dropoutTemplate, "dropout_2"));
        out.add(k2Dense(denseTemplate, "dense_3", 10, "softmax", false));
        ((ObjectNode) root.get("config")).set("layers", out);
        try (Hdf5Writer h5 = new Hdf5Writer(DIR.resolve("keras2-inline-activation.h5"))) {
            h5.stringAttribute("/", "keras_version", "2.3.1", false);
            h5.stringAttribute("/", "backend", "theano", false);
            h5.stringAttribute("/", "model_config", root.toString(), false);
            h5.stringAttribute("/", "training_config", k2.trainingConfig(), false);
            writeWeights(h5, "/model_weights", List.of("dense_1", "dropout_1", "dense_2", "dropout_2", "dense_3"),
                    List.of("dense_1", "dense_2", "dense_3"), name -> name + "/" + name, false, "2.3.1", "theano");
        }
    }

    private static ObjectNode k2Dense(ObjectNode template, String name, int units, String activation, boolean input) {
        ObjectNode layer = renamed(template, name);
        ObjectNode config = (ObjectNode) layer.get("config");
        config.put("units", units);
        config.put("activation", activation);
        if (!input) {
            config.remove("batch_input_shape");
        }
        return layer;
    }

    /** Keras's {@code model.save_weights("w.h5")}: weights at the root, no model_config. */
    private void weightsOnly() {
        try (Hdf5Writer h5 = new Hdf5Writer(DIR.resolve("weights-only.h5"))) {
            writeWeights(h5, "/", List.of("dense_1", "activation_1", "dropout_1", "dense_2", "activation_2", "dropout_2",
                    "dense_3", "activation_3"), List.of("dense_1", "dense_2", "dense_3"), name -> name + "/" + name,
                    false, "2.3.1", "theano");
        }
    }

    // ---- Keras 3.11.3 (torch) layout -------------------------------------------------------------

    /** The tutorial's layers (InputLayer, Dense/Activation/Dropout ×2, Dense/Activation) compiled with RMSprop. */
    private void keras3Rmsprop() throws IOException {
        ObjectNode training = parse(k3.trainingConfig());
        ObjectNode optimizer = (ObjectNode) training.get("optimizer_config");
        optimizer.put("class_name", "RMSprop");
        ObjectNode c = F.objectNode();
        ObjectNode adam = (ObjectNode) optimizer.get("config");
        c.put("name", "rmsprop");
        adam.fields().forEachRemaining(e -> {
            if (!List.of("name", "beta_1", "beta_2", "epsilon", "amsgrad").contains(e.getKey())) c.set(e.getKey(), e.getValue());
        });
        c.put("rho", 0.9).put("momentum", 0.0).put("epsilon", 1e-07).put("centered", false);
        optimizer.set("config", c);
        writeK3Sequential("keras3-rmsprop.h5", tutorialLayers(784), training.toString(), false);
    }

    /** The tutorial's layers saved with {@code include_optimizer=False}: no training_config. */
    private void keras3NoOptimizer() throws IOException {
        writeK3Sequential("keras3-no-optimizer.h5", tutorialLayers(784), null, false);
    }

    /** {@code Input(shape=(28, 28))}, {@code Flatten()}, Dense(16, relu), Dropout, Dense(16, relu), Dropout, Dense(10, softmax). */
    private void keras3InputFlatten() throws IOException {
        ArrayNode layers = F.arrayNode();
        ObjectNode input = k3Template("InputLayer");
        input.with("config").set("batch_shape", F.arrayNode().addNull().add(28).add(28));
        layers.add(input);
        ObjectNode flatten = F.objectNode().put("class_name", "Flatten");
        flatten.set("config", F.objectNode().put("name", "flatten").put("trainable", true)
                .set("dtype", k3Template("Dense").path("config").path("dtype").deepCopy()));
        ((ObjectNode) flatten.get("config")).put("data_format", "channels_last");
        layers.add(flatten);
        layers.add(k3Dense("dense", HIDDEN, "relu"));
        layers.add(k3Renamed("Dropout", "dropout"));
        layers.add(k3Dense("dense_1", HIDDEN, "relu"));
        layers.add(k3Renamed("Dropout", "dropout_1"));
        layers.add(k3Dense("dense_2", 10, "softmax"));
        writeK3Sequential("keras3-input-flatten.h5", layers, k3.trainingConfig(), false);
    }

    /** The tutorial's layers as a Functional-API model: {@code keras.Model(inputs=Input((784,)), outputs=…)}. */
    private void keras3Functional() throws IOException {
        ArrayNode sequential = tutorialLayers(784);
        ArrayNode layers = F.arrayNode();
        String previous = null;
        for (JsonNode node : sequential) {
            ObjectNode layer = (ObjectNode) node.deepCopy();
            String name = layer.path("config").path("name").asText();
            layer.put("name", name);
            ArrayNode inbound = layer.putArray("inbound_nodes");
            if (previous != null) {
                ObjectNode tensorConfig = F.objectNode();
                tensorConfig.set("shape", F.arrayNode().addNull().add(previous.startsWith("input") ? 784 : HIDDEN));
                tensorConfig.put("dtype", "float32");
                tensorConfig.set("keras_history", F.arrayNode().add(previous).add(0).add(0));
                ObjectNode tensor = F.objectNode().put("class_name", "__keras_tensor__");
                tensor.set("config", tensorConfig);
                ObjectNode call = F.objectNode();
                call.set("args", F.arrayNode().add(tensor));
                call.set("kwargs", F.objectNode());
                inbound.add(call);
            }
            layers.add(layer);
            previous = name;
        }
        ObjectNode config = F.objectNode().put("name", "functional").put("trainable", true);
        config.set("layers", layers);
        config.set("input_layers", F.arrayNode().add("input_layer").add(0).add(0));
        config.set("output_layers", F.arrayNode().add(previous).add(0).add(0));
        ObjectNode root = F.objectNode().put("class_name", "Functional");
        root.set("config", config);
        writeK3(DIR.resolve("keras3-functional.h5"), root, layers, k3.trainingConfig(), true);
    }

    /** The tutorial's layers with one Activation replaced by Keras 3's UnitNormalization, which DL4J cannot map. */
    private void unmappableLayer() throws IOException {
        ArrayNode layers = tutorialLayers(784);
        ObjectNode norm = F.objectNode().put("class_name", "UnitNormalization");
        norm.set("config", F.objectNode().put("name", "unit_normalization").put("trainable", true).put("axis", -1));
        layers.set(2, norm);
        writeK3Sequential("unmappable-layer.h5", layers, k3.trainingConfig(), false);
    }

    /** The tutorial's layers on a 100-value input (not MNIST's 784). */
    private void wrongInput() throws IOException {
        firstKernelRows = 100;
        try {
            writeK3Sequential("wrong-input.h5", tutorialLayers(100), k3.trainingConfig(), false);
        } finally {
            firstKernelRows = 784;
        }
    }

    /** InputLayer(n), Dense(16)+relu+Dropout, Dense(16)+relu+Dropout, Dense(10)+softmax, named as Keras 3 names them. */
    private ArrayNode tutorialLayers(int inputs) throws IOException {
        ArrayNode layers = F.arrayNode();
        ObjectNode input = k3Template("InputLayer");
        input.with("config").set("batch_shape", F.arrayNode().addNull().add(inputs));
        layers.add(input);
        String[] activations = {"relu", "relu", "softmax"};
        for (int i = 0; i < 3; i++) {
            String suffix = i == 0 ? "" : "_" + i;
            layers.add(k3Dense("dense" + suffix, i == 2 ? 10 : HIDDEN, "linear"));
            ObjectNode act = k3Renamed("Activation", "activation" + suffix);
            act.with("config").put("activation", activations[i]);
            layers.add(act);
            if (i < 2) {
                layers.add(k3Renamed("Dropout", "dropout" + suffix));
            }
        }
        return layers;
    }

    private ObjectNode k3Dense(String name, int units, String activation) throws IOException {
        ObjectNode layer = k3Renamed("Dense", name);
        layer.with("config").put("units", units).put("activation", activation);
        return layer;
    }

    private ObjectNode k3Renamed(String cls, String name) throws IOException {
        return renamed(k3Template(cls), name);
    }

    /** A copy of the first layer of class {@code cls} in the real Keras 3 file's model_config. */
    private ObjectNode k3Template(String cls) throws IOException {
        for (JsonNode l : parse(k3.modelConfig()).path("config").path("layers")) {
            if (l.path("class_name").asText().equals(cls)) {
                return (ObjectNode) l.deepCopy();
            }
        }
        throw new IllegalStateException("no " + cls + " in the Keras 3 file");
    }

    private void writeK3Sequential(String fileName, ArrayNode layers, String trainingConfig, boolean functional) throws IOException {
        ObjectNode root = parse(k3.modelConfig());
        ObjectNode config = (ObjectNode) root.get("config");
        config.set("layers", layers);
        config.set("build_input_shape", layers.get(0).path("config").path("batch_shape").deepCopy());
        writeK3(DIR.resolve(fileName), root, layers, trainingConfig, functional);
    }

    /** Keras 3's legacy .h5 layout: UTF-8 version/backend, weights under model_weights/<layer>/<variable path>. */
    private void writeK3(Path file, ObjectNode root, ArrayNode layers, String trainingConfig, boolean functional) {
        List<String> layerNames = new ArrayList<>();
        List<String> denseNames = new ArrayList<>();
        for (JsonNode l : layers) {
            String cls = l.path("class_name").asText();
            String name = l.path("config").path("name").asText();
            if (cls.equals("InputLayer") && !functional) {
                continue;   // Keras 3 Sequential does not list its InputLayer in model.layers
            }
            layerNames.add(name);
            if (cls.equals("Dense")) {
                denseNames.add(name);
            }
        }
        String modelName = root.path("config").path("name").asText();
        try (Hdf5Writer h5 = new Hdf5Writer(file)) {
            h5.stringAttribute("/", "keras_version", "3.11.3", true);
            h5.stringAttribute("/", "backend", "torch", true);
            h5.stringAttribute("/", "model_config", root.toString(), false);
            if (trainingConfig != null) {
                h5.stringAttribute("/", "training_config", trainingConfig, false);
            }
            writeWeights(h5, "/model_weights", layerNames, denseNames,
                    name -> functional ? name : modelName + "/" + name, true, "3.11.3", "torch");
        }
    }

    // ---- shared -----------------------------------------------------------------------------------

    /** Layer groups with weight_names; Dense layers get the cut kernel and bias under {@code prefix.apply(name)}. */
    private void writeWeights(Hdf5Writer h5, String root, List<String> layerNames, List<String> denseNames,
                              java.util.function.UnaryOperator<String> prefix, boolean keras3, String version, String backend) {
        h5.group(root);
        h5.stringListAttribute(root, "layer_names", layerNames);
        h5.stringAttribute(root, "backend", backend, keras3);
        h5.stringAttribute(root, "keras_version", version, keras3);
        String base = root.equals("/") ? "" : root;
        for (String layer : layerNames) {
            String group = base + "/" + layer;
            h5.group(group);
            int d = denseNames.indexOf(layer);
            if (d < 0) {
                h5.stringListAttribute(group, "weight_names", List.of());
                continue;
            }
            String p = prefix.apply(layer);
            h5.stringListAttribute(group, "weight_names", List.of(p + "/kernel", p + "/bias"));
            INDArray kernel = dense.get(d)[0];
            INDArray bias = dense.get(d)[1];
            if (d == 0 && kernel.rows() != firstKernelRows) {
                kernel = kernel.get(NDArrayIndex.interval(0, firstKernelRows), NDArrayIndex.all()).dup('c');
            }
            h5.floats(group + "/" + p + "/kernel", kernel.shape(), kernel.data().asFloat());
            h5.floats(group + "/" + p + "/bias", bias.shape(), bias.data().asFloat());
        }
        if (keras3) {
            h5.group(base + "/top_level_model_weights");
            h5.stringListAttribute(base + "/top_level_model_weights", "weight_names", List.of());
        }
    }

    private static ObjectNode renamed(ObjectNode template, String name) {
        ObjectNode copy = template.deepCopy();
        copy.with("config").put("name", name);
        return copy;
    }

    private static ObjectNode parse(String json) throws IOException {
        return (ObjectNode) JSON.readTree(json);
    }
}
