package dev.dl4jmnist.kerasimport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Test inputs for the convolutional translation, made at test time (never committed, never presented as
 * written by Keras): a layer list is built from the layer entries of the one Keras-written convnet,
 * {@code models/keras/keras-3.11.3-torch-convnet/trained_model.h5} (InputLayer, Conv2D, MaxPooling2D,
 * Flatten, Dropout, Dense, with their Keras 3 keys), edited (filters, padding, strides, activation…), plus
 * entries written from Keras 3's documented config keys for the layers that file lacks (BatchNormalization,
 * AveragePooling2D, the global poolings, Reshape, Activation, and unsupported layers); every weight is a
 * small seeded random number of the shape Keras gives it. The file is then laid out as the real file is
 * ({@link Hdf5Writer}: Keras 3's weight paths under the model's name; or Keras 2's, {@code name/name/kernel:0}).
 * What such a file proves is that the translation computes what {@link NhwcReference} computes for the
 * same configuration and weights, not anything about Keras itself.
 */
final class ConvnetVariants {
    static final Path CONVNET = Path.of("models/keras/keras-3.11.3-torch-convnet/trained_model.h5");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static KerasFile real;

    private final ArrayNode layers = F.arrayNode();
    private final Map<String, Map<String, INDArray>> weights = new LinkedHashMap<>();
    private final Random random;
    private int[] shape;          // the current output shape (without the batch dimension)

    private ConvnetVariants(long seed) {
        random = new Random(seed);
    }

    /** A model starting with {@code Input(shape=dims)}. */
    static ConvnetVariants input(long seed, int... dims) {
        ConvnetVariants v = new ConvnetVariants(seed);
        ObjectNode input = template("InputLayer");
        ArrayNode batch = F.arrayNode().addNull();
        for (int d : dims) batch.add(d);
        input.with("config").set("batch_shape", batch);
        v.layers.add(input);
        v.shape = dims.clone();
        return v;
    }

    /** The training_config Keras 2.3.1 wrote for the tutorial (categorical cross-entropy, Adam with its Keras 2 keys). */
    private static String keras2TrainingConfig() {
        return KerasFile.read(Path.of("models/keras/keras-2.3.1-theano/trained_model.h5")).trainingConfig();
    }

    static synchronized KerasFile realConvnet() {
        if (real == null) {
            real = KerasFile.read(CONVNET);
        }
        return real;
    }

    ConvnetVariants conv(String name, int filters, int kernel, int stride, String padding, String activation, boolean bias) {
        ObjectNode l = named(template("Conv2D"), name);
        ObjectNode c = l.with("config");
        c.put("filters", filters).put("padding", padding).put("activation", activation).put("use_bias", bias);
        c.set("kernel_size", F.arrayNode().add(kernel).add(kernel));
        c.set("strides", F.arrayNode().add(stride).add(stride));
        int cin = shape[2];
        Map<String, INDArray> w = new LinkedHashMap<>();
        w.put("kernel", randn(1.0 / Math.sqrt(kernel * kernel * cin), kernel, kernel, cin, filters));
        if (bias) w.put("bias", randn(0.1, filters));
        weights.put(name, w);
        shape = new int[]{out(shape[0], kernel, stride, padding), out(shape[1], kernel, stride, padding), filters};
        layers.add(l);
        return this;
    }

    ConvnetVariants pool(String cls, String name, int size, int stride, String padding) {
        ObjectNode l = named(template("MaxPooling2D"), name);
        l.put("class_name", cls);
        ObjectNode c = l.with("config");
        c.set("pool_size", F.arrayNode().add(size).add(size));
        c.set("strides", F.arrayNode().add(stride).add(stride));
        c.put("padding", padding);
        shape = new int[]{out(shape[0], size, stride, padding), out(shape[1], size, stride, padding), shape[2]};
        layers.add(l);
        return this;
    }

    /** {@code GlobalAveragePooling2D} or {@code GlobalMaxPooling2D} (Keras 3 keys: data_format, keepdims). */
    ConvnetVariants globalPool(String cls, String name) {
        ObjectNode c = base(name).put("data_format", "channels_last").put("keepdims", false);
        layers.add(layer(cls, c));
        shape = new int[]{shape[2]};
        return this;
    }

    /**
     * {@code BatchNormalization(axis=-1, epsilon, center, scale)} with Keras 3's other keys (initializers, null
     * regularizers and constraints, synchronized) and random statistics (variance > 0).
     */
    ConvnetVariants batchNorm(String name, double epsilon, boolean center, boolean scale) {
        ObjectNode c = base(name).put("axis", -1).put("momentum", 0.99).put("epsilon", epsilon)
                .put("center", center).put("scale", scale);
        for (String init : List.of("beta_initializer", "gamma_initializer", "moving_mean_initializer", "moving_variance_initializer")) {
            ObjectNode initializer = F.objectNode().put("module", "keras.initializers")
                    .put("class_name", init.startsWith("gamma") || init.startsWith("moving_variance") ? "Ones" : "Zeros");
            initializer.set("config", F.objectNode());
            initializer.putNull("registered_name");
            c.set(init, initializer);
        }
        c.putNull("beta_regularizer").putNull("gamma_regularizer").putNull("beta_constraint").putNull("gamma_constraint")
                .put("synchronized", false);
        layers.add(layer("BatchNormalization", c));
        int ch = shape[shape.length - 1];
        Map<String, INDArray> w = new LinkedHashMap<>();
        if (scale) w.put("gamma", uniform(0.5, 1.5, ch));
        if (center) w.put("beta", randn(0.2, ch));
        w.put("moving_mean", randn(0.3, ch));
        w.put("moving_variance", uniform(0.2, 2.0, ch));
        weights.put(name, w);
        return this;
    }

    ConvnetVariants reshape(String name, int... target) {
        ArrayNode t = F.arrayNode();
        for (int d : target) t.add(d);
        layers.add(layer("Reshape", base(name).set("target_shape", t)));
        int known = 1, size = 1;
        for (int d : shape) size *= d;
        for (int d : target) known *= d == -1 ? 1 : d;
        shape = target.clone();
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] == -1) shape[i] = size / known;   // Keras: -1 takes what is left
        }
        return this;
    }

    ConvnetVariants activation(String name, String activation) {
        layers.add(layer("Activation", base(name).put("activation", activation)));
        return this;
    }

    ConvnetVariants flatten(String name) {
        layers.add(named(template("Flatten"), name));
        int n = 1;
        for (int d : shape) n *= d;
        shape = new int[]{n};
        return this;
    }

    ConvnetVariants dropout(String name, double rate) {
        ObjectNode l = named(template("Dropout"), name);
        l.with("config").put("rate", rate);
        layers.add(l);
        return this;
    }

    ConvnetVariants dense(String name, int units, String activation, boolean bias) {
        ObjectNode l = named(template("Dense"), name);
        l.with("config").put("units", units).put("activation", activation).put("use_bias", bias);
        Map<String, INDArray> w = new LinkedHashMap<>();
        w.put("kernel", randn(2.0 / Math.sqrt(shape[0]), shape[0], units));
        if (bias) w.put("bias", randn(0.1, units));
        weights.put(name, w);
        shape = new int[]{units};
        layers.add(l);
        return this;
    }

    /** Any layer entry as written (for layers the importer must refuse); it has no weights. */
    ConvnetVariants raw(String cls, ObjectNode config) {
        return raw(layer(cls, config));
    }

    /** A whole layer entry ({@code class_name}, {@code config} and any other keys) as written; it has no weights. */
    ConvnetVariants raw(ObjectNode layer) {
        layers.add(layer);
        return this;
    }

    /** A copy of the last layer entry added. */
    ObjectNode lastLayer() {
        return (ObjectNode) layers.get(layers.size() - 1).deepCopy();
    }

    /** The model_config of a Keras 3 Sequential model of these layers. */
    String sequentialConfig() {
        ObjectNode root = parse(realConvnet().modelConfig());
        ObjectNode config = (ObjectNode) root.get("config");
        config.set("layers", layers.deepCopy());
        config.set("build_input_shape", layers.get(0).path("config").path("batch_shape").deepCopy());
        return root.toString();
    }

    /** The same layers as a Keras 3 Functional model ({@code keras.Model(inputs, outputs)}): a chain. */
    String functionalConfig() {
        ArrayNode chain = F.arrayNode();
        String previous = null;
        for (JsonNode node : layers) {
            ObjectNode l = (ObjectNode) node.deepCopy();
            String name = l.path("config").path("name").asText();
            l.put("name", name);
            ArrayNode inbound = l.putArray("inbound_nodes");
            if (previous != null) {
                ObjectNode tensor = F.objectNode().put("class_name", "__keras_tensor__");
                tensor.set("config", F.objectNode().put("dtype", "float32")
                        .set("keras_history", F.arrayNode().add(previous).add(0).add(0)));
                ObjectNode call = F.objectNode();
                call.set("args", F.arrayNode().add(tensor));
                call.set("kwargs", F.objectNode());
                inbound.add(call);
            }
            chain.add(l);
            previous = name;
        }
        ObjectNode config = F.objectNode().put("name", "functional").put("trainable", true);
        config.set("layers", chain);
        config.set("input_layers", F.arrayNode().add(chain.get(0).path("name").asText()).add(0).add(0));
        config.set("output_layers", F.arrayNode().add(previous).add(0).add(0));
        ObjectNode root = F.objectNode().put("class_name", "Functional");
        root.set("config", config);
        return root.toString();
    }

    Map<String, Map<String, INDArray>> weights() {
        return weights;
    }

    /** Writes a Keras 3 layout file (as keras-3.11.3-torch-convnet's), Sequential or Functional, with the real file's training_config. */
    Path writeKeras3(Path file, boolean functional) {
        String modelName = functional ? "functional" : "sequential";
        try (Hdf5Writer h5 = new Hdf5Writer(file)) {
            h5.stringAttribute("/", "keras_version", "3.11.3", true);
            h5.stringAttribute("/", "backend", "torch", true);
            h5.stringAttribute("/", "model_config", functional ? functionalConfig() : sequentialConfig(), false);
            h5.stringAttribute("/", "training_config", realConvnet().trainingConfig(), false);
            writeWeights(h5, functional, name -> modelName + "/" + name + "/", "", "3.11.3", "torch", true);
        }
        return file;
    }

    /**
     * Writes a Keras 2 layout file (as Keras 2 with TensorFlow writes it): no InputLayer, the input shape as
     * {@code batch_input_shape} on the first layer, weights at {@code name/name/kernel:0}, and the real Keras 2
     * file's training_config.
     */
    Path writeKeras2(Path file) {
        ArrayNode k2 = F.arrayNode();
        JsonNode inputShape = layers.get(0).path("config").path("batch_shape");
        for (int i = 1; i < layers.size(); i++) {
            ObjectNode l = (ObjectNode) layers.get(i).deepCopy();
            l.with("config").put("dtype", "float32");
            if (i == 1) l.with("config").set("batch_input_shape", inputShape.deepCopy());
            k2.add(l);
        }
        ObjectNode root = F.objectNode().put("class_name", "Sequential");
        root.set("config", F.objectNode().put("name", "sequential_1").set("layers", k2));
        try (Hdf5Writer h5 = new Hdf5Writer(file)) {
            h5.stringAttribute("/", "keras_version", "2.2.4", false);
            h5.stringAttribute("/", "backend", "tensorflow", false);
            h5.stringAttribute("/", "model_config", root.toString(), false);
            h5.stringAttribute("/", "training_config", keras2TrainingConfig(), false);
            writeWeights(h5, false, name -> name + "/", ":0", "2.2.4", "tensorflow", false);
        }
        return file;
    }

    private void writeWeights(Hdf5Writer h5, boolean functional, java.util.function.UnaryOperator<String> prefix,
                              String suffix, String version, String backend, boolean keras3) {
        List<String> names = new ArrayList<>();
        for (JsonNode l : layers) {
            if (!l.path("class_name").asText().equals("InputLayer") || functional) {
                names.add(l.path("config").path("name").asText());
            }
        }
        h5.group("/model_weights");
        h5.stringListAttribute("/model_weights", "layer_names", names);
        h5.stringAttribute("/model_weights", "backend", backend, keras3);
        h5.stringAttribute("/model_weights", "keras_version", version, keras3);
        for (String name : names) {
            String group = "/model_weights/" + name;
            h5.group(group);
            Map<String, INDArray> w = weights.getOrDefault(name, Map.of());
            List<String> weightNames = new ArrayList<>();
            for (Map.Entry<String, INDArray> e : w.entrySet()) {
                String path = prefix.apply(name) + e.getKey() + suffix;
                weightNames.add(path);
                h5.floats(group + "/" + path, e.getValue().shape(), e.getValue().data().asFloat());
            }
            h5.stringListAttribute(group, "weight_names", weightNames);
        }
    }

    /** The layer entry of class {@code cls} in the real convnet's model_config. */
    private static ObjectNode template(String cls) {
        for (JsonNode l : parse(realConvnet().modelConfig()).path("config").path("layers")) {
            if (l.path("class_name").asText().equals(cls)) {
                return (ObjectNode) l.deepCopy();
            }
        }
        throw new IllegalStateException("no " + cls + " in " + CONVNET);
    }

    /** The keys every Keras 3 layer config has: name, trainable and the dtype policy (copied from the real file). */
    private static ObjectNode base(String name) {
        ObjectNode c = F.objectNode().put("name", name).put("trainable", true);
        c.set("dtype", template("Dense").path("config").path("dtype").deepCopy());
        return c;
    }

    static ObjectNode layer(String cls, ObjectNode config) {
        ObjectNode l = F.objectNode().put("class_name", cls);
        l.set("config", config);
        return l;
    }

    private static ObjectNode named(ObjectNode layer, String name) {
        layer.with("config").put("name", name);
        return layer;
    }

    private static int out(int n, int k, int s, String padding) {
        return padding.equals("same") ? (n + s - 1) / s : (n - k) / s + 1;
    }

    private INDArray randn(double scale, int... shape) {
        long n = 1;
        for (int d : shape) n *= d;
        float[] v = new float[(int) n];
        for (int i = 0; i < v.length; i++) v[i] = (float) (random.nextGaussian() * scale);
        return Nd4j.create(v, toLong(shape), 'c');
    }

    private INDArray uniform(double lo, double hi, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = (float) (lo + random.nextDouble() * (hi - lo));
        return Nd4j.create(v, new long[]{n}, 'c');
    }

    private static long[] toLong(int[] a) {
        long[] l = new long[a.length];
        for (int i = 0; i < a.length; i++) l[i] = a[i];
        return l;
    }

    private static ObjectNode parse(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
