package dev.dl4jmnist.prediction.imaging;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InkExtractionTest {

    /** Paper lit unevenly: 120 on the left rising to 250 on the right, with a dark bar of ink (40 darker than the paper). */
    private static GrayImage unevenPaperWithDarkBar() {
        GrayImage g = GrayImage.blank(200, 100);
        for (int y = 0; y < 100; y++) {
            for (int x = 0; x < 200; x++) {
                float paper = 120 + 130 * x / 199f;
                boolean bar = x >= 90 && x < 110 && y >= 20 && y < 80;
                g.set(x, y, bar ? paper - 90 : paper);
            }
        }
        return g;
    }

    @Test
    void backgroundFollowsUnevenLightingAndIgnoresTheInk() {
        GrayImage g = unevenPaperWithDarkBar();
        InkExtraction.Background bg = InkExtraction.fitBackground(g);
        for (int x : new int[]{0, 50, 100, 150, 199}) {
            assertEquals(120 + 130 * x / 199f, bg.surface().get(x, 50), 0.5, "background at x=" + x);
        }
        assertEquals(0f, bg.noise(), 0.5);
    }

    @Test
    void darkInkOnLightPaperIsDetectedAndTurnedBright() {
        GrayImage g = unevenPaperWithDarkBar();
        InkExtraction.Background bg = InkExtraction.fitBackground(g);
        assertTrue(InkExtraction.inkIsDark(g, bg));
        GrayImage ink = InkExtraction.inkOnBlack(g, bg, true);
        assertEquals(90f, ink.get(100, 50), 0.5);
        assertEquals(0f, ink.get(20, 50), 0.5);
        assertEquals(0f, ink.get(180, 10), 0.5);
    }

    @Test
    void lightInkOnDarkIsDetected() {
        GrayImage g = SyntheticDigits.rectangle(60, 60, 20, 10, 10, 40, 30f, 220f);
        InkExtraction.Background bg = InkExtraction.fitBackground(g);
        assertFalse(InkExtraction.inkIsDark(g, bg));
        assertEquals(190f, InkExtraction.inkOnBlack(g, bg, false).get(25, 30), 0.5);
    }

    @Test
    void normaliseMapsBackgroundToZeroAndInkToFullWhite() {
        GrayImage ink = SyntheticDigits.rectangle(40, 40, 10, 10, 10, 20, 0f, 90f);
        ink.set(9, 10, 45f);                                  // a half-covered edge pixel stays in between
        InkExtraction.Ink n = InkExtraction.normalise(ink, 0f);
        assertEquals(255f, n.image().get(15, 15), 0.01);
        assertEquals(0f, n.image().get(2, 2), 0.01);
        float edge = n.image().get(9, 10);
        assertTrue(edge > 100 && edge < 140, "edge level " + edge);
        assertTrue(n.threshold() > 0 && n.threshold() < 255, "threshold " + n.threshold());
    }

    @Test
    void noiseBelowThreeSigmaIsCleared() {
        Random random = new Random(1);
        GrayImage ink = SyntheticDigits.rectangle(50, 50, 20, 10, 8, 30, 0f, 150f);
        for (int i = 0; i < ink.size(); i++) {
            ink.pixels()[i] = Math.max(0f, ink.pixels()[i] + (float) random.nextGaussian() * 4);
        }
        InkExtraction.Ink n = InkExtraction.normalise(ink, 4f);
        int lit = 0;
        for (int y = 0; y < 50; y++) {
            for (int x = 0; x < 50; x++) {
                boolean inBar = x >= 20 && x < 28 && y >= 10 && y < 40;
                if (!inBar && n.image().get(x, y) > 0) {
                    lit++;
                }
            }
        }
        assertTrue(lit < 10, lit + " background pixels still lit");
    }

    @Test
    void uniformAndNoiseOnlyPicturesAreBlank() {
        assertThrows(BlankImageException.class, () -> InkExtraction.normalise(GrayImage.blank(30, 30), 0f));
        Random random = new Random(2);
        GrayImage paper = GrayImage.filled(100, 100, 200f);
        for (int i = 0; i < paper.size(); i++) {
            paper.pixels()[i] += (float) random.nextGaussian() * 5;
        }
        InkExtraction.Background bg = InkExtraction.fitBackground(paper);
        assertEquals(5f, bg.noise(), 0.5);
        GrayImage ink = InkExtraction.inkOnBlack(paper, bg, InkExtraction.inkIsDark(paper, bg));
        assertThrows(BlankImageException.class, () -> InkExtraction.normalise(ink, bg.noise()));
    }

    @Test
    void faintInkBelowTheMinimumContrastIsBlank() {
        GrayImage ink = SyntheticDigits.rectangle(40, 40, 10, 10, 10, 20, 0f, InkExtraction.MIN_CONTRAST - 2);
        assertThrows(BlankImageException.class, () -> InkExtraction.normalise(ink, 0f));
    }

    @Test
    void otsuSplitsTwoGroups() {
        float[] values = new float[100];
        for (int i = 0; i < 100; i++) {
            values[i] = i < 60 ? 10 + i % 5 : 200 + i % 7;
        }
        float t = InkExtraction.otsu(values, 10, 206);
        assertTrue(t > 14 && t <= 200, "threshold " + t);
    }
}
