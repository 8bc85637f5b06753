package dev.dl4jmnist.fastlayers;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A DL4J {@link MultiLayerNetwork} whose dense layers train through {@link LeanDenseLayer}: the same
 * configuration, parameters, results and saved files as DL4J's own network, with less arithmetic per
 * training step. A saved one loads back as a plain {@code MultiLayerNetwork}.
 */
public final class LeanMultiLayerNetwork extends MultiLayerNetwork {

    public LeanMultiLayerNetwork(MultiLayerConfiguration configuration) {
        super(configuration);
    }

    @Override
    public void init(INDArray parameters, boolean cloneParametersArray) {
        super.init(parameters, cloneParametersArray);
        for (int i = 0; i < layers.length; i++) {                 // a second init finds them lean already
            Layer lean = LeanDenseLayer.replacing(layers[i]);
            layers[i] = lean;
            layerMap.put(lean.conf().getLayer().getLayerName(), lean);
        }
    }
}
