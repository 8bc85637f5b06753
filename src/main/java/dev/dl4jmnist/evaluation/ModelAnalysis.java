package dev.dl4jmnist.evaluation;

import dev.dl4jmnist.data.MnistData;
import org.nd4j.evaluation.classification.Evaluation;

/**
 * What a careful look at a model's test predictions shows: which images it got right and wrong,
 * the confusion matrix, and per-class precision, recall and F1.
 */
public record ModelAnalysis(EvaluationResult result, PredictionSplit split, ConfusionMatrix confusion, ClassReport classes) {

    public static ModelAnalysis of(EvaluationResult result) {
        Evaluation counted = ClassReport.evaluation(result.predicted(), result.labels(), MnistData.CLASSES);
        return new ModelAnalysis(result, PredictionSplit.of(result), ConfusionMatrix.of(counted, MnistData.CLASSES),
                ClassReport.of(counted, MnistData.CLASSES));
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
