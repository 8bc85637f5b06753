package dev.dl4jmnist.experiments;

import dev.dl4jmnist.evaluation.EvaluationResult;
import dev.dl4jmnist.training.EpochStats;
import dev.dl4jmnist.model.TrainingConfig;

import java.util.List;

/**
 * What one configuration of a sweep produced. {@code trainSeconds} counts the training steps alone
 * (the per-epoch validation pass is the same for every configuration and is left out);
 * {@code fitSeconds} includes it. The test loss and accuracy come from a final evaluation on the
 * test set, the same set Keras's {@code validation_data} used during training.
 */
public record ExperimentResult(String name, int batchSize, List<Integer> hidden, int epochs, long parameters,
                               double trainSeconds, double secondsPerEpoch, double fitSeconds, double finalTrainLoss,
                               double finalTrainAccuracy, double testLoss, double testAccuracy, int testCorrect,
                               int trainExamples, int testExamples, TrainingConfig config, List<EpochStats> history,
                               String finishedAt) {

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

    /** True when this result was produced by exactly {@code c} on the same numbers of images. */
    public boolean matches(ExperimentConfig c, int trainExamples, int testExamples) {
        return name.equals(c.name()) && config.equals(c.training())
                && this.trainExamples == trainExamples && this.testExamples == testExamples;
    }

    /** Hidden widths as {@code 512-512}. */
    public String hiddenLabel() {
        return ExperimentConfig.hiddenLabel(hidden);
    }
}
