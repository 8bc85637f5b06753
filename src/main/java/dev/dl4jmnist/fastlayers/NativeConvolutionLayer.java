package dev.dl4jmnist.fastlayers;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.LayerValidation;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNConvHelper;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Collection;

/**
 * A DL4J convolution layer whose forward and backward passes run as libnd4j's {@code conv2d} and
 * {@code conv2d_bp} operations (oneDNN's convolutions in the AVX2 and AVX-512 builds) instead of DL4J's
 * Java-side im2col and matrix product. Same parameters, same maths (outputs agree to float rounding),
 * about nine times faster per training step here.
 *
 * <p>DL4J 1.0.0-M2.1 has this path (its {@code MKLDNNConvHelper}) but never takes it: helpers are off
 * by default, and when turned on its availability check looks for a class that is no longer where it
 * expects, so every convolution falls back to the slow path. This layer hands the helper to the layer
 * directly. A saved model names this class in its configuration, so it loads wherever this application does.
 */
public class NativeConvolutionLayer extends ConvolutionLayer {

    /** For DL4J's JSON configuration reader. */
    public NativeConvolutionLayer() {
    }

    private NativeConvolutionLayer(ConvolutionLayer.Builder builder) {
        super(builder);
    }

    /** The layer {@code builder} describes (checked by DL4J's own {@code build()} first), computed natively. */
    public static NativeConvolutionLayer of(ConvolutionLayer.Builder builder) {
        builder.build();
        return new NativeConvolutionLayer(builder);
    }

    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> listeners, int index,
                             INDArray paramsView, boolean initializeParams, DataType networkDataType) {
        LayerValidation.assertNInNOutSet("NativeConvolutionLayer", getLayerName(), index, getNIn(), getNOut());
        return NativeLayers.wire(new Computation(conf, networkDataType), conf, listeners, index, paramsView,
                initializer().init(conf, paramsView, initializeParams));
    }

    /** DL4J's convolution layer with the native helper in place. */
    static final class Computation extends org.deeplearning4j.nn.layers.convolution.ConvolutionLayer {
        Computation(NeuralNetConfiguration conf, DataType dataType) {
            super(conf, dataType);
            helper = new MKLDNNConvHelper(dataType);
        }
    }
}
