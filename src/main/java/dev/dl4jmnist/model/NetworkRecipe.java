package dev.dl4jmnist.model;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

/**
 * What a training run needs to know of the network it trains, whichever it is: the tutorial's MLP
 * ({@link TrainingConfig}) or the convolutional network ({@link CnnConfig}).
 */
public sealed interface NetworkRecipe permits TrainingConfig, CnnConfig {
    int epochs();

    int batchSize();

    long seed();

    /** The network's short name, as {@code --network} takes it: {@code mlp} or {@code cnn}. */
    String networkName();

    /** A freshly initialised network. */
    MultiLayerNetwork create();

    /** The training iterator as this network trains on it (the CNN varies the images; the MLP takes them as they are). */
    default DataSetIterator trainingView(DataSetIterator train) {
        return train;
    }

    /** Refuses, in one line, a network this machine cannot train (the MLP's size depends on its settings). */
    default void requireTrainable() {
    }
}
