package dev.dl4jmnist.evaluation;

import dev.dl4jmnist.data.MnistData;

/**
 * What a careful look at a model's test predictions shows: which images it got right and wrong,
 * the confusion matrix, and per-class precision, recall and F1.
 */
public record ModelAnalysis(EvaluationResult result, PredictionSplit split, ConfusionMatrix confusion, ClassReport classes) {

    public static ModelAnalysis of(EvaluationResult result) {
        return new ModelAnalysis(result, PredictionSplit.of(result),
                ConfusionMatrix.of(result.predicted(), result.labels(), MnistData.CLASSES),
                ClassReport.of(result, MnistData.CLASSES));
    }

    public int correctCount() {
        return split.correct().length;
    }

    public int incorrectCount() {
        return split.incorrect().length;
    }

    /** "Correct predictions: 9671 of 10000 (96.71%); incorrect: 329". */
    public String countsLine() {
        int n = result.size();
        return String.format(java.util.Locale.ROOT, "Correct predictions: %d of %d (%.2f%%); incorrect: %d",
                correctCount(), n, 100.0 * correctCount() / n, incorrectCount());
    }
}
