package dev.dl4jmnist.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dl4jmnist.AppException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The hyperparameters of one training run. {@code dropout} is the Keras drop rate (0.2 drops 20% of
 * activations); the model turns it into DL4J's retain probability. The defaults live in
 * {@code config/training.json} and are the tutorial's.
 */
@JsonIgnoreProperties(value = {"_comment"})
public record TrainingConfig(int epochs, int batchSize, long seed, List<Integer> hidden, double dropout,
                             double learningRate, double beta1, double beta2, double epsilon) {

    /** The packaged copy of {@code config/training.json}. */
    public static final String DEFAULTS_RESOURCE = "/config/training.json";

    public TrainingConfig {
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

    /** The tutorial's hyperparameters, read from the packaged {@code config/training.json}. */
    public static TrainingConfig defaults() {
        try (InputStream in = TrainingConfig.class.getResourceAsStream(DEFAULTS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(DEFAULTS_RESOURCE + " is missing from the application");
            }
            return mapper().readValue(in, TrainingConfig.class);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + DEFAULTS_RESOURCE + ": " + e.getMessage(), e);
        }
    }

    /** Reads a configuration file of the same form as {@code config/training.json}. */
    public static TrainingConfig fromFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new AppException("configuration file " + file + " does not exist");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return mapper().readValue(in, TrainingConfig.class);
        } catch (com.fasterxml.jackson.databind.exc.ValueInstantiationException e) {
            Throwable cause = e.getCause();
            throw new AppException(file + ": " + (cause != null ? cause.getMessage() : e.getOriginalMessage()), e);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new AppException(file + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new AppException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static ObjectMapper mapper() {
        return new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES);
    }

    public TrainingConfig withEpochs(int v) {
        return new TrainingConfig(v, batchSize, seed, hidden, dropout, learningRate, beta1, beta2, epsilon);
    }

    public TrainingConfig withBatchSize(int v) {
        return new TrainingConfig(epochs, v, seed, hidden, dropout, learningRate, beta1, beta2, epsilon);
    }

    public TrainingConfig withSeed(long v) {
        return new TrainingConfig(epochs, batchSize, v, hidden, dropout, learningRate, beta1, beta2, epsilon);
    }

    public TrainingConfig withHidden(List<Integer> v) {
        return new TrainingConfig(epochs, batchSize, seed, v, dropout, learningRate, beta1, beta2, epsilon);
    }

    public TrainingConfig withDropout(double v) {
        return new TrainingConfig(epochs, batchSize, seed, hidden, v, learningRate, beta1, beta2, epsilon);
    }

    public TrainingConfig withLearningRate(double v) {
        return new TrainingConfig(epochs, batchSize, seed, hidden, dropout, v, beta1, beta2, epsilon);
    }
}
