package dev.dl4jmnist.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.dl4jmnist.AppException;
import dev.dl4jmnist.io.ConfigFiles;

import java.nio.file.Path;
import java.util.List;

/**
 * The tutorial's MLP and how it trains ({@link MnistMlp}), beside the CNN's {@link CnnConfig}. {@code dropout} is the Keras drop rate (0.2 drops 20% of
 * activations); the model turns it into DL4J's retain probability. The defaults live in
 * {@code config/training.json} and are the tutorial's.
 */
@JsonIgnoreProperties(value = {"_comment"})
public record MlpConfig(@JsonProperty(required = true) int epochs,
                             @JsonProperty(required = true) int batchSize,
                             @JsonProperty(required = true) long seed,
                             @JsonProperty(required = true) List<Integer> hidden,
                             @JsonProperty(required = true) double dropout,
                             @JsonProperty(required = true) double learningRate,
                             @JsonProperty(required = true) double beta1,
                             @JsonProperty(required = true) double beta2,
                             @JsonProperty(required = true) double epsilon) implements NetworkRecipe {

    public MlpConfig {
        hidden = hidden == null ? List.of() : List.copyOf(hidden);
        validate(epochs, batchSize, hidden, dropout, learningRate, beta1, beta2, epsilon);
    }

    private static void validate(int epochs, int batchSize, List<Integer> hidden, double dropout,
                                 double learningRate, double beta1, double beta2, double epsilon) {
        require(epochs > 0, "epochs must be at least 1, got " + epochs);
        require(batchSize > 0, "batch size must be at least 1, got " + batchSize);
        require(!hidden.isEmpty(), "hidden layers must not be empty");
        for (Integer h : hidden) {
            require(h != null && h > 0, "hidden layer sizes must be positive, got " + hidden);
        }
        require(dropout >= 0 && dropout < 1, "dropout (the fraction dropped) must be in [0, 1), got " + dropout);
        require(learningRate > 0 && Double.isFinite(learningRate), "learning rate must be positive, got " + learningRate);
        require(beta1 >= 0 && beta1 < 1, "beta1 must be in [0, 1), got " + beta1);
        require(beta2 >= 0 && beta2 < 1, "beta2 must be in [0, 1), got " + beta2);
        require(epsilon > 0, "epsilon must be positive, got " + epsilon);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new AppException(message);
        }
    }

    /** The file users edit; {@code ./config/training.json} when it exists, else the packaged copy. */
    public static final String FILE_NAME = "training.json";

    /** The tutorial's hyperparameters: {@code ./config/training.json} when it exists, else the packaged copy. */
    public static MlpConfig defaults() {
        return load(null).value();
    }

    /**
     * The hyperparameters to start from, and where they came from: {@code file} when given, else
     * {@code ./config/training.json} when it exists, else the packaged defaults.
     */
    public static ConfigFiles.Loaded<MlpConfig> load(Path file) {
        return file != null ? new ConfigFiles.Loaded<>(fromFile(file), file.toString())
                : ConfigFiles.readDefault(FILE_NAME, MlpConfig.class);
    }

    /** Reads a configuration file of the same form as {@code config/training.json}. */
    public static MlpConfig fromFile(Path file) {
        return ConfigFiles.read(file, MlpConfig.class);
    }

    @Override
    public String networkName() {
        return MLP;
    }

    @Override
    public org.deeplearning4j.nn.multilayer.MultiLayerNetwork create() {
        return MnistMlp.create(this);
    }

    @Override
    public String layout() {
        return "hidden " + hidden.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining("-"));
    }

    @Override
    public void requireTrainable() {
        NetworkSize.requireTrainable(this);
    }

    @Override
    public MlpConfig withEpochs(int v) {
        return new MlpConfig(v, batchSize, seed, hidden, dropout, learningRate, beta1, beta2, epsilon);
    }

    @Override
    public MlpConfig withBatchSize(int v) {
        return new MlpConfig(epochs, v, seed, hidden, dropout, learningRate, beta1, beta2, epsilon);
    }

    @Override
    public MlpConfig withSeed(long v) {
        return new MlpConfig(epochs, batchSize, v, hidden, dropout, learningRate, beta1, beta2, epsilon);
    }

    @Override
    public MlpConfig withHidden(List<Integer> v) {
        return new MlpConfig(epochs, batchSize, seed, v, dropout, learningRate, beta1, beta2, epsilon);
    }

    @Override
    public MlpConfig withDropout(double v) {
        return new MlpConfig(epochs, batchSize, seed, hidden, v, learningRate, beta1, beta2, epsilon);
    }

    @Override
    public MlpConfig withLearningRate(double v) {
        return new MlpConfig(epochs, batchSize, seed, hidden, dropout, v, beta1, beta2, epsilon);
    }
}
