package dev.dl4jmnist.performance;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One benchmark's numbers. Epoch seconds include the validation pass, as {@code train} prints them;
 * images per second and GFLOP/s count the training steps alone. {@code coldPredictSeconds} and
 * {@code peer} are null when not measured.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BenchmarkResult(
        RuntimeSettings settings,
        int trainExamples,
        int testExamples,
        int epochs,
        double firstEpochSeconds,
        double medianEpochSeconds,
        double validationSeconds,
        double trainingImagesPerSecond,
        double trainingGflopPerSecond,
        double sgemmGflopPerSecond,
        double sgemmFloorSecondsPerEpoch,
        double trainingCpuSeconds,
        double testAccuracy,
        double inferenceImagesPerSecondBatch128,
        double inferenceImagesPerSecondBatch10000,
        Double coldPredictSeconds,
        double peakRssMiB,
        PeerComparison peer) {
}
