package dev.dl4jmnist.fastlayers;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Collection;
import java.util.Map;

/** What DL4J's own layer configurations do to a freshly made layer, shared by the native and the lean layers. */
final class NativeLayers {
    private NativeLayers() {
    }

    /** {@code layer} given its listeners, position, parameter view and parameters, and its configuration. */
    static Layer wire(Layer layer, NeuralNetConfiguration conf, Collection<TrainingListener> listeners, int index,
                      INDArray paramsView, Map<String, INDArray> params) {
        layer.setListeners(listeners);
        layer.setIndex(index);
        layer.setParamsViewArray(paramsView);
        layer.setParamTable(params);
        layer.setConf(conf);
        return layer;
    }
}
