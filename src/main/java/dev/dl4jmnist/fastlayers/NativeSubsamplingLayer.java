package dev.dl4jmnist.fastlayers;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNSubsamplingHelper;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Collection;

/**
 * A DL4J pooling layer computed by libnd4j's pooling operations (oneDNN's in the AVX2 and AVX-512
 * builds), for the same reason as {@link NativeConvolutionLayer}: DL4J 1.0.0-M2.1 never enables that path
 * itself. Same results as DL4J's own pooling.
 */
public class NativeSubsamplingLayer extends SubsamplingLayer {

    /** For DL4J's JSON configuration reader. */
    public NativeSubsamplingLayer() {
    }

    private NativeSubsamplingLayer(SubsamplingLayer.Builder builder) {
        super(builder);
    }

    /** The layer {@code builder} describes (checked by DL4J's own {@code build()} first), computed natively. */
    public static NativeSubsamplingLayer of(SubsamplingLayer.Builder builder) {
        builder.build();
        return new NativeSubsamplingLayer(builder);
    }

    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> listeners, int index,
                             INDArray paramsView, boolean initializeParams, DataType networkDataType) {
        return NativeLayers.wire(new Computation(conf, networkDataType), conf, listeners, index, paramsView,
                initializer().init(conf, paramsView, initializeParams));
    }

    /** DL4J's pooling layer with the native helper in place. */
    static final class Computation extends org.deeplearning4j.nn.layers.convolution.subsampling.SubsamplingLayer {
        Computation(NeuralNetConfiguration conf, DataType dataType) {
            super(conf, dataType);
            helper = new MKLDNNSubsamplingHelper(dataType);
        }
    }
}
