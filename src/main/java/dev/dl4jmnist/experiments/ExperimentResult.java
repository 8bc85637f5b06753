package dev.dl4jmnist.experiments;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.dl4jmnist.evaluation.EvaluationResult;
import dev.dl4jmnist.model.NetworkRecipe;
import dev.dl4jmnist.training.EpochStats;

import java.util.List;

/**
 * What one configuration of a sweep produced. {@code trainSeconds} counts the training steps alone
 * (the per-epoch validation pass is the same for every configuration and is left out; for the CNN it
 * includes varying the images); {@code fitSeconds} includes it. The test loss and accuracy come from a
 * final evaluation on the test set, the same set Keras's {@code validation_data} used during training.
 * The settings say which network they are for ({@code "network": "mlp"} or {@code "cnn"}; results
 * stored before the CNN existed have none and are the MLP's).
 */
@JsonIgnoreProperties(value = {"network", "testErrors"}, allowGetters = true)
public record ExperimentResult(String name, int batchSize, List<Integer> hidden, int epochs, long parameters,
                               double trainSeconds, double secondsPerEpoch, double fitSeconds, double finalTrainLoss,
                               double finalTrainAccuracy, double testLoss, double testAccuracy, int testCorrect,
                               int trainExamples, int testExamples,
                               @NetworkRecipe.Named NetworkRecipe config,
                               List<EpochStats> history, String finishedAt) {

    public ExperimentResult {
        hidden = List.copyOf(hidden);
        history = List.copyOf(history);
    }

    /** Builds the result from a finished training history and the final test evaluation. */
    public static ExperimentResult of(ExperimentConfig c, long parameters, List<EpochStats> history, EvaluationResult test,
                                      int trainExamples, String finishedAt) {
        double train = history.stream().mapToDouble(EpochStats::trainSeconds).sum();
        double fit = history.stream().mapToDouble(EpochStats::seconds).sum();
        EpochStats last = history.get(history.size() - 1);
        return new ExperimentResult(c.name(), c.batchSize(), c.hidden(), c.epochs(), parameters, train,
                train / history.size(), fit, last.loss(), last.accuracy(), test.loss(), test.accuracy(),
                test.correctCount(), trainExamples, test.size(), c.training(), history, finishedAt);
    }

    /** {@code mlp} or {@code cnn}. */
    @JsonProperty("network")
    public String network() {
        return config.networkName();
    }

    /** Test images labelled wrongly, out of {@link #testExamples}. */
    @JsonProperty("testErrors")
    public int testErrors() {
        return testExamples - testCorrect;
    }

    /** True when this result was produced by exactly {@code c} on the same numbers of images. */
    public boolean matches(ExperimentConfig c, int trainExamples, int testExamples) {
        return name.equals(c.name()) && config.equals(c.training())
                && this.trainExamples == trainExamples && this.testExamples == testExamples;
    }

    /** Hidden widths as {@code 512-512}; empty for the CNN. */
    public String hiddenLabel() {
        return ExperimentConfig.hiddenLabel(hidden);
    }
}
