package dev.dl4jmnist.training;

/** Receives training progress (a console progress bar, a log, or nothing). */
public interface TrainingProgress {
    /** No output at all. */
    TrainingProgress SILENT = new TrainingProgress() {
    };

    default void epochStarted(int epoch, int epochs, int steps) {
    }

    /** After each step: the running mean loss and accuracy of the epoch so far. */
    default void stepFinished(int step, double runningLoss, double runningAccuracy) {
    }

    default void epochFinished(EpochStats stats, int epochs) {
    }
}
