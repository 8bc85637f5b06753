package dev.dl4jmnist.kerasimport;

import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

import java.util.Optional;

/**
 * What DL4J 1.0.0-M2.1's Keras importer builds wrongly and no configuration rewrite can avoid, corrected on the
 * built network: the importer gives every layer a Dropout that keeps every activation (p = 1.0, from a
 * {@code dropout} key Keras layers do not have); on layers that work on channels_last feature maps, DL4J's
 * backpropagation of that Dropout fails (its mask is NHWC, the gradient NCHW), so the imported CNN could not train
 * on. It does nothing else, so it is removed from those layers.
 */
final class Dl4jCorrections {
    private Dl4jCorrections() {
    }

    /** Removes the keep-everything Dropout from feature-map layers; says so when there was one. */
    static Optional<String> removeKeepAllDropout(Model model) {
        org.deeplearning4j.nn.api.Layer[] layers = model instanceof MultiLayerNetwork net ? net.getLayers()
                : ((ComputationGraph) model).getLayers();
        int removed = 0;
        for (org.deeplearning4j.nn.api.Layer layer : layers) {
            Layer conf = layer.conf().getLayer();
            boolean featureMapLayer = conf instanceof ConvolutionLayer || conf instanceof SubsamplingLayer
                    || conf instanceof BatchNormalization || conf instanceof GlobalPoolingLayer;
            if (featureMapLayer && conf.getIDropout() instanceof Dropout d && d.getP() == 1.0 && d.getPSchedule() == null) {
                conf.setIDropout(null);
                removed++;
            }
        }
        return removed == 0 ? Optional.empty() : Optional.of("the keep-everything Dropout (p = 1.0) DL4J's importer attaches to each"
                + " layer removed from " + removed + " convolution, pooling and normalisation layers (DL4J cannot backpropagate"
                + " it on channels_last feature maps; it does nothing else)");
    }
}
