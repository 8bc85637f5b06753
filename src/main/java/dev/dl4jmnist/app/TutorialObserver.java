package dev.dl4jmnist.app;

import dev.dl4jmnist.data.DataShapes;
import dev.dl4jmnist.data.MnistLocation;
import dev.dl4jmnist.training.TrainingProgress;

/** Follows a tutorial run in the order of the story: data, model, training progress. */
public interface TutorialObserver extends TrainingProgress {
    TutorialObserver SILENT = new TutorialObserver() {
    };

    default void dataReady(MnistLocation location, DataShapes shapes) {
    }

    default void modelReady(String summary) {
    }
}
