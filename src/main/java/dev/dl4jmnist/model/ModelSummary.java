package dev.dl4jmnist.model;

import dev.dl4jmnist.data.MnistData;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

import java.util.List;
import java.util.Locale;

/** A Keras-style {@code model.summary()} table for a DL4J network: layer, type, output shape, parameters. */
public final class ModelSummary {
    private static final String RULE = "_".repeat(78);
    private static final String DOUBLE_RULE = "=".repeat(78);

    private ModelSummary() {
    }

    public static String of(MultiLayerNetwork net) {
        StringBuilder sb = new StringBuilder();
        sb.append(RULE).append('\n');
        sb.append(row("Layer (type)", "Output Shape", "Param #")).append('\n');
        sb.append(DOUBLE_RULE).append('\n');
        long width = -1;
        long total = 0;
        Layer[] layers = net.getLayers();
        List<InputType> shapes = outputShapes(net);
        for (int i = 0; i < layers.length; i++) {
            org.deeplearning4j.nn.conf.layers.Layer conf = layers[i].conf().getLayer();
            if (conf instanceof FeedForwardLayer ff && ff.getNOut() > 0) {
                width = ff.getNOut();
            }
            long params = layers[i].numParams();
            total += params;
            String name = conf.getLayerName() + " (" + conf.getClass().getSimpleName() + ")";
            // a loss layer passes its input on unchanged (DL4J infers a width of 0 for one the Keras importer adds)
            InputType type = shapes == null ? null : conf instanceof LossLayer && i > 0 ? shapes.get(i - 1) : shapes.get(i);
            String shape = type != null ? shape(type) : "(None, " + width + ")";
            sb.append(row(name, shape, String.format(Locale.ROOT, "%,d", params))).append('\n');
            sb.append(i == layers.length - 1 ? DOUBLE_RULE : RULE).append('\n');
        }
        sb.append(String.format(Locale.ROOT, "Total params: %,d%n", total));
        sb.append(String.format(Locale.ROOT, "Trainable params: %,d%n", total));
        sb.append("Non-trainable params: 0\n");
        sb.append(RULE);
        return sb.toString();
    }

    /** Each layer's output for a flat 784-value input, as DL4J infers it; null when it cannot (then widths are shown). */
    private static List<InputType> outputShapes(MultiLayerNetwork net) {
        try {
            List<InputType> types = net.getLayerWiseConfigurations().getLayerActivationTypes(InputType.feedForward(MnistData.PIXELS));
            return types.size() == net.getLayers().length ? types : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Keras's notation: {@code (None, 512)} for flat outputs, {@code (None, height, width, channels)} for images. */
    private static String shape(InputType type) {
        if (type instanceof InputType.InputTypeConvolutional c) {
            return "(None, " + c.getHeight() + ", " + c.getWidth() + ", " + c.getChannels() + ")";
        }
        return "(None, " + type.arrayElementsPerExample() + ")";
    }

    private static String row(String a, String b, String c) {
        return String.format(Locale.ROOT, "%-40s %-22s %14s", a, b, c);
    }
}
