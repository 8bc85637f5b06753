package dev.dl4jmnist.kerasimport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dl4jmnist.AppException;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one place where a Keras file's configuration is rewritten into the form DL4J 1.0.0-M2.1's Keras
 * importer reads. Every rewrite is listed in {@link Translation#changes()}:
 * <ul>
 *   <li>Keras 3 files: the importer accepts only major versions 1 and 2, so the version is given as 2;</li>
 *   <li>Keras 3 {@code InputLayer}: {@code batch_shape} is renamed to Keras 2's {@code batch_input_shape};</li>
 *   <li>Keras 3 Functional models: dict-style {@code inbound_nodes} ({@code __keras_tensor__} with
 *       {@code keras_history}) become Keras 2's {@code [[[layer, node, tensor, {}]]]} lists, and a single
 *       {@code input_layers}/{@code output_layers} entry is wrapped in a list;</li>
 *   <li>{@code Dropout}: the importer reads the drop rate only from a {@code dropout} key, which Dropout
 *       layers do not have (Keras 2 and 3 call it {@code rate}), so its Dropout layers would never drop;
 *       the rate is copied to {@code dropout};</li>
 *   <li>{@code Input(shape=(28, 28))} (or 28×28×1) followed by {@code Flatten()}: given a 784-value input
 *       and the Flatten layer dropped; an image input (28×28×1) used otherwise: given a 784-value input and a
 *       {@code Reshape((28, 28, 1))} after it (the application's input policy, in {@link MnistInput});</li>
 *   <li>{@code Reshape} with a -1 size: given the size Keras works out (DL4J's importer cannot);</li>
 *   <li>{@code BatchNormalization} without scale or centre: DL4J's layer always has gamma and beta, so it is
 *       given gamma = 1 and beta = 0 ({@link #weightsForDl4j});</li>
 *   <li>optimizer: Keras 3 configs have no {@code decay} key (the importer needs it), given as 0; Keras's
 *       {@code Adagrad} is named {@code Adgrad} in the importer; options DL4J cannot reproduce (weight
 *       decay, gradient clipping, EMA, AMSGrad, schedules, classical momentum, centred RMSprop) leave the
 *       model importable for inference only, with the reason in {@link Translation#trainingProblem()}.</li>
 * </ul>
 * Before any rewrite, every layer must be one the import reproduces ({@link KerasLayers}); after them, the model's
 * input must be MNIST's 784 values ({@link MnistInput}); anything else is an {@link AppException}. Convolutional
 * layers need no rewrite: DL4J's importer keeps channels_last data channels_last (NHWC layers, and a Flatten that
 * reads a feature map in Keras's order), which {@link ImportCheck} verifies.
 */
public final class KerasConfigTranslator {
    private static final ObjectMapper JSON = new ObjectMapper();

    private KerasConfigTranslator() {
    }

    /**
     * The configuration DL4J is given.
     *
     * @param modelJson       model config with {@code keras_version} and {@code backend} added, as DL4J reads it
     * @param trainingJson    training config to import, or null when there is none usable
     * @param trainingProblem why the training configuration is not imported (null when it is)
     * @param modelClass      Keras's model class: Sequential, Model (Keras 2 functional) or Functional
     * @param changes         each rewrite made, in words
     */
    public record Translation(String modelJson, String trainingJson, String trainingProblem, String modelClass,
                              List<String> changes) {
        public boolean functional() {
            return !modelClass.equals("Sequential");
        }
    }

    /** Translates the configuration of {@code file}. */
    public static Translation translate(KerasFile file) {
        return translate(file.path().toString(), file.kerasVersion(), file.backend(), file.modelConfig(), file.trainingConfig());
    }

    /** Translates a model config (and optional training config) read from {@code source}. */
    public static Translation translate(String source, String kerasVersion, String backend, String modelConfig,
                                        String trainingConfig) {
        Set<String> changes = new LinkedHashSet<>();
        String fixedGammaBeta = null;   // a BatchNormalization whose fixed gamma/beta DL4J would train
        ObjectNode root = parseObject(source, "model_config", modelConfig);
        String modelClass = root.path("class_name").asText("");
        if (!List.of("Sequential", "Model", "Functional").contains(modelClass)) {
            throw new AppException(source + ": Keras model class '" + modelClass
                    + "' cannot be imported (only Sequential and Functional-API models can)");
        }
        int major = majorVersion(kerasVersion);
        if (major >= 3) {
            root.put("keras_version", "2");
            changes.add("Keras " + kerasVersion + " presented to DL4J as Keras 2 (its importer refuses major version " + major + ")");
        } else {
            root.put("keras_version", kerasVersion);
        }
        root.put("backend", backend);

        ArrayNode layers = layerList(source, root);
        boolean functional = !modelClass.equals("Sequential");
        Map<String, List<Integer>> inputShapes = KerasLayers.requireSupported(source, layers, functional);
        for (JsonNode node : layers) {
            ObjectNode layer = (ObjectNode) node;
            String cls = layer.path("class_name").asText();
            ObjectNode config = layer.with("config");
            if (cls.equals("InputLayer") && config.has("batch_shape") && !config.has("batch_input_shape")) {
                config.set("batch_input_shape", config.remove("batch_shape"));
                changes.add("InputLayer batch_shape renamed to batch_input_shape (Keras 3 → Keras 2 key)");
            }
            if (cls.equals("Dropout") && config.has("rate") && !config.has("dropout")) {
                double rate = config.get("rate").asDouble();
                config.put("dropout", rate);
                changes.add("Dropout rate copied to the 'dropout' key DL4J reads (otherwise its Dropout layers keep every activation)");
            }
            if (cls.equals("Reshape") && hasOpenSize(config.path("target_shape"))) {
                List<Integer> target = KerasLayers.reshapeTarget(config.path("target_shape"), inputShapes.get(config.path("name").asText()));
                if (!target.contains(-1)) {
                    String written = describe(dims(JsonNodeFactory.instance.arrayNode().addNull().addAll((ArrayNode) config.get("target_shape"))));
                    ArrayNode resolved = config.putArray("target_shape");
                    target.forEach(resolved::add);
                    changes.add("Reshape '" + config.path("name").asText() + "' target " + written + " given as " + describe(target)
                            + " (DL4J's importer cannot work out a -1 size)");
                }
            }
            if (cls.equals("BatchNormalization") && !(config.path("center").asBoolean(true) && config.path("scale").asBoolean(true))) {
                config.put("center", true).put("scale", true);
                fixedGammaBeta = fixedGammaBeta != null ? fixedGammaBeta : config.path("name").asText();
                changes.add("BatchNormalization without scale or centre given gamma = 1 and beta = 0 (DL4J's layer always has both;"
                        + " Keras computes exactly that without them)");
            }
            if (functional && layer.has("inbound_nodes")) {
                if (convertInboundNodes(layer)) {
                    changes.add("Keras 3 inbound_nodes (keras_history) rewritten as Keras 2 node lists");
                }
            }
        }
        if (functional) {
            ObjectNode config = (ObjectNode) root.get("config");
            for (String key : List.of("input_layers", "output_layers")) {
                JsonNode v = config.get(key);
                if (v != null && v.isArray() && v.size() > 0 && v.get(0).isTextual()) {
                    config.set(key, JsonNodeFactory.instance.arrayNode().add(v));
                    changes.add("single " + key + " entry wrapped in a list");
                }
            }
        }
        MnistInput.collapseFlattenInput(source, layers, functional, changes);
        MnistInput.reshapeImageInput(layers, functional, changes);
        MnistInput.requireMnistInput(source, layers, functional);

        String trainingJson = null;
        String trainingProblem;
        if (trainingConfig == null) {
            trainingProblem = "the file has no training configuration (saved without its optimizer or never compiled)";
        } else {
            ObjectNode training = parseObject(source, "training_config", trainingConfig);
            trainingProblem = translateOptimizer(training, changes);
            if (trainingProblem == null && fixedGammaBeta != null) {
                trainingProblem = "BatchNormalization '" + fixedGammaBeta + "' has no scale or centre: Keras keeps them at 1 and 0,"
                        + " DL4J would train them";
            }
            if (trainingProblem == null) {
                trainingJson = training.toString();
            }
        }
        return new Translation(root.toString(), trainingJson, trainingProblem, modelClass, List.copyOf(changes));
    }

    /**
     * The file's weights as DL4J's layers take them: a BatchNormalization saved without scale (or centre) is given
     * gamma = 1 (beta = 0), one per channel, to match the configuration {@link #translate} gives DL4J.
     */
    static Map<String, Map<String, INDArray>> weightsForDl4j(KerasFile file) {
        Map<String, Map<String, INDArray>> out = new LinkedHashMap<>(file.weights());
        for (JsonNode layer : layerList(file.path().toString(), parseObject(file.path().toString(), "model_config", file.modelConfig()))) {
            JsonNode c = layer.path("config");
            Map<String, INDArray> w = out.get(c.path("name").asText());
            if (!layer.path("class_name").asText().equals("BatchNormalization") || w == null || !w.containsKey("moving_mean")) {
                continue;
            }
            Map<String, INDArray> completed = new LinkedHashMap<>(w);
            long channels = w.get("moving_mean").length();
            completed.putIfAbsent("gamma", Nd4j.ones(DataType.FLOAT, channels));
            completed.putIfAbsent("beta", Nd4j.zeros(DataType.FLOAT, channels));
            out.put(c.path("name").asText(), completed);
        }
        return out;
    }

    /** The layer configs: Sequential's {@code config} is a list (before Keras 2.2.3) or {@code config.layers}. */
    static ArrayNode layerList(String source, ObjectNode root) {
        JsonNode config = root.get("config");
        if (config != null && config.isArray()) {
            return (ArrayNode) config;
        }
        if (config != null && config.get("layers") instanceof ArrayNode layers) {
            return layers;
        }
        throw new AppException(source + ": the model configuration has no layer list");
    }

    /** Keras 3 node {@code {"args": [tensor…], "kwargs": {}}} → Keras 2 {@code [[name, node, tensor, {}]…]}. */
    private static boolean convertInboundNodes(ObjectNode layer) {
        ArrayNode nodes = (ArrayNode) layer.get("inbound_nodes");
        boolean changed = false;
        ArrayNode converted = JsonNodeFactory.instance.arrayNode();
        for (JsonNode node : nodes) {
            if (!node.isObject()) {
                converted.add(node);
                continue;
            }
            ArrayNode inputs = JsonNodeFactory.instance.arrayNode();
            List<JsonNode> histories = new ArrayList<>();
            collectHistories(node.path("args"), histories);
            for (JsonNode h : histories) {
                inputs.add(JsonNodeFactory.instance.arrayNode().add(h.get(0).asText()).add(h.get(1).asInt())
                        .add(h.get(2).asInt()).add(JsonNodeFactory.instance.objectNode()));
            }
            converted.add(inputs);
            changed = true;
        }
        layer.set("inbound_nodes", converted);
        return changed;
    }

    private static void collectHistories(JsonNode value, List<JsonNode> out) {
        if (value.isObject() && "__keras_tensor__".equals(value.path("class_name").asText())) {
            out.add(value.path("config").path("keras_history"));
        } else if (value.isArray()) {
            value.forEach(v -> collectHistories(v, out));
        }
    }

    private static boolean hasOpenSize(JsonNode target) {
        for (JsonNode d : target) {
            if (d.asInt() == -1) {
                return true;
            }
        }
        return false;
    }

    /** A batch shape without its batch dimension, or null when it is not a list of sizes. */
    static List<Integer> dims(JsonNode batchShape) {
        if (batchShape == null || !batchShape.isArray() || batchShape.size() < 2) {
            return null;
        }
        List<Integer> out = new ArrayList<>();
        for (int i = 1; i < batchShape.size(); i++) {
            out.add(batchShape.get(i).isNull() ? null : batchShape.get(i).asInt());
        }
        return out;
    }

    static List<String> inboundNames(ObjectNode layer) {
        List<String> names = new ArrayList<>();
        for (JsonNode node : layer.path("inbound_nodes")) {
            for (JsonNode in : node) {
                names.add(in.get(0).asText());
            }
        }
        return names;
    }

    static void renameInbound(ObjectNode layer, String from, String to) {
        for (JsonNode node : layer.path("inbound_nodes")) {
            for (JsonNode in : node) {
                if (in.get(0).asText().equals(from)) {
                    ((ArrayNode) in).set(0, JsonNodeFactory.instance.textNode(to));
                }
            }
        }
    }

    static ObjectNode findLayer(ArrayNode layers, String name) {
        for (JsonNode l : layers) {
            if (name.equals(l.path("name").asText(null)) || name.equals(l.path("config").path("name").asText(null))) {
                return (ObjectNode) l;
            }
        }
        return null;
    }

    static String describe(List<Integer> dims) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < dims.size(); i++) {
            sb.append(i > 0 ? ", " : "").append(dims.get(i) == null ? "None" : dims.get(i).toString());
        }
        return sb.append(dims.size() == 1 ? ",)" : ")").toString();
    }

    /**
     * Makes the optimizer config readable by DL4J's {@code KerasOptimizerUtils}; returns why training
     * cannot be imported faithfully, or null when it can.
     */
    static String translateOptimizer(ObjectNode training, Set<String> changes) {
        if (!training.path("loss").isTextual() && !training.path("loss").isObject()) {
            return "the training configuration has no loss function DL4J can read";
        }
        JsonNode optimizer = training.get("optimizer_config");
        if (optimizer == null || !optimizer.isObject()) {
            return "the training configuration has no optimizer";
        }
        String name = optimizer.path("class_name").asText();
        ObjectNode config = ((ObjectNode) optimizer).with("config");
        if (config.has("learning_rate") && !config.get("learning_rate").isNumber()) {
            return "the " + name + " learning rate is a schedule, which DL4J's importer cannot map";
        }
        for (String option : List.of("weight_decay", "clipnorm", "global_clipnorm", "clipvalue")) {
            JsonNode v = config.get(option);
            if (v != null && !v.isNull() && !(v.isNumber() && v.asDouble() == 0)) {
                return name + " option " + option + "=" + v + " has no DL4J equivalent in the importer";
            }
        }
        if (config.path("use_ema").asBoolean(false)) {
            return name + " option use_ema=true has no DL4J equivalent in the importer";
        }
        if (config.path("amsgrad").asBoolean(false)) {
            return name + " option amsgrad=true is imported as plain Adam by DL4J";
        }
        KerasOptimizer known = KerasOptimizer.byKerasName(name).orElse(null);
        if (known == null) {
            return "optimizer " + name + " cannot be mapped by DL4J's importer";
        }
        if (known == KerasOptimizer.SGD && config.path("momentum").asDouble(0) != 0 && !config.path("nesterov").asBoolean(false)) {
            return "SGD with classical (non-Nesterov) momentum has no DL4J updater; DL4J would use Nesterov momentum";
        }
        if (known == KerasOptimizer.RMSPROP && (config.path("momentum").asDouble(0) != 0 || config.path("centered").asBoolean(false))) {
            return "RMSprop with momentum or centered=true has no DL4J equivalent";
        }
        if (known == KerasOptimizer.ADAGRAD && config.path("initial_accumulator_value").asDouble(0) != 0) {
            return "Adagrad's initial_accumulator_value=" + config.get("initial_accumulator_value")
                    + " has no DL4J equivalent (DL4J starts from zero)";
        }
        if (!config.has("lr") && !config.has("learning_rate") && known.hasLearningRate()) {
            return name + " config has no learning rate";
        }
        if (known == KerasOptimizer.SGD && !config.has("momentum")) {
            config.put("momentum", 0.0);
        }
        if (!config.has("decay") && known.needsDecayKey()) {
            config.put("decay", 0.0);
            changes.add("optimizer " + name + ": Keras 3 config has no 'decay' key; given as 0.0 (DL4J's importer requires it)");
        }
        if (!known.importerName.equals(known.kerasName)) {
            ((ObjectNode) optimizer).put("class_name", known.importerName);
            changes.add("optimizer " + known.kerasName + " named '" + known.importerName + "' as DL4J's importer spells it");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = config.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().isNumber() && e.getValue().isIntegralNumber() && !e.getKey().equals("iterations")) {
                config.put(e.getKey(), e.getValue().asDouble());   // the importer casts these to double
            }
        }
        return null;
    }

    private static int majorVersion(String version) {
        try {
            return Integer.parseInt(version.split("\\.")[0]);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static ObjectNode parseObject(String source, String what, String json) {
        try {
            JsonNode node = JSON.readTree(json);
            if (node instanceof ObjectNode o) {
                return o;
            }
        } catch (JsonProcessingException e) {
            // reported below
        }
        throw new AppException(source + ": the " + what + " attribute is not a JSON object");
    }
}
