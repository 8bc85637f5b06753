package dev.dl4jmnist.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * An Open Inference Protocol request read and checked: one FP32 input tensor {@code pixels} of shape
 * {@code [N, 784]} (a convolutional model also takes {@code [N, 28, 28, 1]}), its data flat or nested as the
 * shape, each value a finite number in [0, 1]; the outputs asked for; the request's id and parameters to echo.
 *
 * @param id         the request's {@code id}, or null
 * @param parameters the request's {@code parameters} object, or null
 * @param images     N rows of 784 pixels
 * @param outputs    the output names to answer with, in the order asked (all when the request names none)
 */
record InferRequest(String id, ObjectNode parameters, float[][] images, List<String> outputs) {
    static final String INPUT = "pixels";
    static final String PROBABILITIES = "probabilities";
    static final String LABEL = "label";
    static final String NOT_A_DIGIT = "not_a_digit";
    static final List<String> OUTPUTS = List.of(PROBABILITIES, LABEL, NOT_A_DIGIT);
    static final int PIXELS = 784;
    static final int SIDE = 28;
    /** Images per request at most: a batch of 1,024 is about 5 MB of JSON, and each image is computed on its own anyway. */
    static final int MAX_BATCH = 1024;

    /** NaN and Infinity are read (Python's json writes them), so that they are refused with a clear message. */
    private static final JsonMapper JSON = JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    /** Reads a request body; {@code convolutional} allows the image shape {@code [N, 28, 28, 1]}. */
    static InferRequest read(byte[] body, boolean convolutional) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw bad("the body is not valid JSON: " + e.getOriginalMessage() + " (line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ")");
        } catch (IOException e) {
            throw bad("cannot read the body: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw bad("the body must be a JSON object with \"inputs\"");
        }
        String id = null;
        if (root.has("id")) {
            if (!root.get("id").isTextual()) {
                throw bad("\"id\" must be a string");
            }
            id = root.get("id").asText();
        }
        ObjectNode parameters = null;
        if (root.has("parameters")) {
            if (!root.get("parameters").isObject()) {
                throw bad("\"parameters\" must be an object");
            }
            parameters = (ObjectNode) root.get("parameters");
        }
        JsonNode inputs = root.get("inputs");
        if (inputs == null || !inputs.isArray() || inputs.size() != 1) {
            throw bad("\"inputs\" must be an array of one tensor, '" + INPUT + "'");
        }
        return new InferRequest(id, parameters, images(inputs.get(0), convolutional), outputs(root.get("outputs")));
    }

    private static float[][] images(JsonNode input, boolean convolutional) {
        if (!input.isObject()) {
            throw bad("each input must be an object with name, shape, datatype and data");
        }
        String name = input.path("name").asText(null);
        if (!INPUT.equals(name)) {
            throw bad("unknown input " + (name == null ? "(no name)" : "'" + name + "'") + ": the model takes one input, '" + INPUT + "'");
        }
        String datatype = input.path("datatype").asText(null);
        if (!"FP32".equals(datatype)) {
            throw bad("input '" + INPUT + "' must have datatype FP32, not " + (datatype == null ? "none" : datatype));
        }
        long[] shape = shape(input.get("shape"), convolutional);
        int n = (int) shape[0];
        JsonNode data = input.get("data");
        if (data == null || !data.isArray()) {
            throw bad("input '" + INPUT + "' must have \"data\", an array");
        }
        boolean flatData = data.size() > 0 && !data.get(0).isArray();
        // the sizes are checked against the data received before anything is allocated for them
        if (flatData && data.size() != (long) n * PIXELS) {
            throw bad("input '" + INPUT + "' has " + data.size() + " values, but its shape " + input.get("shape")
                    + " needs " + (long) n * PIXELS);
        }
        if (!flatData && (data.size() != n || leaves(data) != (long) n * PIXELS)) {
            throw mismatch(shape, (long) n * PIXELS);
        }
        float[] flat = new float[n * PIXELS];
        int[] next = {0};
        if (flatData) {
            fill(data, flat, next);                                 // flat, in row-major order
        } else {
            nested(data, shape, 0, flat, next);
        }
        float[][] images = new float[n][];
        for (int i = 0; i < n; i++) {
            images[i] = java.util.Arrays.copyOfRange(flat, i * PIXELS, (i + 1) * PIXELS);
        }
        return images;
    }

    private static long[] shape(JsonNode node, boolean convolutional) {
        String allowed = "[N, 784]" + (convolutional ? " or [N, 28, 28, 1]" : "");
        if (node == null || !node.isArray()) {
            throw bad("input '" + INPUT + "' must have a \"shape\": " + allowed);
        }
        long[] shape = new long[node.size()];
        for (int i = 0; i < shape.length; i++) {
            if (!node.get(i).canConvertToLong() || !node.get(i).isIntegralNumber() || node.get(i).asLong() < 1) {
                throw bad("input '" + INPUT + "' has shape " + node + ": each size must be a positive integer");
            }
            shape[i] = node.get(i).asLong();
        }
        boolean flat = shape.length == 2 && shape[1] == PIXELS;
        boolean image = convolutional && shape.length == 4 && shape[1] == SIDE && shape[2] == SIDE && shape[3] == 1;
        if (!flat && !image) {
            throw bad("input '" + INPUT + "' has shape " + node + ", but this model takes " + allowed);
        }
        if (shape[0] > MAX_BATCH) {
            throw bad("input '" + INPUT + "' has shape " + node + ": at most " + MAX_BATCH + " images per request");
        }
        return shape;
    }

    /** How many values that are not arrays the nested arrays hold. */
    private static long leaves(JsonNode node) {
        if (!node.isArray()) {
            return 1;
        }
        long count = 0;
        for (JsonNode child : node) {
            count += leaves(child);
        }
        return count;
    }

    /** Reads nested arrays that follow {@code shape} exactly. */
    private static void nested(JsonNode node, long[] shape, int depth, float[] flat, int[] next) {
        if (!node.isArray() || node.size() != shape[depth]) {
            throw mismatch(shape, flat.length);
        }
        if (depth == shape.length - 1) {
            fill(node, flat, next);
            return;
        }
        for (JsonNode child : node) {
            nested(child, shape, depth + 1, flat, next);
        }
    }

    private static void fill(JsonNode values, float[] flat, int[] next) {
        for (JsonNode value : values) {
            int at = next[0];
            if (!value.isNumber()) {
                throw bad("input '" + INPUT + "' element " + at + " is " + (value.isContainerNode() ? "an array or object" : value.toString())
                        + ", not a number: FP32 data are numbers");
            }
            float pixel = value.isFloatingPointNumber() ? (float) value.doubleValue() : value.floatValue();
            if (!Float.isFinite(pixel)) {
                throw bad("input '" + INPUT + "' element " + at + " is " + value.asText() + ": pixels are finite numbers from 0 to 1");
            }
            if (pixel < 0 || pixel > 1) {
                throw bad("input '" + INPUT + "' element " + at + " is " + value.asText() + ": pixels are from 0 to 1 (MNIST's scale, not 0 to 255)");
            }
            flat[at] = pixel;
            next[0] = at + 1;
        }
    }

    private static List<String> outputs(JsonNode outputs) {
        if (outputs == null) {
            return OUTPUTS;
        }
        if (!outputs.isArray()) {
            throw bad("\"outputs\" must be an array of objects with a \"name\"");
        }
        Set<String> names = new LinkedHashSet<>();
        for (JsonNode output : outputs) {
            String name = output.path("name").asText(null);
            if (!OUTPUTS.contains(name)) {
                throw bad("unknown output " + (name == null ? "(no name)" : "'" + name + "'") + ": the model gives "
                        + String.join(", ", OUTPUTS.subList(0, OUTPUTS.size() - 1)) + " and " + OUTPUTS.get(OUTPUTS.size() - 1));
            }
            names.add(name);
        }
        return names.isEmpty() ? OUTPUTS : new ArrayList<>(names);
    }

    private static ApiException mismatch(long[] shape, long values) {
        return bad("input '" + INPUT + "' data does not match its shape " + java.util.Arrays.toString(shape)
                + ": give " + values + " numbers flat, or arrays nested as the shape");
    }

    private static ApiException bad(String message) {
        return new ApiException(400, message);
    }
}
