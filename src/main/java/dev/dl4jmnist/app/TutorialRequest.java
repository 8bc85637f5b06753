package dev.dl4jmnist.app;

import dev.dl4jmnist.data.MnistData;
import dev.dl4jmnist.model.NetworkRecipe;
import dev.dl4jmnist.training.EarlyStopping;

import java.nio.file.Path;

/**
 * What one tutorial run needs: hyperparameters, where MNIST is (null: search), where to save the
 * model, how many training/test images to use (the full sets by default; fewer for quick runs), early
 * stopping (null: none), whether to write a checkpoint after every epoch, whether to resume from the last
 * good checkpoint of an interrupted run of the same request, and whether to write the pictures and
 * analysis beside the model.
 */
public record TutorialRequest(NetworkRecipe config, Path dataDir, Path modelPath, int trainExamples, int testExamples,
                              EarlyStopping earlyStopping, boolean checkpoints, boolean resume, boolean report) {

    /** A run without early stopping, checkpoints or pictures. */
    public TutorialRequest(NetworkRecipe config, Path dataDir, Path modelPath, int trainExamples, int testExamples) {
        this(config, dataDir, modelPath, trainExamples, testExamples, null, false, false, false);
    }

    public static TutorialRequest of(NetworkRecipe config, Path dataDir, Path modelPath) {
        return new TutorialRequest(config, dataDir, modelPath, MnistData.TRAIN_SIZE, MnistData.TEST_SIZE);
    }

    public TutorialRequest withEarlyStopping(EarlyStopping v) {
        return new TutorialRequest(config, dataDir, modelPath, trainExamples, testExamples, v, checkpoints, resume, report);
    }

    /** With a checkpoint after every epoch and the history as JSON lines, in the model's run directory. */
    public TutorialRequest withCheckpoints() {
        return new TutorialRequest(config, dataDir, modelPath, trainExamples, testExamples, earlyStopping, true, false, report);
    }

    /** Continuing an interrupted run from its last good checkpoint (and writing checkpoints on). */
    public TutorialRequest resuming() {
        return new TutorialRequest(config, dataDir, modelPath, trainExamples, testExamples, earlyStopping, true, true, report);
    }

    /** With the pictures and analysis written beside the model, as {@code evaluate} writes them. */
    public TutorialRequest withReport() {
        return new TutorialRequest(config, dataDir, modelPath, trainExamples, testExamples, earlyStopping, checkpoints, resume, true);
    }
}
