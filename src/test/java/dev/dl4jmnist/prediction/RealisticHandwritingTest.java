package dev.dl4jmnist.prediction;

import dev.dl4jmnist.FullTier;
import dev.dl4jmnist.TestData;
import dev.dl4jmnist.TestModels;
import dev.dl4jmnist.persistence.ModelStore;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The realistic handwriting set README's MLP-against-CNN numbers come from: 600 digits rendered from
 * the system's fonts (60 of each digit, varied in font, style, size, stroke, slant, colours, polarity,
 * place and noise), 200 MNIST test digits made into photos of paper, and 500 digits written with a pen
 * or chalk (50 of each digit, in common letterforms, by an unsteady hand), labelled through
 * {@code predict}'s pipeline. The full models are measured with {@link RealisticHandwritingBenchmark};
 * here the set is checked to be the same on every run and to be read by the per-build one-epoch MLP
 * as measured (a change in the set, the pipeline or the model's reading of it moves these numbers).
 */
@FullTier
class RealisticHandwritingTest {
    static final int FONTS_PER_DIGIT = 60;
    static final int PHOTOS = 200;
    static final int PENS_PER_DIGIT = 50;
    static final long SEED = 14;

    @Test
    void theSetIsTheSameOnEveryRun() {
        var mnist = TestData.mnist().testImages();
        List<RealisticHandwriting.Sample> a = RealisticHandwriting.build(2, mnist, 4, 2, SEED);
        List<RealisticHandwriting.Sample> b = RealisticHandwriting.build(2, mnist, 4, 2, SEED);
        assertEquals(44, a.size());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).label(), b.get(i).label());
            assertThat(pixels(a.get(i).picture())).isEqualTo(pixels(b.get(i).picture()));
        }
        assertThat(pixels(RealisticHandwriting.build(2, mnist, 4, 2, SEED + 1).get(0).picture()))
                .isNotEqualTo(pixels(a.get(0).picture()));
    }

    private static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    @Test
    void theOneEpochMlpReadsTheSetAsMeasured() {
        List<RealisticHandwriting.Sample> set = RealisticHandwriting.build(FONTS_PER_DIGIT, TestData.mnist().testImages(), PHOTOS, PENS_PER_DIGIT, SEED);
        assertEquals(1300, set.size());
        RealisticHandwriting.Score mlp = RealisticHandwriting.score(ModelStore.loadClassifier(TestModels.quickModelPath()), set);
        // measured: 1163/1300 (pen 478/500, photos 193/200, fonts 492/600); the fonts are the harder part
        assertThat(mlp.photoCorrect()).isGreaterThanOrEqualTo(185);
        assertThat(mlp.penCorrect()).isBetween(450, 495);
        assertThat(mlp.fontCorrect()).isBetween(440, 540);
        assertThat((double) mlp.fontCorrect() / mlp.fontTotal()).isLessThan((double) mlp.photoCorrect() / mlp.photoTotal());
    }
}
