package dev.dl4jmnist.experiments;

import dev.dl4jmnist.AppException;
import dev.dl4jmnist.data.SubsetLimits;

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
        SubsetLimits.requireTrainExamples(trainExamples);
        SubsetLimits.requireTestExamples(testExamples);
    }
}
