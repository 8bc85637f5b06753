package dev.dl4jmnist.prediction.imaging;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DigitFramingTest {

    @Test
    void specksFarFromTheDigitAreCleared() {
        GrayImage ink = SyntheticDigits.rectangle(100, 100, 40, 30, 10, 40, 0f, 255f);
        ink.set(5, 5, 255f);                    // a speck
        ink.set(90, 95, 200f);                  // another
        ink.set(39, 50, 60f);                   // the stroke's faint edge
        GrayImage clean = DigitFraming.removeSpecks(ink, 128f);
        assertEquals(0f, clean.get(5, 5));
        assertEquals(0f, clean.get(90, 95));
        assertEquals(60f, clean.get(39, 50));
        assertEquals(255f, clean.get(45, 50));
        assertEquals(new DigitFraming.Box(39, 30, 11, 40), DigitFraming.inkBox(clean, 0f));
    }

    @Test
    void aSmallPieceInsideTheDigitsBoxIsKept() {
        GrayImage ink = SyntheticDigits.rectangle(100, 100, 20, 20, 40, 10, 0f, 255f);   // 400 pixels
        for (int y = 50; y < 54; y++) {
            for (int x = 30; x < 33; x++) {
                ink.set(x, y, 255f);            // 12 pixels (3% of the largest), below the bar, within its column range
            }
        }
        GrayImage bigBar = SyntheticDigits.rectangle(100, 100, 20, 60, 40, 10, 0f, 255f);
        for (int i = 0; i < ink.size(); i++) {
            ink.pixels()[i] = Math.max(ink.pixels()[i], bigBar.pixels()[i]);
        }
        GrayImage clean = DigitFraming.removeSpecks(ink, 128f);
        assertEquals(255f, clean.get(31, 52));
    }

    @Test
    void noInkIsBlank() {
        assertThrows(BlankImageException.class, () -> DigitFraming.removeSpecks(GrayImage.blank(10, 10), 128f));
        assertThrows(BlankImageException.class, () -> DigitFraming.inkBox(GrayImage.filled(10, 10, 100f), 127.5f));
    }

    @Test
    void inkBoxIsTheSmallestBoxAroundInkAboveTheLevel() {
        GrayImage g = SyntheticDigits.rectangle(50, 40, 7, 3, 5, 20, 0f, 200f);
        g.set(30, 30, 100f);
        assertEquals(new DigitFraming.Box(7, 3, 5, 20), DigitFraming.inkBox(g, 127.5f));
        assertEquals(new DigitFraming.Box(7, 3, 24, 28), DigitFraming.inkBox(g, 0f));
    }

    @Test
    void theLongerSideIsFittedToTwentyKeepingTheAspectRatio() {
        GrayImage g = GrayImage.filled(200, 200, 255f);
        GrayImage wide = DigitFraming.fitIntoBox(g, new DigitFraming.Box(0, 0, 80, 40));
        assertEquals(20, wide.width());
        assertEquals(10, wide.height());
        GrayImage tall = DigitFraming.fitIntoBox(g, new DigitFraming.Box(10, 10, 10, 30));
        assertEquals(7, tall.width());          // 10 * 20 / 30 = 6.67
        assertEquals(20, tall.height());
        GrayImage tiny = DigitFraming.fitIntoBox(g, new DigitFraming.Box(0, 0, 5, 1));
        assertEquals(20, tiny.width());
        assertEquals(4, tiny.height());
    }

    @Test
    void centreOfMassLandsOnTheFieldCentre() {
        GrayImage dot = GrayImage.blank(20, 20);
        dot.set(3, 5, 255f);
        GrayImage field = DigitFraming.centreByMass(dot);
        assertEquals(28, field.width());
        assertEquals(255f, field.get(14, 14));
        assertEquals(255f, sum(field), 0.01);
    }

    @Test
    void centringShiftsByWholePixelsAndCutsWhatFallsOutside() {
        GrayImage pair = GrayImage.blank(20, 20);
        pair.set(0, 0, 100f);
        pair.set(19, 0, 300f);                  // centre of mass at x = 14.25, y = 0: shift (0, +14)
        GrayImage field = DigitFraming.centreByMass(pair);
        assertEquals(100f, field.get(0, 14));
        assertEquals(300f, field.get(19, 14));
        GrayImage lopsided = GrayImage.blank(20, 20);
        lopsided.set(0, 0, 1f);
        lopsided.set(19, 19, 1000f);            // the far pixel pulls the light one out of the field
        GrayImage cut = DigitFraming.centreByMass(lopsided);
        assertEquals(1000f, cut.get(14, 14));
        assertEquals(1000f, sum(cut), 0.01);
    }

    @Test
    void dilationReachesTheRadiusInEveryDirection() {
        boolean[] mask = new boolean[7 * 7];
        mask[3 * 7 + 3] = true;
        boolean[] d = DigitFraming.dilate(mask, 7, 7, 2);
        int count = 0;
        for (boolean b : d) count += b ? 1 : 0;
        assertEquals(25, count);
        assertArrayEquals(new boolean[]{false, true, true, true, true, true, false},
                java.util.Arrays.copyOfRange(d, 3 * 7, 4 * 7));
    }

    private static double sum(GrayImage g) {
        double s = 0;
        for (float v : g.pixels()) s += v;
        return s;
    }
}
