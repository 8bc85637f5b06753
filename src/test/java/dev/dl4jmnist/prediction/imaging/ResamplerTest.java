package dev.dl4jmnist.prediction.imaging;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ResamplerTest {

    @Test
    void halvingAveragesEachTwoByTwoBlock() {
        GrayImage g = new GrayImage(4, 2, new float[]{0, 2, 4, 6, 2, 4, 8, 10});
        GrayImage half = Resampler.resize(g, 2, 1);
        assertArrayEquals(new float[]{2, 7}, half.pixels(), 1e-5f);
    }

    @Test
    void fractionalFootprintsAreWeightedByOverlap() {
        GrayImage g = new GrayImage(3, 1, new float[]{0, 3, 6});
        // output pixel 0 covers input [0, 1.5): (0 * 1 + 3 * 0.5) / 1.5 = 1; pixel 1 covers [1.5, 3): (3 * 0.5 + 6) / 1.5 = 5
        assertArrayEquals(new float[]{1, 5}, Resampler.resize(g, 2, 1).pixels(), 1e-5f);
    }

    @Test
    void regionIsCutBeforeResizing() {
        GrayImage g = SyntheticDigits.rectangle(10, 10, 4, 2, 2, 4, 0f, 100f);
        GrayImage region = Resampler.resize(g, 4, 2, 2, 4, 1, 2);
        assertArrayEquals(new float[]{100, 100}, region.pixels(), 1e-5f);
    }

    @Test
    void enlargingRepeatsPixels() {
        GrayImage g = new GrayImage(2, 1, new float[]{10, 20});
        assertArrayEquals(new float[]{10, 10, 20, 20}, Resampler.resize(g, 4, 1).pixels(), 1e-5f);
    }

    @Test
    void shrinkingKeepsTheMeanLevel() {
        GrayImage g = SyntheticDigits.rectangle(97, 61, 10, 5, 30, 40, 0f, 255f);
        GrayImage small = Resampler.resize(g, 20, 13);
        double before = 0, after = 0;
        for (float v : g.pixels()) before += v;
        for (float v : small.pixels()) after += v;
        assertEquals(before / g.size(), after / small.size(), 1e-3);
    }
}
