package dev.dl4jmnist.prediction;

import dev.dl4jmnist.TestData;
import dev.dl4jmnist.persistence.ModelStore;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Prints each given model's accuracy on the realistic set (the README's numbers): on handwriting (the
 * pen-written digits and the photos of MNIST digits), on the typeset digits, and on all of it:
 * {@code RealisticHandwritingBenchmark MODEL.zip...}, with MNIST found as the tests find it.
 */
public final class RealisticHandwritingBenchmark {
    private RealisticHandwritingBenchmark() {
    }

    public static void main(String[] args) {
        List<RealisticHandwriting.Sample> set = RealisticHandwriting.build(RealisticHandwritingTest.FONTS_PER_DIGIT,
                TestData.mnist().testImages(), RealisticHandwritingTest.PHOTOS, RealisticHandwritingTest.PENS_PER_DIGIT,
                RealisticHandwritingTest.SEED);
        for (String model : args) {
            RealisticHandwriting.Score s = RealisticHandwriting.score(ModelStore.loadClassifier(Path.of(model)), set);
            int hand = s.penCorrect() + s.photoCorrect(), handTotal = s.penTotal() + s.photoTotal();
            System.out.printf(Locale.ROOT, "%s: handwriting %d/%d = %.4f (pen %d/%d, photos of MNIST digits %d/%d); "
                            + "fonts %d/%d = %.4f; all %d/%d = %.4f; answered \"not a digit\": %d of all, %d of the handwriting%n",
                    model, hand, handTotal, (double) hand / handTotal,
                    s.penCorrect(), s.penTotal(), s.photoCorrect(), s.photoTotal(), s.fontCorrect(), s.fontTotal(),
                    (double) s.fontCorrect() / s.fontTotal(), s.correct(), s.total(), s.accuracy(), s.refused(), s.handwritingRefused());
        }
    }
}
