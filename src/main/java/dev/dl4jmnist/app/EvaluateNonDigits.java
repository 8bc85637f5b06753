package dev.dl4jmnist.app;

import dev.dl4jmnist.data.MnistData;
import dev.dl4jmnist.data.MnistImages;
import dev.dl4jmnist.evaluation.Auroc;
import dev.dl4jmnist.model.DigitClassifier;
import dev.dl4jmnist.performance.Statistics;
import dev.dl4jmnist.persistence.ModelStore;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * {@code evaluate --ood DIR}: how well a model's confidence (its largest probability) tells MNIST's test
 * digits from pictures that are not digits (an MNIST-like test set in {@code DIR}, such as Fashion-MNIST).
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
     * median confidence and the share named a digit with at least {@link #CONFIDENT}.
     */
    public record Result(Path model, Path nonDigits, double auroc, Side digits, Side others) {
    }

    /** One side's confidences, summarised. */
    public record Side(int count, double medianConfidence, double confidentShare) {
        static Side of(double[] confidence) {
            long confident = Arrays.stream(confidence).filter(c -> c >= CONFIDENT).count();
            return new Side(confidence.length, Statistics.median(confidence), (double) confident / confidence.length);
        }
    }

    public static Result run(Request request) {
        MnistImages others = MnistImages.testSetIn(request.nonDigits());
        DigitClassifier classifier = ModelStore.loadClassifier(request.model());
        MnistImages digits = MnistData.locate(request.dataDir()).testImages();
        double[] digitConfidence = confidence(classifier, digits);
        double[] otherConfidence = confidence(classifier, others);
        return new Result(request.model(), request.nonDigits(), Auroc.of(digitConfidence, otherConfidence),
                Side.of(digitConfidence), Side.of(otherConfidence));
    }

    private static double[] confidence(DigitClassifier classifier, MnistImages images) {
        double[] out = new double[images.size()];
        for (int from = 0; from < images.size(); from += 1000) {
            int to = Math.min(images.size(), from + 1000);
            float[][] pixels = new float[to - from][];
            for (int i = from; i < to; i++) {
                pixels[i - from] = images.scaled(i);
            }
            float[][] p = classifier.probabilities(pixels);
            for (int i = 0; i < p.length; i++) {
                float best = 0;
                for (float v : p[i]) {
                    best = Math.max(best, v);
                }
                out[from + i] = best;
            }
        }
        return out;
    }
}
