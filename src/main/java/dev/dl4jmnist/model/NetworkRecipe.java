package dev.dl4jmnist.model;

import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.dl4jmnist.AppException;
import dev.dl4jmnist.io.ConfigFiles;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Path;
import java.util.List;

/**
 * What a training run needs to know of the network it trains, whichever it is: the tutorial's MLP
 * ({@link MlpConfig}) or the convolutional network ({@link CnnConfig}), and copies of it with other
 * settings ({@code with…}), so that a command or a sweep changes a recipe without asking which it is.
 */
public sealed interface NetworkRecipe permits MlpConfig, CnnConfig {
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
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "network", defaultImpl = MlpConfig.class)
    @JsonSubTypes({@JsonSubTypes.Type(value = MlpConfig.class, name = MLP),
            @JsonSubTypes.Type(value = CnnConfig.class, name = CNN)})
    @interface Named {
    }

    /** Every network's name, in the order they are listed to users. */
    List<String> NAMES = List.of(MLP, CNN);

    /**
     * The settings of the network called {@code name} to start from, and where they came from: {@code file}
     * when given, else its file in {@code ./config/} when present, else the packaged one.
     */
    static ConfigFiles.Loaded<? extends NetworkRecipe> load(String name, Path file) {
        if (MLP.equals(name)) {
            return MlpConfig.load(file);
        }
        if (CNN.equals(name)) {
            return CnnConfig.load(file);
        }
        throw new AppException("unknown network " + (name == null ? "null" : "\"" + name + "\"")
                + " (known: " + String.join(", ", NAMES) + ")");
    }

    int epochs();

    int batchSize();

    long seed();

    double learningRate();

    /** The fraction of activations dropped (Keras's meaning). */
    double dropout();

    /** The hidden layers' widths; none for a network without them (the CNN). */
    default List<Integer> hidden() {
        return List.of();
    }

    /** Whether the training images are varied (only the CNN's can be). */
    default boolean augmented() {
        return false;
    }

    /** What the network is apart from batch size and epochs, in words: {@code hidden 512-512}, {@code augmented}. */
    String layout();

    NetworkRecipe withEpochs(int epochs);

    NetworkRecipe withBatchSize(int batchSize);

    NetworkRecipe withSeed(long seed);

    NetworkRecipe withLearningRate(double learningRate);

    NetworkRecipe withDropout(double dropout);

    /** With other hidden widths. @throws AppException for a network without hidden layers (the CNN) */
    default NetworkRecipe withHidden(List<Integer> hidden) {
        throw new AppException("\"hidden\" applies to the mlp only, not the " + networkName());
    }

    /** With the training images varied or not. @throws AppException for a network that takes them as they are (the MLP) */
    default NetworkRecipe withAugmentation(boolean enabled) {
        throw new AppException("\"augment\" applies to the cnn only, not the " + networkName());
    }

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
