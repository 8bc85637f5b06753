package dev.dl4jmnist.prediction;

import dev.dl4jmnist.data.MnistImages;
import dev.dl4jmnist.model.DigitClassifier;
import dev.dl4jmnist.prediction.imaging.FontDigits;
import dev.dl4jmnist.prediction.imaging.PenDigits;
import dev.dl4jmnist.prediction.imaging.RealisticDigits;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * A varied, labelled set of digit pictures like users' own, built the same way on every run (seeded):
 * digits rendered from the system's fonts in many styles ({@link FontDigits}), MNIST test digits
 * made into photos of paper ({@link RealisticDigits}: enlarged, tinted, off-centre, noisy), and digits
 * written with a pen or chalk in common letterforms by an unsteady hand ({@link PenDigits}). Each is
 * labelled through {@link DigitPredictor}, the path {@code predict} takes.
 */
final class RealisticHandwriting {
    /** One labelled picture; {@code source} says which generator made it. */
    record Sample(String source, int label, BufferedImage picture) {
    }

    /** How one model did on the set, in all and per source. */
    record Score(int correct, int total, int fontCorrect, int fontTotal, int photoCorrect, int photoTotal,
                 int penCorrect, int penTotal, int refused, int handwritingRefused) {
        double accuracy() {
            return (double) correct / total;
        }
    }

    private RealisticHandwriting() {
    }

    /** A picture as the PNG file a user would give {@code predict}. */
    static byte[] png(BufferedImage picture) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(picture, "png", out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * {@code fontsPerDigit} font pictures of each digit, then {@code photos} pictures of MNIST test digits
     * (spread over the set), then {@code pensPerDigit} pen-written pictures of each digit.
     */
    static List<Sample> build(int fontsPerDigit, MnistImages mnistTest, int photos, int pensPerDigit, long seed) {
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
        PenDigits pens = new PenDigits(seed + 2);
        for (int i = 0; i < pensPerDigit; i++) {
            for (int digit = 0; digit < 10; digit++) {
                samples.add(new Sample("pen", digit, pens.picture(digit)));
            }
        }
        return samples;
    }

    /** Labels every sample with {@code model} through {@code predict}'s pipeline and counts the right answers. */
    static Score score(DigitClassifier model, List<Sample> samples) {
        DigitPredictor predictor = new DigitPredictor(model, DigitPredictor.Options.defaults());
        int refused = 0, handwritingRefused = 0, correct = 0, fontCorrect = 0, fontTotal = 0, photoCorrect = 0, photoTotal = 0, penCorrect = 0, penTotal = 0;
        for (int i = 0; i < samples.size(); i++) {
            Sample s = samples.get(i);
            DigitPrediction p = predictor.predict(s.source() + "-" + i, png(s.picture()));
            boolean right = Integer.valueOf(s.label()).equals(p.prediction());
            boolean isRefused = p.error() == null && !p.isDigit();
            refused += isRefused ? 1 : 0;
            handwritingRefused += isRefused && !s.source().equals("font") ? 1 : 0;
            correct += right ? 1 : 0;
            switch (s.source()) {
                case "font" -> {
                    fontTotal++;
                    fontCorrect += right ? 1 : 0;
                }
                case "photo" -> {
                    photoTotal++;
                    photoCorrect += right ? 1 : 0;
                }
                default -> {
                    penTotal++;
                    penCorrect += right ? 1 : 0;
                }
            }
        }
        return new Score(correct, samples.size(), fontCorrect, fontTotal, photoCorrect, photoTotal, penCorrect, penTotal, refused,
                handwritingRefused);
    }
}
