package dev.dl4jmnist.app;

import dev.dl4jmnist.data.MnistData;
import dev.dl4jmnist.model.NetworkRecipe;
import dev.dl4jmnist.training.EarlyStopping;

import java.nio.file.Path;

/**
 * What one tutorial run needs: hyperparameters, where MNIST is (null: search), where to save the
 * model, how many training/test images to use (the full sets by default; fewer for quick runs), early
 * stopping (null: none), whether to write a checkpoint after every epoch, whether to resume from the last
 * good checkpoint of an interrupted run of the same request, whether to write the pictures and
 * analysis beside the model, and how many of the last training images to hold out for the model's calibration
 * (0: train on all 60,000 as the Keras tutorial does, and save the model uncalibrated), and whether to show the
 * network pictures that are not digits while it trains (outlier exposure, {@link dev.dl4jmnist.data.NonDigitMixing}).
 */
public record TutorialRequest(NetworkRecipe config, Path dataDir, Path modelPath, int trainExamples, int testExamples,
                              EarlyStopping earlyStopping, boolean checkpoints, boolean resume, boolean report, int heldOut,
                              boolean nonDigits) {

    /** A run without early stopping, checkpoints or pictures, holding out the last {@link MnistData#HELD_OUT} images. */
    public TutorialRequest(NetworkRecipe config, Path dataDir, Path modelPath, int trainExamples, int testExamples) {
        this(config, dataDir, modelPath, trainExamples, testExamples, null, false, false, false, MnistData.HELD_OUT, false);
    }

    /** Every training image but the held-out ones, every test image. */
    public static TutorialRequest of(NetworkRecipe config, Path dataDir, Path modelPath) {
        return new TutorialRequest(config, dataDir, modelPath, MnistData.TRAIN_SIZE - MnistData.HELD_OUT, MnistData.TEST_SIZE);
    }

    /** With pictures that are not digits in every minibatch, labelled "none of the ten" (outlier exposure). */
    public TutorialRequest withNonDigits(boolean v) {
        return new TutorialRequest(config, dataDir, modelPath, trainExamples, testExamples, earlyStopping, checkpoints, resume, report, heldOut, v);
    }

    /** Holding out the last {@code n} training images for calibration (0: none, and no calibration). */
    public TutorialRequest withHeldOut(int n) {
        return new TutorialRequest(config, dataDir, modelPath, trainExamples, testExamples, earlyStopping, checkpoints, resume, report, n, nonDigits);
    }

    public TutorialRequest withEarlyStopping(EarlyStopping v) {
        return new TutorialRequest(config, dataDir, modelPath, trainExamples, testExamples, v, checkpoints, resume, report, heldOut, nonDigits);
    }

    /** With a checkpoint after every epoch and the history as JSON lines, in the model's run directory. */
    public TutorialRequest withCheckpoints() {
        return new TutorialRequest(config, dataDir, modelPath, trainExamples, testExamples, earlyStopping, true, false, report, heldOut, nonDigits);
    }

    /** Continuing an interrupted run from its last good checkpoint (and writing checkpoints on). */
    public TutorialRequest resuming() {
        return new TutorialRequest(config, dataDir, modelPath, trainExamples, testExamples, earlyStopping, true, true, report, heldOut, nonDigits);
    }

    /** With the pictures and analysis written beside the model, as {@code evaluate} writes them. */
    public TutorialRequest withReport() {
        return new TutorialRequest(config, dataDir, modelPath, trainExamples, testExamples, earlyStopping, checkpoints, resume, true, heldOut, nonDigits);
    }
}
