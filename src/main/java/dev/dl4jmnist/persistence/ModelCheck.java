package dev.dl4jmnist.persistence;

import dev.dl4jmnist.AppException;
import dev.dl4jmnist.model.DigitClassifier;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.BooleanIndexing;
import org.nd4j.linalg.indexing.conditions.Conditions;

import java.nio.file.Path;
import java.util.Arrays;

/** What every loaded model must be: finite parameters, and 784 pixels in, 10 digit probabilities out. */
final class ModelCheck {
    private ModelCheck() {
    }

    /** Fails with one line naming {@code file} unless the model is a usable MNIST digit classifier. */
    static void requireDigitClassifier(Model model, Path file) {
        requireFiniteParameters(model, file);
        long inputs = declaredInputs(model);
        if (inputs > 0 && inputs != DigitClassifier.INPUTS) {
            throw new AppException("model " + file + " takes " + inputs + " inputs per image, not "
                    + DigitClassifier.INPUTS + " (a flattened 28×28 image)");
        }
        INDArray out;
        try {
            out = DigitClassifier.of(model).probabilities(Nd4j.zeros(1, DigitClassifier.INPUTS));
        } catch (RuntimeException e) {
            String why = e.getMessage() != null ? e.getMessage().lines().findFirst().orElse("") : e.getClass().getSimpleName();
            throw new AppException("model " + file + " does not take a flattened 28×28 image ("
                    + DigitClassifier.INPUTS + " inputs): " + why, e);
        }
        if (out.rank() != 2 || out.size(1) != DigitClassifier.CLASSES) {
            throw new AppException("model " + file + " does not output " + DigitClassifier.CLASSES
                    + " digit probabilities (output shape " + Arrays.toString(out.shape()) + ")");
        }
    }

    /** The first layer's declared input count, or 0 when it does not declare one. */
    private static long declaredInputs(Model model) {
        if (model instanceof MultiLayerNetwork net && net.getnLayers() > 0
                && net.getLayerWiseConfigurations().getConf(0).getLayer() instanceof FeedForwardLayer first) {
            return first.getNIn();
        }
        return 0;
    }

    private static void requireFiniteParameters(Model model, Path file) {
        Layer[] layers = model instanceof MultiLayerNetwork net ? net.getLayers()
                : model instanceof ComputationGraph graph ? graph.getLayers() : new Layer[0];
        for (int i = 0; i < layers.length; i++) {
            INDArray params = layers[i].params();
            if (params == null || params.isEmpty()) {
                continue;
            }
            boolean nan = BooleanIndexing.or(params, Conditions.isNan());
            boolean infinite = BooleanIndexing.or(params, Conditions.isInfinite());
            if (nan || infinite) {
                String name = layers[i].conf().getLayer().getLayerName();
                throw new AppException("model " + file + " has " + (nan ? "NaN" : "infinite") + " weights in layer '"
                        + (name != null ? name : String.valueOf(i)) + "': it cannot give meaningful probabilities");
            }
        }
    }
}
