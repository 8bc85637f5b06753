package dev.dl4jmnist.prediction;

import dev.dl4jmnist.data.MnistImages;
import dev.dl4jmnist.model.DigitClassifier;
import dev.dl4jmnist.prediction.imaging.FontDigits;
import dev.dl4jmnist.prediction.imaging.RealisticDigits;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * A varied, labelled set of digit pictures like users' own, built the same way on every run (seeded):
 * digits rendered from the system's fonts in many styles ({@link FontDigits}), and MNIST test digits
 * made into photos of paper ({@link RealisticDigits}: enlarged, tinted, off-centre, noisy). Each is
 * labelled through {@link DigitPredictor}, the path {@code predict} takes.
 */
final class RealisticHandwriting {
    /** One labelled picture; {@code source} says which generator made it. */
    record Sample(String source, int label, BufferedImage picture) {
    }

    /** How one model did on the set, in all and per source. */
    record Score(int correct, int total, int fontCorrect, int fontTotal, int photoCorrect, int photoTotal) {
        double accuracy() {
            return (double) correct / total;
        }
    }

    private RealisticHandwriting() {
    }

    /** {@code fontsPerDigit} font pictures of each digit, then {@code photos} pictures of MNIST test digits (spread over the set). */
    static List<Sample> build(int fontsPerDigit, MnistImages mnistTest, int photos, long seed) {
        List<Sample> samples = new ArrayList<>();
        FontDigits fonts = new FontDigits(seed);
        for (int i = 0; i < fontsPerDigit; i++) {
            for (int digit = 0; digit < 10; digit++) {
                samples.add(new Sample("font", digit, fonts.picture(digit)));
            }
        }
        RealisticDigits photoMaker = new RealisticDigits(seed + 1);
        int stride = mnistTest.size() / photos;
        for (int i = 0; i < photos; i++) {
            int index = i * stride + 7;
            samples.add(new Sample("photo", mnistTest.labels()[index], photoMaker.picture(mnistTest, index)));
        }
        return samples;
    }

    /** Labels every sample with {@code model} through {@code predict}'s pipeline and counts the right answers. */
    static Score score(DigitClassifier model, List<Sample> samples) {
        DigitPredictor predictor = new DigitPredictor(model, DigitPredictor.Options.defaults());
        int correct = 0, fontCorrect = 0, fontTotal = 0, photoCorrect = 0, photoTotal = 0;
        for (int i = 0; i < samples.size(); i++) {
            Sample s = samples.get(i);
            DigitPrediction p = predictor.predict(s.source() + "-" + i, s.picture());
            boolean right = p.error() == null && p.prediction() == s.label();
            correct += right ? 1 : 0;
            if (s.source().equals("font")) {
                fontTotal++;
                fontCorrect += right ? 1 : 0;
            } else {
                photoTotal++;
                photoCorrect += right ? 1 : 0;
            }
        }
        return new Score(correct, samples.size(), fontCorrect, fontTotal, photoCorrect, photoTotal);
    }
}
