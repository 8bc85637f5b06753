package dev.dl4jmnist.prediction.imaging;

import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The whole pipeline on drawn pictures: the same digit, however it was drawn, gives the same 28×28 input. */
class DigitPipelineTest {
    private static final PreparedDigit REFERENCE = DigitPipeline.prepare(
            SyntheticDigits.seven(300, 300, 90, 60, 140, Color.BLACK, Color.WHITE));

    @Test
    void theDigitFillsTwentyPixelsAndIsCentredByMass() {
        int top = 28, bottom = -1, left = 28, right = -1;
        double mass = 0, mx = 0, my = 0;
        for (int r = 0; r < 28; r++) {
            for (int c = 0; c < 28; c++) {
                int v = REFERENCE.pixel(r, c);
                if (v > 127) {
                    top = Math.min(top, r);
                    bottom = Math.max(bottom, r);
                    left = Math.min(left, c);
                    right = Math.max(right, c);
                }
                mass += v;
                mx += v * c;
                my += v * r;
            }
        }
        assertEquals(20, bottom - top + 1, "height of the ink");
        DigitFraming.Box box = REFERENCE.inkBox();   // in the picture: about 120 wide, 140 high
        assertEquals(20.0 * box.width() / box.height(), right - left + 1, 1.0, "width of the ink");
        assertEquals(14.0, mx / mass, 0.5);
        assertEquals(14.0, my / mass, 0.5);
        assertFalse(REFERENCE.darkInk());
    }

    @Test
    void darkInkOnLightPaperGivesTheSameInput() {
        PreparedDigit dark = DigitPipeline.prepare(SyntheticDigits.seven(300, 300, 90, 60, 140, Color.WHITE, Color.BLACK));
        assertTrue(dark.darkInk());
        assertEquals(0.0, SyntheticDigits.difference(REFERENCE, dark), 0.5);
    }

    @Test
    void colouredInkAndPaperGiveTheSameInput() {
        PreparedDigit blue = DigitPipeline.prepare(
                SyntheticDigits.seven(300, 300, 90, 60, 140, new Color(250, 240, 200), new Color(30, 40, 160)));
        assertTrue(blue.darkInk());
        assertTrue(SyntheticDigits.difference(REFERENCE, blue) < 1.0, "difference " + SyntheticDigits.difference(REFERENCE, blue));
    }

    @Test
    void inkOnATransparentCanvasGivesTheSameInput() {
        BufferedImage drawn = SyntheticDigits.seven(300, 300, 90, 60, 140, new Color(0, 0, 0, 0), Color.BLACK,
                BufferedImage.TYPE_INT_ARGB);
        assertEquals(0.0, SyntheticDigits.difference(REFERENCE, DigitPipeline.prepare(drawn)), 0.5);
    }

    @Test
    void sizeAndPlaceInThePictureDoNotMatter() {
        PreparedDigit small = DigitPipeline.prepare(SyntheticDigits.seven(120, 90, 10, 30, 49, Color.BLACK, Color.WHITE));
        PreparedDigit large = DigitPipeline.prepare(SyntheticDigits.seven(1600, 1000, 1000, 100, 700, Color.BLACK, Color.WHITE));
        assertTrue(SyntheticDigits.difference(REFERENCE, small) < 10, "small: " + SyntheticDigits.difference(REFERENCE, small));
        assertTrue(SyntheticDigits.difference(REFERENCE, large) < 3, "large: " + SyntheticDigits.difference(REFERENCE, large));
    }

    @Test
    void unevenLightingNoiseAndSpecksDoNotMoveTheBox() {
        BufferedImage clean = SyntheticDigits.seven(300, 300, 90, 60, 140, Color.WHITE, Color.BLACK);
        DigitFraming.Box cleanBox = DigitPipeline.prepare(clean).inkBox();
        Random random = new Random(3);
        BufferedImage messy = new BufferedImage(300, 300, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 300; y++) {
            for (int x = 0; x < 300; x++) {
                double light = 0.55 + 0.45 * x / 299.0 - 0.1 * y / 299.0;       // a shadow over the left side
                int v = (int) Math.round((clean.getRGB(x, y) & 0xFF) * light + random.nextGaussian() * 4);
                v = Math.max(0, Math.min(255, v));
                messy.setRGB(x, y, v * 0x010101);
            }
        }
        for (int[] speck : new int[][]{{10, 10}, {280, 40}, {30, 280}, {250, 260}}) {
            for (int dy = 0; dy < 3; dy++) {
                for (int dx = 0; dx < 3; dx++) {
                    messy.setRGB(speck[0] + dx, speck[1] + dy, 0x101010);
                }
            }
        }
        PreparedDigit prepared = DigitPipeline.prepare(messy);
        DigitFraming.Box box = prepared.inkBox();
        assertEquals(cleanBox.x(), box.x(), 1);
        assertEquals(cleanBox.y(), box.y(), 1);
        assertEquals(cleanBox.width(), box.width(), 2);
        assertEquals(cleanBox.height(), box.height(), 2);
        assertTrue(SyntheticDigits.difference(REFERENCE, prepared) < 6, "difference " + SyntheticDigits.difference(REFERENCE, prepared));
    }

    @Test
    void blankPicturesAreRefused() {
        BufferedImage white = new BufferedImage(200, 100, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = white.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 200, 100);
        g.dispose();
        assertThrows(BlankImageException.class, () -> DigitPipeline.prepare(white));
        BufferedImage transparent = new BufferedImage(50, 50, BufferedImage.TYPE_INT_ARGB);
        assertThrows(BlankImageException.class, () -> DigitPipeline.prepare(transparent));
    }

    @Test
    void modelInputIsTheBytesOverTwoFiftyFive() {
        float[] input = REFERENCE.modelInput();
        assertEquals(784, input.length);
        for (int i = 0; i < 784; i++) {
            assertEquals((REFERENCE.pixels()[i] & 0xFF) / 255f, input[i], 0f);
        }
        BufferedImage image = REFERENCE.toImage();
        assertEquals(REFERENCE.pixel(10, 12), image.getRaster().getSample(12, 10, 0));
    }

    /**
     * A bold 0 that covers much of a small, noisy picture: the background fit's noise (a median over every pixel)
     * grows with the ink's share until the digit no longer clears it, as 7 typeset pictures of the realistic set
     * did; measured between neighbouring pixels the noise is the paper's, and the digit is found. The same noise
     * without the digit stays blank.
     */
    @Test
    void aDigitCoveringMuchOfANoisyPictureIsFoundAndTheNoiseAloneStaysBlank() {
        GrayImage zero = noisyPicture(true);
        InkExtraction.Background fitted = InkExtraction.fitBackground(zero);
        InkExtraction.Background local = InkExtraction.withPixelNoise(zero, fitted);
        assertTrue(local != null && fitted.noise() >= InkExtraction.NOISE_INFLATION * local.noise(),
                "the fit's noise " + fitted.noise() + " against the pixels' " + (local == null ? "-" : local.noise()));
        assertThrows(BlankImageException.class, () -> InkExtraction.normalise(
                InkExtraction.inkOnBlack(zero, fitted, InkExtraction.inkIsDark(zero, fitted)), fitted.noise()),
                "with the fit's noise alone the digit is taken for noise");

        PreparedDigit prepared = DigitPipeline.prepare(zero);
        assertTrue(prepared.darkInk());
        assertTrue(prepared.pixel(14, 14) < 64, "the 0's hole: " + prepared.pixel(14, 14));
        assertTrue(prepared.pixel(14, 5) > 191 || prepared.pixel(14, 6) > 191 || prepared.pixel(14, 7) > 191, "its left stroke");

        assertThrows(BlankImageException.class, () -> DigitPipeline.prepare(noisyPicture(false)));
    }

    /** 80×100, paper at 200 with Gaussian noise of 15 levels (seeded), with or without a bold ring of ink at 60. */
    private static GrayImage noisyPicture(boolean withZero) {
        int w = 80, h = 100;
        float[] p = new float[w * h];
        Random random = new Random(7);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double dx = (x - 39.5) / 36, dy = (y - 49.5) / 46;
                double r = Math.sqrt(dx * dx + dy * dy);
                boolean ink = withZero && r <= 1 && r >= 0.7;
                float value = (float) ((ink ? 60 : 200) + 15 * random.nextGaussian());
                p[y * w + x] = Math.max(0, Math.min(255, value));
            }
        }
        return new GrayImage(w, h, p);
    }
}
