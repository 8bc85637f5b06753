package dev.dl4jmnist.app;

import dev.dl4jmnist.data.MnistData;
import dev.dl4jmnist.model.NetworkRecipe;

import java.nio.file.Path;

/**
 * What one tutorial run needs: hyperparameters, where MNIST is (null: search), where to save the
 * model, and how many training/test images to use (the full sets by default; fewer for quick runs).
 */
public record TutorialRequest(NetworkRecipe config, Path dataDir, Path modelPath, int trainExamples, int testExamples) {

    public static TutorialRequest of(NetworkRecipe config, Path dataDir, Path modelPath) {
        return new TutorialRequest(config, dataDir, modelPath, MnistData.TRAIN_SIZE, MnistData.TEST_SIZE);
    }
}
