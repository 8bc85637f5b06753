package dev.dl4jmnist.evaluation;

import org.nd4j.evaluation.EvaluationAveraging;
import org.nd4j.evaluation.classification.Evaluation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Per-class precision, recall and F1 as DL4J's {@link Evaluation} computes them (a class that is never
 * predicted gets precision 0), with their macro averages and the overall accuracy.
 */
public record ClassReport(List<ClassMetrics> classes, double macroPrecision, double macroRecall, double macroF1,
                          double accuracy) {

    public static ClassReport of(EvaluationResult result, int classes) {
        return of(evaluation(result.predicted(), result.labels(), classes), classes);
    }

    /** The report from a DL4J {@link Evaluation} that has counted the predictions. */
    public static ClassReport of(Evaluation eval, int classes) {
        List<ClassMetrics> rows = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            rows.add(new ClassMetrics(c, eval.precision(c), eval.recall(c), eval.f1(c), eval.classCount(c)));
        }
        return new ClassReport(List.copyOf(rows), eval.precision(EvaluationAveraging.Macro),
                eval.recall(EvaluationAveraging.Macro), eval.f1(EvaluationAveraging.Macro), eval.accuracy());
    }

    /** One row per digit, then the macro averages and the accuracy. */
    public String format() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("Per-class metrics%n"));
        sb.append(String.format(Locale.ROOT, "%-10s %9s %9s %9s %9s%n", "digit", "precision", "recall", "f1", "support"));
        int total = 0;
        for (ClassMetrics m : classes) {
            sb.append(String.format(Locale.ROOT, "%-10d %9.4f %9.4f %9.4f %9d%n", m.digit(), m.precision(), m.recall(),
                    m.f1(), m.support()));
            total += m.support();
        }
        sb.append(String.format(Locale.ROOT, "%-10s %9.4f %9.4f %9.4f %9d%n", "macro avg", macroPrecision, macroRecall,
                macroF1, total));
        sb.append(String.format(Locale.ROOT, "%-10s %29.4f %9d%n", "accuracy", accuracy, total));
        return sb.toString();
    }

    /** DL4J's count of predicted against true classes (predictions and labels of equal length, each in [0, classes)). */
    static Evaluation evaluation(int[] predicted, int[] labels, int classes) {
        if (predicted.length != labels.length) {
            throw new IllegalArgumentException(predicted.length + " predictions for " + labels.length + " labels");
        }
        Evaluation eval = new Evaluation(classes);
        eval.eval(oneHot(labels, classes), oneHot(predicted, classes));
        return eval;
    }

    private static INDArray oneHot(int[] classes, int n) {
        float[][] m = new float[classes.length][n];
        for (int i = 0; i < classes.length; i++) {
            m[i][classes[i]] = 1f;
        }
        return Nd4j.create(m);
    }
}
