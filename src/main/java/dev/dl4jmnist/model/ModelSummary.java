package dev.dl4jmnist.model;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

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
        for (int i = 0; i < layers.length; i++) {
            org.deeplearning4j.nn.conf.layers.Layer conf = layers[i].conf().getLayer();
            if (conf instanceof FeedForwardLayer ff && ff.getNOut() > 0) {
                width = ff.getNOut();
            }
            long params = layers[i].numParams();
            total += params;
            String name = conf.getLayerName() + " (" + conf.getClass().getSimpleName() + ")";
            sb.append(row(name, "(None, " + width + ")", String.format(Locale.ROOT, "%,d", params))).append('\n');
            sb.append(i == layers.length - 1 ? DOUBLE_RULE : RULE).append('\n');
        }
        sb.append(String.format(Locale.ROOT, "Total params: %,d%n", total));
        sb.append(String.format(Locale.ROOT, "Trainable params: %,d%n", total));
        sb.append("Non-trainable params: 0\n");
        sb.append(RULE);
        return sb.toString();
    }

    private static String row(String a, String b, String c) {
        return String.format(Locale.ROOT, "%-40s %-22s %14s", a, b, c);
    }
}
