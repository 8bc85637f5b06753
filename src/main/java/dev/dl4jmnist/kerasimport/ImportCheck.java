package dev.dl4jmnist.kerasimport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.preprocessor.CnnToFeedForwardPreProcessor;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.dropout.IDropout;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.BaseOutputLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Verifies, layer by layer, that the network DL4J built says what the Keras configuration says: Dense
 * sizes, activations and biases, Activation layers, Dropout rates (DL4J stores the probability to keep),
 * Conv2D filters, kernel, strides, padding, bias and channels_last layout, pooling type, size, strides and
 * padding, BatchNormalization epsilon, every Flatten of a feature map in channels_last order, the loss, and
 * the optimizer with its values.
 *
 * @param verified   each property that matched, in words
 * @param mismatches each property that did not
 * @param optimizer  the optimizer as imported ("Adam(learning_rate=…)"), or null without a training configuration
 */
public record ImportCheck(List<String> verified, List<String> mismatches, String optimizer) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double TOLERANCE = 1e-12;

    /** @param withTraining whether the network was built with the translation's training configuration */
    static ImportCheck verify(Model model, KerasConfigTranslator.Translation translation, boolean withTraining) {
        List<String> ok = new ArrayList<>();
        List<String> bad = new ArrayList<>();
        Map<String, Layer> built = layersByName(model);
        ObjectNode root = parse(translation.modelJson());
        for (JsonNode layer : KerasConfigTranslator.layerList("model", root)) {
            String cls = layer.path("class_name").asText();
            JsonNode config = layer.path("config");
            String name = config.path("name").asText(layer.path("name").asText());
            Layer dl4j = built.get(name);
            if (cls.equals("InputLayer")) {
                continue;
            }
            if (dl4j == null) {
                if (cls.equals("Dense") || cls.equals("Activation") || cls.equals("Dropout")) {
                    bad.add(name + ": no DL4J layer of that name");
                }
                continue;
            }
            switch (cls) {
                case "Dense" -> {
                    check(dl4j instanceof FeedForwardLayer ff && ff.getNOut() == config.path("units").asLong(),
                            name + " Dense units " + config.path("units").asLong(), ok, bad);
                    checkActivation(name, config.path("activation").asText(), dl4j, ok, bad);
                    boolean bias = config.path("use_bias").asBoolean(true);
                    check(dl4j instanceof DenseLayer d ? d.hasBias() == bias : bias,
                            name + " use_bias " + bias, ok, bad);
                }
                case "Activation" -> checkActivation(name, config.path("activation").asText(), dl4j, ok, bad);
                case "Dropout" -> {
                    double rate = config.path("rate").asDouble();
                    IDropout d = dl4j instanceof DropoutLayer dl ? dl.getIDropout() : null;
                    boolean matches = rate == 0 ? d == null || (d instanceof Dropout p && p.getP() == 1.0)
                            : d instanceof Dropout p && Math.abs(p.getP() - (1 - rate)) < TOLERANCE;
                    check(matches, name + " Dropout rate " + rate + " (DL4J keeps " + fmt(1 - rate) + ")", ok, bad);
                }
                case "Conv2D" -> checkConv(name, config, dl4j, ok, bad);
                case "MaxPooling2D", "AveragePooling2D" -> checkPooling(name, cls, config, dl4j, ok, bad);
                case "GlobalAveragePooling2D", "GlobalMaxPooling2D" -> check(dl4j instanceof GlobalPoolingLayer g
                                && g.getPoolingType() == (cls.startsWith("GlobalMax") ? PoolingType.MAX : PoolingType.AVG),
                        name + " " + cls, ok, bad);
                case "BatchNormalization" -> check(dl4j instanceof BatchNormalization b
                                && Math.abs(b.getEps() - config.path("epsilon").asDouble()) <= TOLERANCE,
                        name + " BatchNormalization epsilon " + config.path("epsilon").asDouble(), ok, bad);
                default -> {
                    // other layer types are built by DL4J's importer as they are; not checked here
                }
            }
        }
        checkFlattenOrder(model, ok, bad);
        String optimizer = null;
        if (withTraining && translation.trainingJson() != null) {
            ObjectNode training = parse(translation.trainingJson());
            optimizer = checkOptimizer(training.path("optimizer_config"), updaterOf(model), ok, bad);
            if ("categorical_crossentropy".equals(training.path("loss").asText())) {
                Layer last = lastLayer(model);
                boolean mcxent = (last instanceof LossLayer l && l.getLossFn() instanceof LossMCXENT)
                        || (last instanceof BaseOutputLayer o && o.getLossFn() instanceof LossMCXENT);
                check(mcxent, "loss categorical_crossentropy (DL4J MCXENT)", ok, bad);
            }
        }
        return new ImportCheck(List.copyOf(ok), List.copyOf(bad), optimizer);
    }

    private static void checkConv(String name, JsonNode config, Layer dl4j, List<String> ok, List<String> bad) {
        if (!(dl4j instanceof ConvolutionLayer conv)) {
            bad.add(name + ": DL4J built " + dl4j.getClass().getSimpleName() + ", not a convolution");
            return;
        }
        check(conv.getNOut() == config.path("filters").asLong(), name + " Conv2D filters " + config.path("filters").asLong(), ok, bad);
        check(Arrays.equals(conv.getKernelSize(), ints(config.path("kernel_size"))), name + " kernel_size " + config.path("kernel_size"), ok, bad);
        check(Arrays.equals(conv.getStride(), ints(config.path("strides"))), name + " strides " + config.path("strides"), ok, bad);
        checkPadding(name, config, conv.getConvolutionMode(), conv.getPadding(), ok, bad);
        check(conv.hasBias() == config.path("use_bias").asBoolean(true), name + " use_bias " + config.path("use_bias").asBoolean(true), ok, bad);
        check(conv.getCnn2dDataFormat() == CNN2DFormat.NHWC, name + " channels_last (DL4J NHWC)", ok, bad);
        checkActivation(name, config.path("activation").asText(), dl4j, ok, bad);
    }

    private static void checkPooling(String name, String cls, JsonNode config, Layer dl4j, List<String> ok, List<String> bad) {
        if (!(dl4j instanceof SubsamplingLayer pool)) {
            bad.add(name + ": DL4J built " + dl4j.getClass().getSimpleName() + ", not a pooling layer");
            return;
        }
        boolean max = cls.startsWith("Max");
        check(pool.getPoolingType() == (max ? PoolingType.MAX : PoolingType.AVG), name + " " + cls, ok, bad);
        int[] size = ints(config.path("pool_size"));
        check(Arrays.equals(pool.getKernelSize(), size), name + " pool_size " + config.path("pool_size"), ok, bad);
        int[] strides = config.path("strides").isArray() ? ints(config.path("strides")) : size;   // Keras: strides default to pool_size
        check(Arrays.equals(pool.getStride(), strides), name + " strides " + Arrays.toString(strides), ok, bad);
        checkPadding(name, config, pool.getConvolutionMode(), pool.getPadding(), ok, bad);
        check(pool.getCnn2dDataFormat() == CNN2DFormat.NHWC, name + " channels_last (DL4J NHWC)", ok, bad);
    }

    /** Keras "same" is DL4J's Same mode (the odd padding row/column after); "valid" is no padding. */
    private static void checkPadding(String name, JsonNode config, ConvolutionMode mode, int[] padding, List<String> ok, List<String> bad) {
        boolean same = config.path("padding").asText().equals("same");
        check(same ? mode == ConvolutionMode.Same : mode != ConvolutionMode.Same && Arrays.stream(padding).allMatch(p -> p == 0),
                name + " padding " + config.path("padding").asText() + " (DL4J " + mode + ")", ok, bad);
    }

    /** Every flatten of a feature map must read it channels_last, Keras's order: (row × width + column) × channels + channel. */
    private static void checkFlattenOrder(Model model, List<String> ok, List<String> bad) {
        List<InputPreProcessor> preprocessors = new ArrayList<>();
        if (model instanceof MultiLayerNetwork net) {
            preprocessors.addAll(net.getLayerWiseConfigurations().getInputPreProcessors().values());
        } else {
            ((ComputationGraph) model).getConfiguration().getVertices().values().forEach(v -> {
                if (v instanceof LayerVertex lv && lv.getPreProcessor() != null) preprocessors.add(lv.getPreProcessor());
            });
        }
        for (InputPreProcessor p : preprocessors) {
            if (p instanceof CnnToFeedForwardPreProcessor flatten) {
                check(flatten.getFormat() == CNN2DFormat.NHWC, "Flatten of the " + flatten.getInputHeight() + "×" + flatten.getInputWidth()
                        + "×" + flatten.getNumChannels() + " feature map in channels_last order (DL4J " + flatten.getFormat() + ")", ok, bad);
            }
        }
    }

    private static int[] ints(JsonNode array) {
        int[] out = new int[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asInt();
        }
        return out;
    }

    private static void checkActivation(String name, String keras, Layer dl4j, List<String> ok, List<String> bad) {
        String expected = KerasLayers.ACTIVATIONS.get(keras);
        if (expected == null) {
            return;
        }
        IActivation actual = dl4j instanceof BaseLayer b ? b.getActivationFn()
                : dl4j instanceof ActivationLayer a ? a.getActivationFn() : null;
        check(actual != null && actual.getClass().getSimpleName().equals(expected),
                name + " activation " + keras + (actual == null ? "" : " (DL4J " + actual + ")"), ok, bad);
    }

    private static String checkOptimizer(JsonNode optimizerConfig, IUpdater u, List<String> ok, List<String> bad) {
        String name = optimizerConfig.path("class_name").asText();
        JsonNode c = optimizerConfig.path("config");
        double lr = c.has("learning_rate") ? c.path("learning_rate").asDouble() : c.path("lr").asDouble();
        KerasOptimizer known = KerasOptimizer.byImporterName(name).orElse(null);
        boolean typeOk = known != null && known.updater.isInstance(u);
        if (known != null) {
            name = known.kerasName;
        }
        Map<String, double[]> values = typeOk ? known.compare(c, lr, u) : Map.of();   // name → {keras, dl4j}
        check(typeOk, "optimizer " + name + " (DL4J " + (u == null ? "none" : u.getClass().getSimpleName()) + ")", ok, bad);
        StringBuilder described = new StringBuilder(name).append('(');
        int i = 0;
        for (Map.Entry<String, double[]> e : values.entrySet()) {
            double keras = e.getValue()[0];
            double dl4j = e.getValue()[1];
            check(Math.abs(keras - dl4j) <= TOLERANCE * Math.max(1, Math.abs(keras)),
                    "optimizer " + e.getKey() + " " + fmt(keras) + (keras == dl4j ? "" : " (DL4J " + fmt(dl4j) + ")"), ok, bad);
            described.append(i++ > 0 ? ", " : "").append(e.getKey()).append('=').append(fmt(keras));
        }
        return described.append(')').toString();
    }

    private static void check(boolean condition, String what, List<String> ok, List<String> bad) {
        (condition ? ok : bad).add(what);
    }

    private static Map<String, Layer> layersByName(Model model) {
        Map<String, Layer> out = new LinkedHashMap<>();
        for (org.deeplearning4j.nn.api.Layer l : layers(model)) {
            out.put(l.conf().getLayer().getLayerName(), l.conf().getLayer());
        }
        return out;
    }

    private static org.deeplearning4j.nn.api.Layer[] layers(Model model) {
        return model instanceof MultiLayerNetwork net ? net.getLayers() : ((ComputationGraph) model).getLayers();
    }

    private static Layer lastLayer(Model model) {
        if (model instanceof MultiLayerNetwork net) {
            return net.getLayer(net.getnLayers() - 1).conf().getLayer();
        }
        ComputationGraph g = (ComputationGraph) model;
        return g.getOutputLayer(0).conf().getLayer();
    }

    private static IUpdater updaterOf(Model model) {
        for (org.deeplearning4j.nn.api.Layer l : layers(model)) {
            if (l.numParams() > 0 && l.conf().getLayer() instanceof BaseLayer b) {
                return b.getIUpdater();
            }
        }
        return null;
    }

    /** Shortest text for a value: Keras 2 stores float32 values, so 0.0010000000474974513 prints as 0.001. */
    static String fmt(double v) {
        return (double) (float) v == v ? Float.toString((float) v) : Double.toString(v);
    }

    private static ObjectNode parse(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("translated configuration is not JSON", e);
        }
    }
}
