package dev.dl4jmnist.kerasimport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.dl4jmnist.UnsupportedModelException;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The one list of Keras layers (and layer options) the import reproduces exactly; any other layer is refused
 * before DL4J sees it, with {@link UnsupportedModelException} naming its class, name and position, so no model
 * imports that would then answer differently from Keras. Also the Keras activations and the DL4J activation
 * class each becomes. Checked on the file's own layer list, positions counted from 1 as listed there.
 */
final class KerasLayers {
    /** The supported layer classes, in the order the refusal message lists them. */
    static final List<String> SUPPORTED = List.of("InputLayer", "Conv2D", "MaxPooling2D", "AveragePooling2D",
            "GlobalAveragePooling2D", "GlobalMaxPooling2D", "BatchNormalization", "Flatten", "Reshape", "Dense",
            "Activation", "Dropout");

    /** Keras activation names and the DL4J activation class each must become. */
    static final Map<String, String> ACTIVATIONS = Map.ofEntries(
            Map.entry("linear", "ActivationIdentity"), Map.entry("relu", "ActivationReLU"),
            Map.entry("softmax", "ActivationSoftmax"), Map.entry("sigmoid", "ActivationSigmoid"),
            Map.entry("tanh", "ActivationTanH"), Map.entry("elu", "ActivationELU"),
            Map.entry("selu", "ActivationSELU"), Map.entry("softplus", "ActivationSoftPlus"),
            Map.entry("softsign", "ActivationSoftSign"));

    /** Layers that take a channels_last feature map (height, width, channels). */
    private static final List<String> IMAGE_LAYERS = List.of("Conv2D", "MaxPooling2D", "AveragePooling2D",
            "GlobalAveragePooling2D", "GlobalMaxPooling2D");

    private KerasLayers() {
    }

    /**
     * Refuses the first layer that is not supported, or whose options or input are not: a class outside
     * {@link #SUPPORTED}, an activation outside {@link #ACTIVATIONS}, channels_first data, grouped or dilated
     * convolutions, BatchNormalization over another axis than the channels, a global pooling that keeps its
     * dimensions, a Dense layer on a feature map (Keras applies it per position; DL4J would flatten first),
     * or an image layer on something other than a feature map.
     *
     * @param layers the file's layer list (before any rewrite); Functional layers are followed through
     *               their inbound layers, Sequential ones in order
     */
    static void requireSupported(String source, ArrayNode layers, boolean functional) {
        Map<String, Integer> rank = new HashMap<>();   // output rank (without the batch dimension) by layer name
        Integer previous = null;
        for (int i = 0; i < layers.size(); i++) {
            JsonNode layer = layers.get(i);
            String cls = layer.path("class_name").asText();
            JsonNode c = layer.path("config");
            String name = c.path("name").asText(layer.path("name").asText("?"));
            String where = source + ": layer " + (i + 1) + " of " + layers.size() + ", '" + name + "' (" + cls + "),";
            if (!SUPPORTED.contains(cls)) {
                throw new UnsupportedModelException(where + " is not supported: the import reproduces only "
                        + String.join(", ", SUPPORTED) + " layers");
            }
            Integer in = functional ? inputRank(layer, rank) : previous;
            if (in == null) {
                in = rankOf(c.has("batch_shape") ? c.get("batch_shape") : c.get("batch_input_shape"));
            }
            String problem = optionProblem(cls, c, in);
            if (problem != null) {
                throw new UnsupportedModelException(where + " is not supported: " + problem);
            }
            Integer out = outputRank(cls, c, in);
            rank.put(name, out);
            previous = out;
        }
    }

    /** Why this layer's options or input cannot be reproduced, or null when they can. */
    private static String optionProblem(String cls, JsonNode c, Integer inRank) {
        if (c.has("activation") && !ACTIVATIONS.containsKey(c.path("activation").asText())) {
            return "activation '" + c.path("activation").asText() + "' (supported: " + String.join(", ", ACTIVATIONS.keySet().stream().sorted().toList()) + ")";
        }
        if (c.has("data_format") && !c.path("data_format").asText().equals("channels_last")) {
            return "data_format " + c.path("data_format").asText() + " (only channels_last)";
        }
        if (IMAGE_LAYERS.contains(cls) && inRank != null && inRank != 3) {
            return "its input has " + inRank + " dimensions; it needs a (height, width, channels) feature map";
        }
        switch (cls) {
            case "Conv2D" -> {
                if (c.path("groups").asInt(1) != 1) {
                    return "groups=" + c.path("groups").asInt() + " (grouped convolution)";
                }
                for (JsonNode d : c.path("dilation_rate")) {
                    if (d.asInt(1) != 1) {
                        return "dilation_rate " + c.path("dilation_rate") + " (dilated convolution)";
                    }
                }
                if (c.path("dilation_rate").isInt() && c.path("dilation_rate").asInt() != 1) {
                    return "dilation_rate " + c.path("dilation_rate") + " (dilated convolution)";
                }
            }
            case "GlobalAveragePooling2D", "GlobalMaxPooling2D" -> {
                if (c.path("keepdims").asBoolean(false)) {
                    return "keepdims=true";
                }
            }
            case "BatchNormalization" -> {
                JsonNode axis = c.path("axis").isArray() && c.path("axis").size() == 1 ? c.path("axis").get(0) : c.path("axis");
                boolean last = axis.isMissingNode() || (axis.isInt() && (axis.asInt() == -1 || (inRank != null && axis.asInt() == inRank)));
                if (!last) {
                    return "axis " + c.path("axis") + " (only the last axis, the channels)";
                }
                if (c.path("renorm").asBoolean(false)) {
                    return "renorm=true";
                }
            }
            case "Dense" -> {
                if (inRank != null && inRank != 1) {
                    return "its input has " + inRank + " dimensions; Keras applies Dense to the last one, which DL4J does not"
                            + " (put a Flatten before it)";
                }
            }
            default -> {
            }
        }
        return null;
    }

    private static Integer outputRank(String cls, JsonNode c, Integer in) {
        return switch (cls) {
            case "InputLayer" -> rankOf(c.has("batch_shape") ? c.get("batch_shape") : c.get("batch_input_shape"));
            case "Flatten", "Dense", "GlobalAveragePooling2D", "GlobalMaxPooling2D" -> 1;
            case "Reshape" -> c.path("target_shape").size();
            case "Conv2D", "MaxPooling2D", "AveragePooling2D" -> 3;
            default -> in;
        };
    }

    private static Integer inputRank(JsonNode layer, Map<String, Integer> rank) {
        for (JsonNode node : layer.path("inbound_nodes")) {
            for (JsonNode name : inboundNames(node)) {
                Integer r = rank.get(name.asText());
                if (r != null) {
                    return r;
                }
            }
        }
        return null;
    }

    /** Keras 2 {@code [[name, 0, 0, {}]]} or Keras 3 {@code {"args": [{keras_history: [name, 0, 0]}]}}: the inbound names. */
    private static List<JsonNode> inboundNames(JsonNode node) {
        List<JsonNode> names = new java.util.ArrayList<>();
        if (node.isArray()) {
            node.forEach(in -> names.add(in.get(0)));
        } else {
            node.path("args").findValues("keras_history").forEach(h -> names.add(h.get(0)));
        }
        return names;
    }

    private static Integer rankOf(JsonNode batchShape) {
        return batchShape != null && batchShape.isArray() && batchShape.size() > 1 ? batchShape.size() - 1 : null;
    }
}
