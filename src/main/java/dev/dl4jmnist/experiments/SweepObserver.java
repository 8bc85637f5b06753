package dev.dl4jmnist.experiments;

import dev.dl4jmnist.training.TrainingProgress;

/** Follows a sweep: each configuration starting, skipped (finished earlier) or finished, plus its epochs. */
public interface SweepObserver extends TrainingProgress {
    SweepObserver SILENT = new SweepObserver() {
    };

    /** {@code index} counts from 1 to {@code total}. */
    default void configurationStarted(int index, int total, ExperimentConfig config) {
    }

    default void configurationSkipped(int index, int total, ExperimentResult earlier) {
    }

    default void configurationFinished(int index, int total, ExperimentResult result) {
    }
}
