package dev.dl4jmnist.evaluation;

import java.util.ArrayList;
import java.util.List;

/**
 * How a model did on a labelled set of pictures: the confusion matrix of those it named a digit, how many of
 * each digit it answered "not a digit" (refused), and how many could not be read at all. The accuracy counts a
 * refused digit as not right (the model did not name it); the accuracy on the accepted pictures leaves them out.
 * Every share comes with its 95% Wilson interval.
 */
public record PictureAccuracy(ConfusionMatrix confusion, int[] refusedByDigit, int unlabelled) {
    /** One digit's share of right answers among its pictures the model answered (refusals included). */
    public record DigitAccuracy(int digit, int correct, int total, int refused, WilsonInterval interval) {
        public double accuracy() {
            return total == 0 ? Double.NaN : (double) correct / total;
        }
    }

    /**
     * From each picture the model named a digit (its true digit and the model's), the true digits of those it
     * refused as not digits, and how many could not be read.
     */
    public static PictureAccuracy of(int[] predicted, int[] truth, int[] refusedTruth, int unlabelled) {
        int[] refused = new int[10];
        for (int d : refusedTruth) {
            refused[d]++;
        }
        return new PictureAccuracy(predicted.length == 0 ? new ConfusionMatrix(new int[10][10])
                : ConfusionMatrix.of(predicted, truth, 10), refused, unlabelled);
    }

    /** Pictures the model named a digit. */
    public int accepted() {
        return confusion.total();
    }

    /** Pictures the model answered "not a digit". */
    public int refused() {
        int n = 0;
        for (int r : refusedByDigit) {
            n += r;
        }
        return n;
    }

    /** Pictures the model answered, a digit or not. */
    public int answered() {
        return accepted() + refused();
    }

    public int correct() {
        return confusion.correct();
    }

    /** Right answers among all answered pictures (a refused digit is not a right answer). */
    public double accuracy() {
        return answered() == 0 ? Double.NaN : (double) correct() / answered();
    }

    public WilsonInterval interval() {
        return WilsonInterval.of(correct(), answered());
    }

    /** Right answers among the pictures the model named a digit. */
    public double acceptedAccuracy() {
        return accepted() == 0 ? Double.NaN : (double) correct() / accepted();
    }

    public WilsonInterval acceptedInterval() {
        return WilsonInterval.of(correct(), accepted());
    }

    /** The share of answered pictures refused as not digits. */
    public WilsonInterval refusedInterval() {
        return WilsonInterval.of(refused(), answered());
    }

    /** Each digit with at least one answered picture, in order. */
    public List<DigitAccuracy> perDigit() {
        List<DigitAccuracy> out = new ArrayList<>();
        for (int d = 0; d < confusion.classes(); d++) {
            int total = confusion.actualTotal(d) + refusedByDigit[d];
            if (total > 0) {
                out.add(new DigitAccuracy(d, confusion.count(d, d), total, refusedByDigit[d],
                        WilsonInterval.of(confusion.count(d, d), total)));
            }
        }
        return out;
    }
}
