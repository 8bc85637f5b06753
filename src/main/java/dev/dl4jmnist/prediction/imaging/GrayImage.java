package dev.dl4jmnist.prediction.imaging;

import java.util.Arrays;

/** A single-channel image of floats, row-major; the preprocessing steps pass these to one another. */
public record GrayImage(int width, int height, float[] pixels) {

    public GrayImage {
        if (width < 1 || height < 1 || pixels.length != width * height) {
            throw new IllegalArgumentException("bad image shape " + width + "x" + height + " for " + pixels.length + " pixels");
        }
    }

    /** A blank (all zero) image. */
    public static GrayImage blank(int width, int height) {
        return new GrayImage(width, height, new float[width * height]);
    }

    /** An image filled with one value. */
    public static GrayImage filled(int width, int height, float value) {
        float[] p = new float[width * height];
        Arrays.fill(p, value);
        return new GrayImage(width, height, p);
    }

    public float get(int x, int y) {
        return pixels[y * width + x];
    }

    public void set(int x, int y, float value) {
        pixels[y * width + x] = value;
    }

    public int size() {
        return pixels.length;
    }

    public GrayImage copy() {
        return new GrayImage(width, height, pixels.clone());
    }
}
