package dev.dl4jmnist.kerasimport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * An independent Keras forward pass in plain Java (float64), written from Keras's documented semantics and
 * sharing no code with the importer or DL4J: tensors are channels_last (height, width, channels) arrays in
 * row-major order, so Flatten and Reshape leave the values in place, exactly as Keras's do. It reads the
 * Keras model_config JSON and the file's weights ({@link KerasFile#weights()}) and runs the layers in
 * their listed order (a Sequential model, or a Functional chain). Layers: InputLayer, Conv2D (valid/same,
 * strides, with or without bias), MaxPooling2D, AveragePooling2D (same padding excluded from the mean, as
 * Keras does), GlobalAveragePooling2D, GlobalMaxPooling2D, BatchNormalization (inference: moving mean and
 * variance), Dropout (identity), Flatten, Reshape, Dense, Activation; activations linear, relu, tanh,
 * sigmoid, softmax.
 */
final class NhwcReference {
    private final List<JsonNode> layers = new ArrayList<>();
    private final Map<String, Map<String, INDArray>> weights;

    NhwcReference(String modelConfig, Map<String, Map<String, INDArray>> weights) {
        try {
            new ObjectMapper().readTree(modelConfig).path("config").path("layers").forEach(layers::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.weights = weights;
    }

    /** A tensor without its batch dimension: shape and values in row-major order. */
    record Tensor(int[] shape, double[] v) {
    }

    /** Keras's output for one MNIST image of 784 values (0..1), fed in the model's own input shape. */
    double[] predict(float[] pixels) {
        Tensor x = null;
        for (JsonNode layer : layers) {
            JsonNode c = layer.path("config");
            String cls = layer.path("class_name").asText();
            if (x == null) {   // an InputLayer, or (Keras 2) the first layer's batch_input_shape
                JsonNode shape = c.has("batch_shape") ? c.get("batch_shape") : c.get("batch_input_shape");
                int[] dims = new int[shape.size() - 1];
                for (int i = 0; i < dims.length; i++) dims[i] = shape.get(i + 1).asInt();
                double[] v = new double[pixels.length];
                for (int i = 0; i < v.length; i++) v[i] = pixels[i];
                x = new Tensor(dims, v);
                if (cls.equals("InputLayer")) {
                    continue;
                }
            }
            Map<String, INDArray> w = weights.get(c.path("name").asText());
            x = switch (cls) {
                case "Conv2D" -> activation(conv(x, c, w), c.path("activation").asText("linear"));
                case "MaxPooling2D" -> pool(x, c, true);
                case "AveragePooling2D" -> pool(x, c, false);
                case "GlobalAveragePooling2D" -> globalPool(x, false);
                case "GlobalMaxPooling2D" -> globalPool(x, true);
                case "BatchNormalization" -> batchNorm(x, c, w);
                case "Dropout" -> x;
                case "Flatten" -> new Tensor(new int[]{x.v.length}, x.v);
                case "Reshape" -> reshape(x, c.path("target_shape"));
                case "Dense" -> activation(dense(x, c, w), c.path("activation").asText("linear"));
                case "Activation" -> activation(x, c.path("activation").asText());
                default -> throw new IllegalArgumentException("reference has no " + cls);
            };
        }
        return x.v;
    }

    private static Tensor conv(Tensor x, JsonNode c, Map<String, INDArray> w) {
        int h = x.shape[0], wd = x.shape[1], cin = x.shape[2];
        int kh = c.path("kernel_size").get(0).asInt(), kw = c.path("kernel_size").get(1).asInt();
        int sh = c.path("strides").get(0).asInt(), sw = c.path("strides").get(1).asInt();
        int filters = c.path("filters").asInt();
        boolean same = c.path("padding").asText().equals("same");
        int oh = outSize(h, kh, sh, same), ow = outSize(wd, kw, sw, same);
        int top = same ? padBefore(h, kh, sh, oh) : 0, left = same ? padBefore(wd, kw, sw, ow) : 0;
        INDArray kernel = w.get("kernel");                   // (kh, kw, cin, filters)
        INDArray bias = c.path("use_bias").asBoolean(true) ? w.get("bias") : null;
        double[] k = kernel.castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE).dup('c').data().asDouble();
        double[] out = new double[oh * ow * filters];
        for (int i = 0; i < oh; i++) {
            for (int j = 0; j < ow; j++) {
                for (int f = 0; f < filters; f++) {
                    double s = bias == null ? 0 : bias.getDouble(f);
                    for (int di = 0; di < kh; di++) {
                        int r = i * sh + di - top;
                        if (r < 0 || r >= h) continue;
                        for (int dj = 0; dj < kw; dj++) {
                            int col = j * sw + dj - left;
                            if (col < 0 || col >= wd) continue;
                            for (int ch = 0; ch < cin; ch++) {
                                s += x.v[(r * wd + col) * cin + ch] * k[((di * kw + dj) * cin + ch) * filters + f];
                            }
                        }
                    }
                    out[(i * ow + j) * filters + f] = s;
                }
            }
        }
        return new Tensor(new int[]{oh, ow, filters}, out);
    }

    private static Tensor pool(Tensor x, JsonNode c, boolean max) {
        int h = x.shape[0], wd = x.shape[1], ch = x.shape[2];
        int ph = c.path("pool_size").get(0).asInt(), pw = c.path("pool_size").get(1).asInt();
        JsonNode strides = c.path("strides");
        int sh = strides.isArray() ? strides.get(0).asInt() : ph, sw = strides.isArray() ? strides.get(1).asInt() : pw;
        boolean same = c.path("padding").asText().equals("same");
        int oh = outSize(h, ph, sh, same), ow = outSize(wd, pw, sw, same);
        int top = same ? padBefore(h, ph, sh, oh) : 0, left = same ? padBefore(wd, pw, sw, ow) : 0;
        double[] out = new double[oh * ow * ch];
        for (int i = 0; i < oh; i++) {
            for (int j = 0; j < ow; j++) {
                for (int k = 0; k < ch; k++) {
                    double acc = max ? Double.NEGATIVE_INFINITY : 0;
                    int n = 0;
                    for (int di = 0; di < ph; di++) {
                        int r = i * sh + di - top;
                        if (r < 0 || r >= h) continue;
                        for (int dj = 0; dj < pw; dj++) {
                            int col = j * sw + dj - left;
                            if (col < 0 || col >= wd) continue;
                            double v = x.v[(r * wd + col) * ch + k];
                            acc = max ? Math.max(acc, v) : acc + v;
                            n++;
                        }
                    }
                    out[(i * ow + j) * ch + k] = max ? acc : acc / n;   // padding is not counted in the mean
                }
            }
        }
        return new Tensor(new int[]{oh, ow, ch}, out);
    }

    private static Tensor globalPool(Tensor x, boolean max) {
        int positions = x.shape[0] * x.shape[1], ch = x.shape[2];
        double[] out = new double[ch];
        for (int k = 0; k < ch; k++) {
            double acc = max ? Double.NEGATIVE_INFINITY : 0;
            for (int p = 0; p < positions; p++) {
                double v = x.v[p * ch + k];
                acc = max ? Math.max(acc, v) : acc + v;
            }
            out[k] = max ? acc : acc / positions;
        }
        return new Tensor(new int[]{ch}, out);
    }

    private static Tensor batchNorm(Tensor x, JsonNode c, Map<String, INDArray> w) {
        int ch = x.shape[x.shape.length - 1];
        double eps = c.path("epsilon").asDouble();
        boolean scale = c.path("scale").asBoolean(true), center = c.path("center").asBoolean(true);
        double[] out = new double[x.v.length];
        for (int i = 0; i < out.length; i++) {
            int k = i % ch;
            double norm = (x.v[i] - w.get("moving_mean").getDouble(k)) / Math.sqrt(w.get("moving_variance").getDouble(k) + eps);
            out[i] = norm * (scale ? w.get("gamma").getDouble(k) : 1) + (center ? w.get("beta").getDouble(k) : 0);
        }
        return new Tensor(x.shape, out);
    }

    private static Tensor reshape(Tensor x, JsonNode target) {
        int[] shape = new int[target.size()];
        int known = 1, unknown = -1;
        for (int i = 0; i < shape.length; i++) {
            shape[i] = target.get(i).asInt();
            if (shape[i] == -1) unknown = i; else known *= shape[i];
        }
        if (unknown >= 0) shape[unknown] = x.v.length / known;
        return new Tensor(shape, x.v);
    }

    private static Tensor dense(Tensor x, JsonNode c, Map<String, INDArray> w) {
        if (x.shape.length != 1) throw new IllegalArgumentException("reference Dense takes a vector");
        INDArray kernel = w.get("kernel");
        int units = c.path("units").asInt();
        boolean bias = c.path("use_bias").asBoolean(true);
        double[] out = new double[units];
        for (int j = 0; j < units; j++) {
            double s = bias ? w.get("bias").getDouble(j) : 0;
            for (int i = 0; i < x.v.length; i++) s += x.v[i] * kernel.getDouble(i, j);
            out[j] = s;
        }
        return new Tensor(new int[]{units}, out);
    }

    private static Tensor activation(Tensor x, String name) {
        double[] v = x.v.clone();
        switch (name) {
            case "linear" -> { }
            case "relu" -> { for (int i = 0; i < v.length; i++) v[i] = Math.max(0, v[i]); }
            case "tanh" -> { for (int i = 0; i < v.length; i++) v[i] = Math.tanh(v[i]); }
            case "sigmoid" -> { for (int i = 0; i < v.length; i++) v[i] = 1 / (1 + Math.exp(-v[i])); }
            case "softmax" -> {
                double max = Arrays.stream(v).max().orElse(0), sum = 0;
                for (int i = 0; i < v.length; i++) sum += v[i] = Math.exp(v[i] - max);
                for (int i = 0; i < v.length; i++) v[i] /= sum;
            }
            default -> throw new IllegalArgumentException("reference has no activation " + name);
        }
        return new Tensor(x.shape, v);
    }

    /** Keras: "valid" keeps whole windows, floor((n - k) / s) + 1; "same" gives ceil(n / s). */
    private static int outSize(int n, int k, int s, boolean same) {
        return same ? (n + s - 1) / s : (n - k) / s + 1;
    }

    /** Keras/TensorFlow "same": the total padding is split with the odd one after (bottom/right). */
    private static int padBefore(int n, int k, int s, int out) {
        return Math.max((out - 1) * s + k - n, 0) / 2;
    }
}
