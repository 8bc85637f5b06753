package dev.dl4jmnist.app;

import dev.dl4jmnist.evaluation.EvaluationResult;

import java.nio.file.Path;

/** A fine-tuning run: accuracy on MNIST's test set and on the corrections, before and after, and the new model. */
public record FineTuneResult(int corrections, int replayExamples, int epochs, EvaluationResult testBefore,
                             EvaluationResult testAfter, EvaluationResult correctionsBefore, EvaluationResult correctionsAfter,
                             Path modelPath, String modelSha256) {
}
