package dev.dl4jmnist.visualisation;

import java.awt.Point;
import java.awt.image.BufferedImage;
import java.util.HashSet;
import java.util.Set;

/** Checks on rendered pictures shared by the visualisation tests. */
public final class ImageChecks {
    private ImageChecks() {
    }

    /** Fails unless tile {@code index} of a grid shows exactly {@code source}, block by block. */
    public static void assertTileShows(BufferedImage image, int index, int columns, byte[] source) {
        Point o = DigitGrid.imageOrigin(index, columns);
        for (int r = 0; r < 28; r++) {
            for (int c = 0; c < 28; c++) {
                int v = source[r * 28 + c] & 0xFF;
                int expected = (v << 16) | (v << 8) | v;
                // sample each block's corners and centre
                int[][] offsets = {{0, 0}, {DigitGrid.SCALE - 1, 0}, {0, DigitGrid.SCALE - 1},
                        {DigitGrid.SCALE - 1, DigitGrid.SCALE - 1}, {DigitGrid.SCALE / 2, DigitGrid.SCALE / 2}};
                for (int[] d : offsets) {
                    int actual = image.getRGB(o.x + c * DigitGrid.SCALE + d[0], o.y + r * DigitGrid.SCALE + d[1]) & 0xFFFFFF;
                    if (actual != expected) {
                        throw new AssertionError("tile " + index + " pixel (" + r + "," + c + "): expected gray " + v
                                + " but was 0x" + Integer.toHexString(actual));
                    }
                }
            }
        }
    }

    /** Number of distinct colours in the picture. */
    public static int distinctColours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                colours.add(image.getRGB(x, y) & 0xFFFFFF);
            }
        }
        return colours.size();
    }

    /** Fraction of pixels that differ from the top-left (background) pixel. */
    public static double nonBackgroundFraction(BufferedImage image) {
        int background = image.getRGB(0, 0);
        long n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (image.getRGB(x, y) != background) {
                    n++;
                }
            }
        }
        return (double) n / ((long) image.getWidth() * image.getHeight());
    }

    /** Pixels within {@code tolerance} of {@code rgb} in each channel. */
    public static int countColour(BufferedImage image, int rgb, int tolerance) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int p = image.getRGB(x, y);
                if (Math.abs(((p >> 16) & 0xFF) - ((rgb >> 16) & 0xFF)) <= tolerance
                        && Math.abs(((p >> 8) & 0xFF) - ((rgb >> 8) & 0xFF)) <= tolerance
                        && Math.abs((p & 0xFF) - (rgb & 0xFF)) <= tolerance) {
                    n++;
                }
            }
        }
        return n;
    }
}
