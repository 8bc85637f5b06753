package dev.dl4jmnist.data;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.awt.geom.AffineTransform;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The augmentation's geometry and stroke changes, measured on ink, and its determinism. */
class DigitAugmenterTest {
    private static final int SIDE = DigitAugmenter.SIDE;

    /** A digit-like blob: a filled 6×10 rectangle with soft edges, off the centre. */
    private static float[] blob() {
        float[] image = new float[SIDE * SIDE];
        for (int y = 8; y < 18; y++) {
            for (int x = 10; x < 16; x++) {
                image[y * SIDE + x] = (x == 10 || x == 15 || y == 8 || y == 17) ? 0.5f : 1f;
            }
        }
        return image;
    }

    private static double mass(float[] image) {
        double m = 0;
        for (float v : image) {
            m += v;
        }
        return m;
    }

    private static double[] centre(float[] image) {
        double m = 0, cx = 0, cy = 0;
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                float v = image[y * SIDE + x];
                m += v;
                cx += v * x;
                cy += v * y;
            }
        }
        return new double[]{cx / m, cy / m};
    }

    @Test
    void aShiftMovesTheInksCentreByTheShift() {
        float[] image = blob();
        float[] moved = DigitAugmenter.transform(image, AffineTransform.getTranslateInstance(2.5, -1.5), 0, 1, 0, null);
        double[] before = centre(image), after = centre(moved);
        assertThat(after[0] - before[0]).isCloseTo(2.5, within(1e-4));
        assertThat(after[1] - before[1]).isCloseTo(-1.5, within(1e-4));
        assertThat(mass(moved)).isCloseTo(mass(image), within(1e-3));
    }

    @Test
    void aRotationKeepsTheInkAndTurnsItsCentreAboutTheImageCentre() {
        float[] image = blob();
        double angle = Math.toRadians(15);
        float[] turned = DigitAugmenter.transform(image, new AffineTransform(), angle, 1, 0, null);
        assertThat(mass(turned)).isCloseTo(mass(image), within(mass(image) * 0.02));
        double[] c = centre(image);
        double k = (SIDE - 1) / 2.0;
        double ex = k + Math.cos(angle) * (c[0] - k) - Math.sin(angle) * (c[1] - k);
        double ey = k + Math.sin(angle) * (c[0] - k) + Math.cos(angle) * (c[1] - k);
        assertThat(centre(turned)[0]).isCloseTo(ex, within(0.15));
        assertThat(centre(turned)[1]).isCloseTo(ey, within(0.15));
    }

    @Test
    void scalingChangesTheInkByTheSquareOfTheScale() {
        float[] image = blob();
        float[] bigger = DigitAugmenter.transform(image, new AffineTransform(), 0, 1.2, 0, null);
        assertThat(mass(bigger) / mass(image)).isCloseTo(1.44, within(0.05));
    }

    @Test
    void aSlantLeansTheTopRightAndTheBottomLeftAndKeepsTheInk() {
        float[] image = blob();
        float[] slanted = DigitAugmenter.transform(image, new AffineTransform(), 0, 1, 0.3, null);
        assertThat(mass(slanted)).isCloseTo(mass(image), within(mass(image) * 0.02));
        double k = (SIDE - 1) / 2.0;
        // each row moves right by 0.3 × its height above the centre row: the ink's centre by 0.3 × (k - cy)
        double[] c = centre(image);
        assertThat(centre(slanted)[0] - c[0]).isCloseTo(0.3 * (k - c[1]), within(0.15));
        assertThat(centre(slanted)[1]).isCloseTo(c[1], within(0.05));
        assertThat(rowCentre(slanted, topRow(image)) - rowCentre(image, topRow(image)))
                .isGreaterThan(rowCentre(slanted, bottomRow(image)) - rowCentre(image, bottomRow(image)) + 2);
    }

    private static int topRow(float[] image) {
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                if (image[y * SIDE + x] > 0.99f) {
                    return y;
                }
            }
        }
        throw new AssertionError("no ink");
    }

    private static int bottomRow(float[] image) {
        for (int y = SIDE - 1; y >= 0; y--) {
            for (int x = 0; x < SIDE; x++) {
                if (image[y * SIDE + x] > 0.99f) {
                    return y;
                }
            }
        }
        throw new AssertionError("no ink");
    }

    private static double rowCentre(float[] image, int y) {
        double m = 0, cx = 0;
        for (int x = 0; x < SIDE; x++) {
            m += image[y * SIDE + x];
            cx += image[y * SIDE + x] * x;
        }
        return cx / m;
    }

    @Test
    void aWarpMovesPixelsByItsInterpolatedDisplacementAndKeepsTheInkRoughly() {
        float[] image = blob();
        int g = DigitAugmenter.WARP_GRID;
        double[] uniform = new double[g * g * 2];
        for (int i = 0; i < uniform.length; i += 2) {
            uniform[i] = -1.5;                                     // every control point samples 1.5 px to the left
        }
        float[] moved = DigitAugmenter.transform(image, new AffineTransform(), 0, 1, 0, uniform);
        assertThat(centre(moved)[0] - centre(image)[0]).isCloseTo(1.5, within(1e-3));   // so the ink moves right
        double[] field = DigitAugmenter.warpField(new Random(3), 1.5);
        float[] warped = DigitAugmenter.transform(image, new AffineTransform(), 0, 1, 0, field);
        assertThat(warped).isNotEqualTo(image);
        assertThat(mass(warped)).isCloseTo(mass(image), within(mass(image) * 0.25));
        assertThat(DigitAugmenter.warpField(new Random(3), 0)).isNull();
    }

    @Test
    void dilationThickensAndErosionThinsTheStrokes() {
        float[] image = blob();
        float[] thick = DigitAugmenter.dilate(image);
        float[] thin = DigitAugmenter.erode(image);
        // the 6×10 rectangle grows to 8×12 and shrinks to 4×8 (the soft rim moves out or disappears)
        assertEquals(6 * 10, countAtLeast(thick, 0.99f));      // the rim's corners see the full interior
        assertEquals(8 * 12, countAtLeast(thick, 0.49f));
        assertEquals(4 * 8, countAtLeast(thin, 0.49f));
        assertThat(mass(thick)).isGreaterThan(mass(image));
        assertThat(mass(thin)).isLessThan(mass(image));
    }

    private static int countAtLeast(float[] image, float level) {
        int n = 0;
        for (float v : image) {
            n += v >= level ? 1 : 0;
        }
        return n;
    }

    @Test
    void noVariationLeavesTheImageAsItIs() {
        float[] image = blob();
        float[] same = new DigitAugmenter(Augmentation.NONE.withEnabled(true)).augment(image, new Random(1));
        assertArrayEquals(image, same, 1e-6f);
    }

    @Test
    void theSameSeedGivesTheSameBatchesAndAnotherSeedOthers() {
        Augmentation settings = new Augmentation(true, 2, 12, 0.1, 0.3, 1.5, 0.3);
        float[][] rows = new float[16][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = blob();
        }
        DataSet a1 = new DataSet(Nd4j.create(rows), Nd4j.zeros(16, 10));
        DataSet a2 = new DataSet(Nd4j.create(rows), Nd4j.zeros(16, 10));
        DataSet b = new DataSet(Nd4j.create(rows), Nd4j.zeros(16, 10));
        new AugmentingPreProcessor(settings, 7).preProcess(a1);
        new AugmentingPreProcessor(settings, 7).preProcess(a2);
        new AugmentingPreProcessor(settings, 8).preProcess(b);
        assertEquals(a1.getFeatures(), a2.getFeatures());
        assertThat(a1.getFeatures()).isNotEqualTo(b.getFeatures());
        assertThat(a1.getFeatures()).isNotEqualTo(Nd4j.create(rows));
        assertArrayEquals(new long[]{16, 784}, a1.getFeatures().shape());
        // every image keeps a good part of its ink: 2 px shifts push nothing out of the frame; erosion removes
        // the rim, and a warp may squeeze the small blob to about half its area
        for (int i = 0; i < 16; i++) {
            double m = a1.getFeatures().getRow(i).sumNumber().doubleValue();
            assertThat(m).isBetween(mass(rows[i]) * 0.2, mass(rows[i]) * 2.5);
        }
    }
}
