package dev.dl4jmnist.training;

import java.util.List;

/**
 * Everything a run needs to continue after {@code epoch} exactly as if it had not stopped: the network's
 * state, ND4J's random generator (dropout), the training data's order and generators, the history so
 * far and, with early stopping, the best epoch's state.
 */
public record Checkpoint(int epoch, List<EpochStats> history, NetworkState network, RandomState random,
                         byte[] dataOrder, Best best) {

    public Checkpoint {
        history = List.copyOf(history);
    }

    /** The best epoch so far (by validation loss) and the network as it was after it. */
    public record Best(int epoch, double valLoss, NetworkState network) {
    }
}
