package dev.dl4jmnist.evaluation;

import org.nd4j.evaluation.classification.Evaluation;

import java.util.Locale;

/** How often each true class was predicted as each class: {@code counts[true][predicted]}. */
public record ConfusionMatrix(int[][] counts) {

    /** Counts over {@code classes} classes, as DL4J's {@link Evaluation} counts them; every label and prediction must lie in [0, classes). */
    public static ConfusionMatrix of(int[] predicted, int[] labels, int classes) {
        return of(ClassReport.evaluation(predicted, labels, classes), classes);
    }

    /** The confusion matrix DL4J's {@link Evaluation} has counted. */
    public static ConfusionMatrix of(Evaluation evaluation, int classes) {
        int[][] counts = new int[classes][classes];
        for (int t = 0; t < classes; t++) {
            for (int p = 0; p < classes; p++) {
                counts[t][p] = evaluation.getConfusion().getCount(t, p);
            }
        }
        return new ConfusionMatrix(counts);
    }

    public int classes() {
        return counts.length;
    }

    public int count(int trueClass, int predictedClass) {
        return counts[trueClass][predictedClass];
    }

    /** Images whose true class is {@code c}. */
    public int actualTotal(int c) {
        int n = 0;
        for (int p = 0; p < classes(); p++) {
            n += counts[c][p];
        }
        return n;
    }

    /** Images predicted as {@code c}. */
    public int predictedTotal(int c) {
        int n = 0;
        for (int[] row : counts) {
            n += row[c];
        }
        return n;
    }

    /** Sum of the diagonal: the correct predictions. */
    public int correct() {
        int n = 0;
        for (int c = 0; c < classes(); c++) {
            n += counts[c][c];
        }
        return n;
    }

    public int total() {
        int n = 0;
        for (int c = 0; c < classes(); c++) {
            n += actualTotal(c);
        }
        return n;
    }

    /** A text table: one row per true class, one column per predicted class, with totals. */
    public String format() {
        int width = Math.max(5, String.valueOf(total()).length() + 1);
        StringBuilder sb = new StringBuilder();
        sb.append("Confusion matrix (rows: true class, columns: predicted class)").append(System.lineSeparator());
        sb.append(String.format(Locale.ROOT, "%-10s", "true\\pred"));
        for (int p = 0; p < classes(); p++) {
            sb.append(String.format(Locale.ROOT, "%" + width + "d", p));
        }
        sb.append(String.format(Locale.ROOT, "%" + (width + 2) + "s", "total")).append(System.lineSeparator());
        for (int t = 0; t < classes(); t++) {
            sb.append(String.format(Locale.ROOT, "%-10d", t));
            for (int p = 0; p < classes(); p++) {
                sb.append(String.format(Locale.ROOT, "%" + width + "d", counts[t][p]));
            }
            sb.append(String.format(Locale.ROOT, "%" + (width + 2) + "d", actualTotal(t))).append(System.lineSeparator());
        }
        sb.append(String.format(Locale.ROOT, "%-10s", "total"));
        for (int p = 0; p < classes(); p++) {
            sb.append(String.format(Locale.ROOT, "%" + width + "d", predictedTotal(p)));
        }
        sb.append(String.format(Locale.ROOT, "%" + (width + 2) + "d", total())).append(System.lineSeparator());
        return sb.toString();
    }
}
