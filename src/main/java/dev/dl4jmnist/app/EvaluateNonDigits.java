package dev.dl4jmnist.app;

import dev.dl4jmnist.data.MnistData;
import dev.dl4jmnist.data.MnistImages;
import dev.dl4jmnist.evaluation.Auroc;
import dev.dl4jmnist.model.Calibration;
import dev.dl4jmnist.model.DigitAnswer;
import dev.dl4jmnist.model.DigitClassifier;
import dev.dl4jmnist.performance.Statistics;
import dev.dl4jmnist.persistence.ModelStore;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * {@code evaluate --ood DIR}: how well a model's confidence (its largest probability, calibrated when the model
 * is) tells MNIST's test digits from pictures that are not digits (an MNIST-like test set in {@code DIR}, such as
 * Fashion-MNIST), and, for a calibrated model, how many of each its "not a digit" threshold refuses. The
 * threshold was chosen on held-out MNIST digits alone: nothing here tunes it.
 */
public final class EvaluateNonDigits {
    /** The confidence at and above which a picture counts as confidently named a digit. */
    public static final double CONFIDENT = 0.9;

    private EvaluateNonDigits() {
    }

    public record Request(Path model, Path dataDir, Path nonDigits) {
    }

    /**
     * The area under the ROC curve of the confidence (digits positive), and for each side its count, its
     * median confidence, the share named a digit with at least {@link #CONFIDENT} and the share answered "not a
     * digit"; {@code calibration} is null for an uncalibrated model (which refuses none).
     */
    public record Result(Path model, Path nonDigits, Calibration calibration, double auroc, Side digits, Side others) {
    }

    /** One side's confidences, summarised. */
    public record Side(int count, double medianConfidence, double confidentShare, int refused) {
        static Side of(double[] confidence, int refused) {
            long confident = Arrays.stream(confidence).filter(c -> c >= CONFIDENT).count();
            return new Side(confidence.length, Statistics.median(confidence), (double) confident / confidence.length, refused);
        }

        public double refusedShare() {
            return (double) refused / count;
        }
    }

    public static Result run(Request request) {
        MnistImages others = MnistImages.testSetIn(request.nonDigits());
        DigitClassifier classifier = ModelStore.loadClassifier(request.model());
        MnistImages digits = MnistData.locate(request.dataDir()).testImages();
        Answers digitAnswers = answers(classifier, digits);
        Answers otherAnswers = answers(classifier, others);
        return new Result(request.model(), request.nonDigits(), classifier.calibration().orElse(null),
                Auroc.of(digitAnswers.confidence(), otherAnswers.confidence()),
                Side.of(digitAnswers.confidence(), digitAnswers.refused()), Side.of(otherAnswers.confidence(), otherAnswers.refused()));
    }

    /** Each image's confidence as users see it (calibrated when the model is), and how many were answered "not a digit". */
    private record Answers(double[] confidence, int refused) {
    }

    private static Answers answers(DigitClassifier classifier, MnistImages images) {
        double[] confidence = new double[images.size()];
        int refused = 0;
        for (int from = 0; from < images.size(); from += 1000) {
            int to = Math.min(images.size(), from + 1000);
            float[][] pixels = new float[to - from][];
            for (int i = from; i < to; i++) {
                pixels[i - from] = images.scaled(i);
            }
            DigitAnswer[] answers = classifier.answers(pixels);
            for (int i = 0; i < answers.length; i++) {
                confidence[from + i] = answers[i].confidence();
                refused += answers[i].digit() ? 0 : 1;
            }
        }
        return new Answers(confidence, refused);
    }
}
