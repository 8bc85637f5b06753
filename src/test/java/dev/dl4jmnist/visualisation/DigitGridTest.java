package dev.dl4jmnist.visualisation;

import dev.dl4jmnist.TestData;
import dev.dl4jmnist.data.MnistImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.Point;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DigitGridTest {

    /** A tile whose every pixel differs from its neighbours: value = (seed + 7r + 3c) mod 256. */
    private static DigitTile pattern(int seed, String title) {
        byte[] p = new byte[28 * 28];
        for (int r = 0; r < 28; r++) {
            for (int c = 0; c < 28; c++) {
                p[r * 28 + c] = (byte) ((seed + 7 * r + 3 * c) % 256);
            }
        }
        return new DigitTile(p, title);
    }

    /** Every block of every tile has exactly its source pixel's gray value. */
    private static void assertShowsPixels(BufferedImage image, int index, int columns, byte[] source) {
        Point o = DigitGrid.imageOrigin(index, columns);
        for (int r = 0; r < 28; r++) {
            for (int c = 0; c < 28; c++) {
                int v = source[r * 28 + c] & 0xFF;
                int expected = (v << 16) | (v << 8) | v;
                for (int dy = 0; dy < DigitGrid.SCALE; dy++) {
                    for (int dx = 0; dx < DigitGrid.SCALE; dx++) {
                        int actual = image.getRGB(o.x + c * DigitGrid.SCALE + dx, o.y + r * DigitGrid.SCALE + dy) & 0xFFFFFF;
                        if (actual != expected) {
                            throw new AssertionError("tile " + index + " pixel (" + r + "," + c + ") block (" + dy + "," + dx
                                    + "): expected gray " + v + " but was 0x" + Integer.toHexString(actual));
                        }
                    }
                }
            }
        }
    }

    /** Number of clearly dark (text) pixels in tile {@code index}'s title band. */
    private static int darkPixelsInTitle(BufferedImage image, int index, int columns) {
        Point o = DigitGrid.imageOrigin(index, columns);
        int dark = 0;
        for (int y = o.y - DigitGrid.TITLE_HEIGHT; y < o.y; y++) {
            for (int x = o.x; x < o.x + DigitGrid.TILE; x++) {
                if ((image.getRGB(x, y) & 0xFF) < 128) {
                    dark++;
                }
            }
        }
        return dark;
    }

    @Test
    void sizeFollowsTheDocumentedLayout() {
        List<DigitTile> tiles = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            tiles.add(pattern(i, "Class Label: " + i));
        }
        BufferedImage image = DigitGrid.render(tiles, 3);
        assertEquals(DigitGrid.TILE, 28 * DigitGrid.SCALE);
        assertEquals(DigitGrid.MARGIN + 3 * (DigitGrid.TILE + DigitGrid.MARGIN), image.getWidth());
        assertEquals(DigitGrid.MARGIN + 3 * (DigitGrid.TITLE_HEIGHT + DigitGrid.TILE + DigitGrid.MARGIN), image.getHeight());
        assertEquals(new Point(DigitGrid.MARGIN + 2 * (DigitGrid.TILE + DigitGrid.MARGIN),
                        DigitGrid.MARGIN + (DigitGrid.TITLE_HEIGHT + DigitGrid.TILE + DigitGrid.MARGIN) + DigitGrid.TITLE_HEIGHT),
                DigitGrid.imageOrigin(5, 3));
    }

    @Test
    void everyTileShowsItsOwnPixelsInItsOwnCell() {
        List<DigitTile> tiles = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            tiles.add(pattern(31 * i, "tile " + i));
        }
        BufferedImage image = DigitGrid.render(tiles, 3);
        assertEquals(DigitGrid.height(3), image.getHeight());
        for (int i = 0; i < tiles.size(); i++) {
            assertShowsPixels(image, i, 3, tiles.get(i).pixels());
        }
    }

    @Test
    void realDigitsAreDrawnExactlyAndTitlesAreVisible() {
        MnistImages test = TestData.mnist().testImages();
        int[] indices = {0, 1, 2, 9999};
        List<DigitTile> tiles = new ArrayList<>();
        for (int i : indices) {
            tiles.add(new DigitTile(test.pixels()[i], "Class Label: " + test.labels()[i]));
        }
        BufferedImage image = DigitGrid.render(tiles, 3);
        for (int k = 0; k < indices.length; k++) {
            assertShowsPixels(image, k, 3, test.pixels()[indices[k]]);
            // the digit itself: a 7 has white ink somewhere and black background in the corner
            Point o = DigitGrid.imageOrigin(k, 3);
            assertEquals(0, image.getRGB(o.x, o.y) & 0xFFFFFF, "top-left background pixel is black");
            int dark = darkPixelsInTitle(image, k, 3);
            assertTrue(dark > 40, "title of tile " + k + " has visible text (" + dark + " dark pixels)");
        }
        // the two empty cells of the second row (indices 4 and 5) stay white, title band included
        for (int k = 4; k < 6; k++) {
            Point o = DigitGrid.imageOrigin(k, 3);
            assertEquals(0, darkPixelsInTitle(image, k, 3));
            assertEquals(0xFFFFFF, image.getRGB(o.x + 100, o.y + 100) & 0xFFFFFF);
        }
    }

    @Test
    void longTitlesStayInsideTheirCell() {
        String longTitle = "Predicted 8, Class 3 — an unusually long title for one digit";
        BufferedImage image = DigitGrid.render(List.of(pattern(0, longTitle), pattern(1, "")), 2);
        assertTrue(darkPixelsInTitle(image, 0, 2) > 40);
        assertEquals(0, darkPixelsInTitle(image, 1, 2), "text never spills into the neighbour's title band");
        // the margin between the two cells stays white
        Point second = DigitGrid.imageOrigin(1, 2);
        for (int y = second.y - DigitGrid.TITLE_HEIGHT; y < second.y; y++) {
            for (int x = second.x - DigitGrid.MARGIN; x < second.x; x++) {
                assertEquals(0xFFFFFF, image.getRGB(x, y) & 0xFFFFFF, "margin pixel (" + x + "," + y + ")");
            }
        }
    }

    @Test
    void writesAPngThatDecodesToTheSamePixels(@TempDir Path dir) throws IOException {
        List<DigitTile> tiles = List.of(pattern(5, "a"), pattern(77, "b"), pattern(200, "c"), pattern(13, "d"));
        Path file = dir.resolve("sub").resolve("grid.png");
        DigitGrid.writePng(file, tiles, 2);
        BufferedImage decoded = ImageIO.read(file.toFile());
        BufferedImage rendered = DigitGrid.render(tiles, 2);
        assertEquals(rendered.getWidth(), decoded.getWidth());
        assertEquals(rendered.getHeight(), decoded.getHeight());
        for (int i = 0; i < tiles.size(); i++) {
            assertShowsPixels(decoded, i, 2, tiles.get(i).pixels());
        }
        int[] a = rendered.getRGB(0, 0, rendered.getWidth(), rendered.getHeight(), null, 0, rendered.getWidth());
        int[] b = decoded.getRGB(0, 0, decoded.getWidth(), decoded.getHeight(), null, 0, decoded.getWidth());
        assertArrayEquals(a, b, "PNG is lossless: the file holds exactly the rendered picture");
    }

    @Test
    void aFailedRenderLeavesTheExistingFileUntouched(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("grid.png");
        Files.writeString(file, "previous picture");
        assertThrows(IllegalArgumentException.class, () -> DigitGrid.writePng(file, List.of(pattern(0, "x")), 0));
        assertThrows(IllegalArgumentException.class, () -> DigitGrid.writePng(file, List.of(), 3));
        assertEquals("previous picture", Files.readString(file));
        DigitGrid.writePng(file, List.of(pattern(0, "x")), 1);
        assertEquals(DigitGrid.width(1), ImageIO.read(file.toFile()).getWidth());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "no temporary files are left behind");
        }
    }

    @Test
    void rejectsTilesThatAreNot28By28() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new DigitTile(new byte[783], "x"));
        assertEquals("a digit tile needs 784 pixels, got 783", e.getMessage());
    }
}
