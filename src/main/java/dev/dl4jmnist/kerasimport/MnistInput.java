package dev.dl4jmnist.kerasimport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dl4jmnist.AppException;
import dev.dl4jmnist.data.MnistData;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What an imported model's input must be for this application, kept apart from the generic translation
 * in {@link KerasConfigTranslator}: one input of MNIST's 784 pixel values, where a 28×28 (or 28×28×1)
 * input followed directly by Flatten counts as the same (Flatten is row-major) and is rewritten so, and a
 * 28×28×1 image input (or a 28×28 one followed by Reshape) takes the 784 values and reshapes them.
 */
final class MnistInput {
    private MnistInput() {
    }

    /** Input of 28×28 (or 28×28×1) followed directly by Flatten → a 784-value input, Flatten dropped. */
    static void collapseFlattenInput(String source, ArrayNode layers, boolean functional, Set<String> changes) {
        for (int i = 0; i < layers.size(); i++) {
            ObjectNode layer = (ObjectNode) layers.get(i);
            if (!layer.path("class_name").asText().equals("Flatten")) {
                continue;
            }
            String flattenName = layer.path("config").path("name").asText(layer.path("name").asText());
            if (!functional) {
                if (i == 0 && hasImageShape(layer.path("config").path("batch_input_shape"))) {
                    // Keras 2: Flatten(input_shape=(28, 28)) is the first layer; the next layer takes the input shape
                    if (layers.size() < 2) {
                        return;
                    }
                    ((ObjectNode) layers.get(1).path("config")).set("batch_input_shape", flatShape());
                    layers.remove(0);
                    changes.add("Flatten(input_shape=(28, 28)) replaced by a 784-value input (same row-major order)");
                    return;
                }
                if (i == 1 && layers.get(0).path("class_name").asText().equals("InputLayer")
                        && hasImageShape(layers.get(0).path("config").path("batch_input_shape"))) {
                    ((ObjectNode) layers.get(0).path("config")).set("batch_input_shape", flatShape());
                    layers.remove(1);
                    changes.add("Input(shape=(28, 28)) + Flatten() replaced by a 784-value input (same row-major order)");
                    return;
                }
                continue;
            }
            List<String> inbound = KerasConfigTranslator.inboundNames(layer);
            if (inbound.size() != 1) {
                continue;
            }
            ObjectNode input = KerasConfigTranslator.findLayer(layers, inbound.get(0));
            if (input == null || !input.path("class_name").asText().equals("InputLayer")
                    || !hasImageShape(input.path("config").path("batch_input_shape"))) {
                continue;
            }
            ((ObjectNode) input.path("config")).set("batch_input_shape", flatShape());
            layers.remove(i);
            for (JsonNode other : layers) {
                KerasConfigTranslator.renameInbound((ObjectNode) other, flattenName, inbound.get(0));
            }
            changes.add("Input(shape=(28, 28)) + Flatten() replaced by a 784-value input (same row-major order)");
            return;
        }
    }

    /**
     * An image input (28×28×1, or 28×28 read by a Reshape) that is not flattened straight away: the application
     * feeds 784 pixel values, so the input becomes 784 values and, unless a Reshape already follows it, a
     * {@code Reshape((28, 28, 1))} is put after it. Both read the pixels in the same row-major order, so
     * every later layer sees the image the model was trained on.
     */
    static void reshapeImageInput(ArrayNode layers, boolean functional, Set<String> changes) {
        if (layers.isEmpty()) {
            return;
        }
        ObjectNode first = (ObjectNode) layers.get(0);
        boolean inputLayer = first.path("class_name").asText().equals("InputLayer");
        ObjectNode input = functional ? onlyInput(layers) : first;
        if (input == null) {
            return;
        }
        ObjectNode inputConfig = (ObjectNode) input.path("config");
        List<Integer> dims = KerasConfigTranslator.dims(inputConfig.path("batch_input_shape"));
        if (dims == null || !(dims.equals(List.of(28, 28, 1)) || dims.equals(List.of(28, 28)))) {
            return;
        }
        String inputName = inputConfig.path("name").asText(input.path("name").asText());
        List<ObjectNode> consumers = new ArrayList<>();
        if (functional) {
            layers.forEach(l -> {
                if (KerasConfigTranslator.inboundNames((ObjectNode) l).contains(inputName)) consumers.add((ObjectNode) l);
            });
        } else if (inputLayer && layers.size() > 1) {
            consumers.add((ObjectNode) layers.get(1));
        } else if (!inputLayer) {
            consumers.add(first);   // Keras 2: the first layer holds the input shape itself
        }
        if (consumers.isEmpty()) {
            return;
        }
        String shape = KerasConfigTranslator.describe(dims);
        if (consumers.stream().allMatch(l -> l.path("class_name").asText().equals("Reshape"))) {
            inputConfig.set("batch_input_shape", flatShape());
            changes.add("Input(shape=" + shape + ") given as 784 pixel values; the Reshape after it reads them in the same row-major order");
            return;
        }
        if (!dims.equals(List.of(28, 28, 1))) {
            return;   // a 28×28 input used otherwise is refused by requireMnistInput
        }
        String reshapeName = uniqueName(layers, "mnist_pixels_to_image");
        ObjectNode reshape = JsonNodeFactory.instance.objectNode().put("class_name", "Reshape");
        ObjectNode config = reshape.putObject("config").put("name", reshapeName).put("trainable", false)
                .put("data_format", "channels_last");
        config.putArray("target_shape").add(28).add(28).add(1);
        if (functional) {
            reshape.put("name", reshapeName);
            reshape.putArray("inbound_nodes").addArray().addArray().add(inputName).add(0).add(0).addObject();
            inputConfig.set("batch_input_shape", flatShape());
            layers.insert(indexOf(layers, input) + 1, reshape);
            for (ObjectNode consumer : consumers) {
                KerasConfigTranslator.renameInbound(consumer, inputName, reshapeName);
            }
        } else if (inputLayer) {
            inputConfig.set("batch_input_shape", flatShape());
            layers.insert(1, reshape);
        } else {
            inputConfig.remove("batch_input_shape");
            config.set("batch_input_shape", flatShape());
            layers.insert(0, reshape);
        }
        changes.add("Input(shape=(28, 28, 1)) given as 784 pixel values followed by Reshape((28, 28, 1)) named '" + reshapeName
                + "' (the application feeds flat pixels; same row-major order, so the first layer sees the same image)");
    }

    private static int indexOf(ArrayNode layers, JsonNode layer) {
        for (int i = 0; i < layers.size(); i++) {
            if (layers.get(i) == layer) {
                return i;
            }
        }
        throw new IllegalArgumentException("layer not in the list");
    }

    private static ObjectNode onlyInput(ArrayNode layers) {
        ObjectNode found = null;
        for (JsonNode l : layers) {
            if (l.path("class_name").asText().equals("InputLayer")) {
                if (found != null) {
                    return null;
                }
                found = (ObjectNode) l;
            }
        }
        return found;
    }

    private static String uniqueName(ArrayNode layers, String name) {
        String candidate = name;
        for (int i = 1; KerasConfigTranslator.findLayer(layers, candidate) != null; i++) {
            candidate = name + "_" + i;
        }
        return candidate;
    }

    private static boolean hasImageShape(JsonNode batchShape) {
        List<Integer> dims = KerasConfigTranslator.dims(batchShape);
        return dims != null && (dims.equals(List.of(28, 28)) || dims.equals(List.of(28, 28, 1)) || dims.equals(List.of(1, 28, 28)));
    }

    private static ArrayNode flatShape() {
        return JsonNodeFactory.instance.arrayNode().addNull().add(MnistData.PIXELS);
    }

    /** The model must take one input of 784 values (MNIST's 28×28 pixels, flattened). */
    static void requireMnistInput(String source, ArrayNode layers, boolean functional) {
        JsonNode shape;
        if (functional) {
            List<JsonNode> inputs = new ArrayList<>();
            layers.forEach(l -> {
                if (l.path("class_name").asText().equals("InputLayer")) inputs.add(l);
            });
            if (inputs.size() != 1) {
                throw new AppException(source + ": the model has " + inputs.size() + " inputs; an MNIST model takes one image");
            }
            shape = inputs.get(0).path("config").path("batch_input_shape");
        } else {
            if (layers.isEmpty()) {
                throw new AppException(source + ": the model has no layers");
            }
            shape = layers.get(0).path("config").path("batch_input_shape");
        }
        List<Integer> dims = KerasConfigTranslator.dims(shape);
        if (dims == null) {
            throw new AppException(source + ": the model does not record its input shape, so it cannot be checked against MNIST");
        }
        if (!dims.equals(List.of(MnistData.PIXELS))) {
            throw new AppException(source + ": the model's input shape " + KerasConfigTranslator.describe(dims) + " does not fit MNIST"
                    + " (784 pixel values, 28×28×1, or 28×28 followed by Flatten or Reshape)");
        }
    }
}
