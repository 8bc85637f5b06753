package dev.dl4jmnist.evaluation;

import java.util.ArrayList;
import java.util.List;

/**
 * How a model did on a labelled set of pictures: the confusion matrix of those it labelled, the
 * accuracy with its 95% Wilson interval, each digit's, and how many pictures it could not label.
 */
public record PictureAccuracy(ConfusionMatrix confusion, int unlabelled) {
    /** One digit's share of right answers. */
    public record DigitAccuracy(int digit, int correct, int total, WilsonInterval interval) {
        public double accuracy() {
            return total == 0 ? Double.NaN : (double) correct / total;
        }
    }

    /** From each labelled picture's true digit and the model's answer; {@code unlabelled} could not be labelled. */
    public static PictureAccuracy of(int[] predicted, int[] truth, int unlabelled) {
        return new PictureAccuracy(predicted.length == 0 ? new ConfusionMatrix(new int[10][10])
                : ConfusionMatrix.of(predicted, truth, 10), unlabelled);
    }

    public int labelled() {
        return confusion.total();
    }

    public int correct() {
        return confusion.correct();
    }

    public double accuracy() {
        return labelled() == 0 ? Double.NaN : (double) correct() / labelled();
    }

    public WilsonInterval interval() {
        return WilsonInterval.of(correct(), labelled());
    }

    /** Each digit with at least one picture, in order. */
    public List<DigitAccuracy> perDigit() {
        List<DigitAccuracy> out = new ArrayList<>();
        for (int d = 0; d < confusion.classes(); d++) {
            int total = confusion.actualTotal(d);
            if (total > 0) {
                out.add(new DigitAccuracy(d, confusion.count(d, d), total, WilsonInterval.of(confusion.count(d, d), total)));
            }
        }
        return out;
    }
}
