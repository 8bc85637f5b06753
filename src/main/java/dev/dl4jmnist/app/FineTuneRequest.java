package dev.dl4jmnist.app;

import dev.dl4jmnist.UsageException;

import java.nio.file.Path;

/**
 * What a fine-tuning run needs: the model to start from, the users' corrections, where to save the new
 * version (another file), where MNIST is (null: search), how many MNIST training images to replay beside
 * the corrections (so that the network does not forget), and the epochs, batch size, Adam's learning rate and
 * seed.
 */
public record FineTuneRequest(Path sourceModel, Path corrections, Path modelPath, Path dataDir, int replayExamples,
                              int epochs, int batchSize, double learningRate, long seed) {
    /**
     * Fine-tuning's learning rate unless told otherwise: a tenth of training's 0.001. At training's own rate a
     * model trained for one epoch lost more than a point of MNIST test accuracy on some processors; at a tenth
     * it gains, and still learns its corrections.
     */
    public static final double DEFAULT_LEARNING_RATE = 1e-4;

    public FineTuneRequest {
        if (!(learningRate > 0 && Double.isFinite(learningRate))) {
            throw new UsageException("learning rate must be positive, got " + learningRate);
        }
    }
}
