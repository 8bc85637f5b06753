package dev.dl4jmnist.experiments;

import dev.dl4jmnist.AppException;
import dev.dl4jmnist.data.MnistData;

import java.nio.file.Path;

/**
 * What a sweep needs: its configurations, where results go, and how many training and test images
 * every configuration uses (the full sets by default; fewer for quick runs).
 */
public record SweepRequest(SweepDefinition sweep, Path outputDir, int trainExamples, int testExamples) {

    public SweepRequest {
        if (sweep == null || outputDir == null) {
            throw new IllegalArgumentException("a sweep and an output directory are required");
        }
        if (trainExamples < 1 || trainExamples > MnistData.TRAIN_SIZE) {
            throw new AppException("training examples must be between 1 and " + MnistData.TRAIN_SIZE + ", got " + trainExamples);
        }
        if (testExamples < 1 || testExamples > MnistData.TEST_SIZE) {
            throw new AppException("test examples must be between 1 and " + MnistData.TEST_SIZE + ", got " + testExamples);
        }
    }
}
