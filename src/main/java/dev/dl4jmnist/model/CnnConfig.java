package dev.dl4jmnist.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.dl4jmnist.AppException;
import dev.dl4jmnist.data.Augmentation;
import dev.dl4jmnist.io.ConfigFiles;
import dev.dl4jmnist.data.AugmentingPreProcessor;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

import java.nio.file.Path;

/**
 * The convolutional network's training settings ({@link MnistCnn}): epochs, batch size, seed, Adam's
 * learning rate and the factor it is multiplied by after each epoch, the dense layer's drop rate (Keras's meaning) and the training-time augmentation.
 * The defaults live in {@code config/training-cnn.json}.
 */
@JsonIgnoreProperties(value = {"_comment"})
public record CnnConfig(@JsonProperty(required = true) int epochs,
                        @JsonProperty(required = true) int batchSize,
                        @JsonProperty(required = true) long seed,
                        @JsonProperty(required = true) double learningRate,
                        @JsonProperty(required = true) double learningRateDecay,
                        @JsonProperty(required = true) double dropout,
                        @JsonProperty(required = true) Augmentation augmentation) implements NetworkRecipe {

    /** The file users edit; {@code ./config/training-cnn.json} when it exists, else the packaged copy. */
    public static final String FILE_NAME = "training-cnn.json";

    public CnnConfig {
        require(epochs > 0, "epochs must be at least 1, got " + epochs);
        require(batchSize > 0, "batch size must be at least 1, got " + batchSize);
        require(learningRate > 0 && Double.isFinite(learningRate), "learning rate must be positive, got " + learningRate);
        require(learningRateDecay > 0 && learningRateDecay <= 1, "learning rate decay (the factor applied after each epoch) must be in (0, 1], got " + learningRateDecay);
        require(dropout >= 0 && dropout < 1, "dropout (the fraction dropped) must be in [0, 1), got " + dropout);
        require(augmentation != null, "augmentation settings are missing");
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new AppException(message);
        }
    }

    /** The CNN's defaults: {@code ./config/training-cnn.json} when it exists, else the packaged copy. */
    public static CnnConfig defaults() {
        return load(null).value();
    }

    /** The settings to start from, and where they came from: {@code file} when given, else the defaults. */
    public static ConfigFiles.Loaded<CnnConfig> load(Path file) {
        return file != null ? new ConfigFiles.Loaded<>(ConfigFiles.read(file, CnnConfig.class), file.toString())
                : ConfigFiles.readDefault(FILE_NAME, CnnConfig.class);
    }

    @Override
    public String networkName() {
        return CNN;
    }

    @Override
    public MultiLayerNetwork create() {
        return MnistCnn.create(this);
    }

    /** The training images varied as {@link #augmentation} says (seeded from {@link #seed}), when it is enabled. */
    @Override
    public DataSetIterator trainingView(DataSetIterator train) {
        if (augmentation.enabled()) {
            train.setPreProcessor(new AugmentingPreProcessor(augmentation, seed));
        }
        return train;
    }

    @Override
    public CnnConfig withEpochs(int v) {
        return new CnnConfig(v, batchSize, seed, learningRate, learningRateDecay, dropout, augmentation);
    }

    @Override
    public CnnConfig withBatchSize(int v) {
        return new CnnConfig(epochs, v, seed, learningRate, learningRateDecay, dropout, augmentation);
    }

    @Override
    public CnnConfig withSeed(long v) {
        return new CnnConfig(epochs, batchSize, v, learningRate, learningRateDecay, dropout, augmentation);
    }

    @Override
    public CnnConfig withLearningRate(double v) {
        return new CnnConfig(epochs, batchSize, seed, v, learningRateDecay, dropout, augmentation);
    }

    @Override
    public CnnConfig withDropout(double v) {
        return new CnnConfig(epochs, batchSize, seed, learningRate, learningRateDecay, v, augmentation);
    }

    @Override
    public CnnConfig withAugmentation(boolean enabled) {
        return withAugmentation(augmentation.withEnabled(enabled));
    }

    @Override
    public boolean augmented() {
        return augmentation.enabled();
    }

    @Override
    public String layout() {
        return augmentation.enabled() ? "augmented" : "not augmented";
    }

    public CnnConfig withAugmentation(Augmentation v) {
        return new CnnConfig(epochs, batchSize, seed, learningRate, learningRateDecay, dropout, v);
    }
}
