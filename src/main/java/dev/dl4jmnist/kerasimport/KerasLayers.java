package dev.dl4jmnist.kerasimport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.dl4jmnist.UnsupportedModelException;

import java.util.Collections;
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
     * @return each layer's input shape as Keras works it out (without the batch dimension; null for a size
     *         the file leaves open), by layer name
     */
    static Map<String, List<Integer>> requireSupported(String source, ArrayNode layers, boolean functional) {
        Map<String, List<Integer>> outputs = new HashMap<>();   // output shape by layer name
        Map<String, List<Integer>> inputs = new HashMap<>();
        List<Integer> previous = null;
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
            List<Integer> in = functional ? inputShape(layer, outputs) : previous;
            if (in == null) {
                in = KerasConfigTranslator.dims(c.has("batch_shape") ? c.get("batch_shape") : c.get("batch_input_shape"));
            }
            String problem = optionProblem(cls, c, in == null ? null : in.size());
            if (problem != null) {
                throw new UnsupportedModelException(where + " is not supported: " + problem);
            }
            List<Integer> out = outputShape(cls, c, in);
            inputs.put(name, in);
            outputs.put(name, out);
            previous = out;
        }
        return inputs;
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

    /** The layer's output shape by Keras's rules, or null when its input shape is unknown. */
    private static List<Integer> outputShape(String cls, JsonNode c, List<Integer> in) {
        if (cls.equals("InputLayer")) {
            return KerasConfigTranslator.dims(c.has("batch_shape") ? c.get("batch_shape") : c.get("batch_input_shape"));
        }
        if (cls.equals("Dense")) {
            return List.of(c.path("units").asInt());
        }
        if (cls.equals("Reshape")) {
            return reshapeTarget(c.path("target_shape"), in);
        }
        if (in == null) {
            return null;
        }
        return switch (cls) {
            case "Flatten" -> Collections.singletonList(in.contains(null) ? null : in.stream().reduce(1, (x, y) -> x * y));
            case "GlobalAveragePooling2D", "GlobalMaxPooling2D" -> Collections.singletonList(in.get(in.size() - 1));
            case "Conv2D" -> spatial(c, "kernel_size", "strides", in, c.path("filters").asInt());
            case "MaxPooling2D", "AveragePooling2D" -> spatial(c, "pool_size", c.path("strides").isArray() ? "strides" : "pool_size",
                    in, in.get(2));
            default -> in;
        };
    }

    /** Height and width after a window of {@code window} moved by {@code strides}: Keras's "valid" and "same" sizes. */
    private static List<Integer> spatial(JsonNode c, String window, String strides, List<Integer> in, Integer channels) {
        boolean same = c.path("padding").asText("valid").equals("same");
        List<Integer> out = new java.util.ArrayList<>();
        for (int axis = 0; axis < 2; axis++) {
            Integer n = in.get(axis);
            int k = c.path(window).get(axis).asInt(), s = c.path(strides).get(axis).asInt();
            out.add(n == null ? null : same ? (n + s - 1) / s : (n - k) / s + 1);
        }
        out.add(channels);
        return out;
    }

    private static List<Integer> inputShape(JsonNode layer, Map<String, List<Integer>> outputs) {
        for (JsonNode node : layer.path("inbound_nodes")) {
            for (JsonNode name : inboundNames(node)) {
                if (outputs.containsKey(name.asText())) {
                    return outputs.get(name.asText());
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

    /**
     * A Reshape's target shape with a -1 worked out as Keras does (the size left over), or as written when it has
     * none or its input size is unknown.
     */
    static List<Integer> reshapeTarget(JsonNode target, List<Integer> in) {
        List<Integer> out = new java.util.ArrayList<>();
        int known = 1;
        for (JsonNode d : target) {
            out.add(d.asInt());
            known *= d.asInt() == -1 ? 1 : d.asInt();
        }
        int open = out.indexOf(-1);
        if (open >= 0 && in != null && !in.contains(null)) {
            out.set(open, in.stream().reduce(1, (x, y) -> x * y) / known);
        }
        return out;
    }
}
