package dev.dl4jmnist.kerasimport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.deeplearning4j.nn.api.Model;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Verifies, layer by layer, that the network DL4J built says what the Keras configuration says: Dense
 * sizes, activations and biases, Activation layers, Dropout rates (DL4J stores the probability to keep),
 * the loss, and the optimizer with its values.
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
                default -> {
                    // other layer types are built by DL4J's importer as they are; not checked here
                }
            }
        }
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
