package dev.dl4jmnist.visualisation;

import java.util.Locale;

/**
 * One digit's pixels as the tutorial prints them with {@code print(np.matrix(X_train[index]))} and a
 * wide line: 28 rows of 28 integers 0–255, right-aligned in 3 characters, one row per line, in brackets.
 */
public final class PixelMatrix {
    private PixelMatrix() {
    }

    /** {@code pixels} is one row-major image of {@code cols} columns. */
    public static String format(byte[] pixels, int cols) {
        if (cols < 1 || pixels.length % cols != 0) {
            throw new IllegalArgumentException(pixels.length + " pixels do not form rows of " + cols);
        }
        int rows = pixels.length / cols;
        StringBuilder sb = new StringBuilder();
        for (int r = 0; r < rows; r++) {
            sb.append(r == 0 ? "[[" : " [");
            for (int c = 0; c < cols; c++) {
                if (c > 0) {
                    sb.append(' ');
                }
                sb.append(String.format(Locale.ROOT, "%3d", pixels[r * cols + c] & 0xFF));
            }
            sb.append(r == rows - 1 ? "]]" : "]").append(System.lineSeparator());
        }
        return sb.toString();
    }
}
