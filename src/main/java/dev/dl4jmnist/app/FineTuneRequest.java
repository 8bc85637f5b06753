package dev.dl4jmnist.app;

import java.nio.file.Path;

/**
 * What a fine-tuning run needs: the model to start from, the users' corrections, where to save the new
 * version (another file), where MNIST is (null: search), how many MNIST training images to replay beside
 * the corrections (so that the network does not forget), and the epochs, batch size and seed.
 */
public record FineTuneRequest(Path sourceModel, Path corrections, Path modelPath, Path dataDir, int replayExamples,
                              int epochs, int batchSize, long seed) {
}
