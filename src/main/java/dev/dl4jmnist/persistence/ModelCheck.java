package dev.dl4jmnist.persistence;

import dev.dl4jmnist.AppException;
import dev.dl4jmnist.model.DigitClassifier;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.preprocessor.FeedForwardToCnnPreProcessor;
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

    /**
     * The values per image the network declares it takes, or 0 when it does not declare them: the
     * flat input its first preprocessor reshapes into an image (a convolutional network built with
     * {@code InputType.convolutionalFlat}: height × width × channels), else the first layer's nIn when
     * that layer takes flat vectors. A convolution's nIn counts channels, not inputs, so it is not read.
     */
    static long declaredInputs(Model model) {
        if (!(model instanceof MultiLayerNetwork net) || net.getnLayers() == 0) {
            return 0;
        }
        MultiLayerConfiguration conf = net.getLayerWiseConfigurations();
        if (conf.getInputPreProcess(0) instanceof FeedForwardToCnnPreProcessor flatToImage) {
            return flatToImage.getInputHeight() * flatToImage.getInputWidth() * flatToImage.getNumChannels();
        }
        if (conf.getInputPreProcess(0) == null && conf.getConf(0).getLayer() instanceof FeedForwardLayer first
                && !(first instanceof ConvolutionLayer)) {
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
            if (!DigitClassifier.allFinite(params)) {
                boolean nan = BooleanIndexing.or(params, Conditions.isNan());     // only to name the kind
                String name = layers[i].conf().getLayer().getLayerName();
                throw new AppException("model " + file + " has " + (nan ? "NaN" : "infinite") + " weights in layer '"
                        + (name != null ? name : String.valueOf(i)) + "': it cannot give meaningful probabilities");
            }
        }
    }
}
