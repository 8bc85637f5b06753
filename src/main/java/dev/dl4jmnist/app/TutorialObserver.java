package dev.dl4jmnist.app;

import dev.dl4jmnist.data.DataShapes;
import dev.dl4jmnist.data.MnistLocation;
import dev.dl4jmnist.training.CalibrationFit;
import dev.dl4jmnist.training.TrainingEvent;
import dev.dl4jmnist.training.TrainingProgress;

/** Follows a tutorial run in the order of the story: checkpoints, data, model, training progress, calibration. */
public interface TutorialObserver extends TrainingProgress {
    TutorialObserver SILENT = new TutorialObserver() {
    };

    /** A line about the run's checkpoints: one skipped as damaged, where the run resumes, old ones removed. */
    default void checkpointNote(String line) {
    }

    /**
     * A moment of the run for a live page: on a resume first the events the run's history kept, then each new
     * one as it happens.
     */
    default void trainingEvent(TrainingEvent event) {
    }

    default void dataReady(MnistLocation location, DataShapes shapes) {
    }

    default void modelReady(String summary) {
    }

    /** The calibration fitted on the held-out images, before the model is saved with it. */
    default void calibrated(CalibrationFit.Result calibration) {
    }
}
