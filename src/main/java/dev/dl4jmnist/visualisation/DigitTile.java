package dev.dl4jmnist.visualisation;

import java.util.Objects;

/** One digit in a grid: 28×28 raw pixels (0 = black, 255 = white, row-major) and the title shown above it. */
public record DigitTile(byte[] pixels, String title) {
    /** Pixels along each side of a tile's source image. */
    public static final int SIDE = 28;

    public DigitTile {
        Objects.requireNonNull(pixels, "pixels");
        Objects.requireNonNull(title, "title");
        if (pixels.length != SIDE * SIDE) {
            throw new IllegalArgumentException("a digit tile needs " + SIDE * SIDE + " pixels, got " + pixels.length);
        }
    }
}
