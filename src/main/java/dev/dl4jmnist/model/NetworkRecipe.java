package dev.dl4jmnist.model;

import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What a training run needs to know of the network it trains, whichever it is: the tutorial's MLP
 * ({@link TrainingConfig}) or the convolutional network ({@link CnnConfig}).
 */
public sealed interface NetworkRecipe permits TrainingConfig, CnnConfig {
    /** The MLP's name, as {@code --network} and the JSON files name it. */
    String MLP = "mlp";
    /** The convolutional network's name. */
    String CNN = "cnn";

    /**
     * On a property that holds a recipe: its JSON carries {@code "network": "mlp"} or {@code "cnn"}, which
     * says which recipe to read back; a recipe without that key is the MLP's (files written before the CNN).
     */
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
    @JacksonAnnotationsInside
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "network", defaultImpl = TrainingConfig.class)
    @JsonSubTypes({@JsonSubTypes.Type(value = TrainingConfig.class, name = MLP),
            @JsonSubTypes.Type(value = CnnConfig.class, name = CNN)})
    @interface Named {
    }

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
