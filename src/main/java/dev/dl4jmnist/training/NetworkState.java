package dev.dl4jmnist.training;

import dev.dl4jmnist.AppException;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Arrays;

/**
 * What a network's training continues from: its parameters, its updater's state (Adam's moments) and
 * the iteration and epoch counts (Adam's bias correction and the CNN's learning-rate schedule read them),
 * copied, so that later training does not change them.
 */
public record NetworkState(INDArray params, INDArray updaterState, int iterationCount, int epochCount) {

    /** A copy of {@code net}'s state now. */
    public static NetworkState of(MultiLayerNetwork net) {
        return new NetworkState(net.params().dup('c'), net.getUpdater().getStateViewArray().dup('c'),
                net.getLayerWiseConfigurations().getIterationCount(), net.getLayerWiseConfigurations().getEpochCount());
    }

    /** Puts this state into {@code net} (a network of the same configuration), bit for bit. */
    public void applyTo(MultiLayerNetwork net) {
        INDArray updater = net.getUpdater().getStateViewArray();
        if (!Arrays.equals(params.shape(), net.params().shape()) || !Arrays.equals(updaterState.shape(), updater.shape())) {
            throw new AppException("the saved state has " + params.length() + " parameters and " + updaterState.length()
                    + " updater values; this network has " + net.params().length() + " and " + updater.length());
        }
        net.params().assign(params);
        updater.assign(updaterState);
        net.getLayerWiseConfigurations().setIterationCount(iterationCount);
        net.getLayerWiseConfigurations().setEpochCount(epochCount);
        for (Layer layer : net.getLayers()) {
            layer.setIterationCount(iterationCount);
            layer.setEpochCount(epochCount);
        }
    }
}
