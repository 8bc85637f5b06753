package dev.dl4jmnist.app;

import dev.dl4jmnist.evaluation.EvaluationResult;
import dev.dl4jmnist.training.CalibrationFit;

import java.nio.file.Path;

/**
 * A fine-tuning run: accuracy on MNIST's test set and on the corrections, before and after, the new model, and
 * its calibration, fitted again on the source's held-out images (null when the source had none).
 */
public record FineTuneResult(int corrections, int replayExamples, int epochs, EvaluationResult testBefore,
                             EvaluationResult testAfter, EvaluationResult correctionsBefore, EvaluationResult correctionsAfter,
                             Path modelPath, String modelSha256, CalibrationFit.Result calibration) {
}
