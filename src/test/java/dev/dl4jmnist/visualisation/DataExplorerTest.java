package dev.dl4jmnist.visualisation;

import dev.dl4jmnist.AppException;
import dev.dl4jmnist.RawIdx;
import dev.dl4jmnist.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DataExplorerTest {

    /** Parses a printed pixel matrix back into its numbers, checking the layout on the way. */
    private static byte[] parse(String matrix) {
        List<String> lines = matrix.lines().toList();
        assertEquals(28, lines.size(), "28 rows");
        byte[] out = new byte[784];
        for (int r = 0; r < 28; r++) {
            String line = lines.get(r);
            assertTrue(line.length() <= 120, "row " + r + " fits on one 120-column line: " + line.length());
            String[] numbers = line.replace("[", " ").replace("]", " ").trim().split("\\s+");
            assertEquals(28, numbers.length, "28 numbers in row " + r);
            for (int c = 0; c < 28; c++) {
                int v = Integer.parseInt(numbers[c]);
                assertTrue(v >= 0 && v <= 255);
                out[r * 28 + c] = (byte) v;
            }
        }
        assertTrue(lines.get(0).startsWith("[[") && lines.get(27).endsWith("]]"), "NumPy-style brackets");
        return out;
    }

    @Test
    void gridShowsTheSampledTrainingImagesWithTheirLabels(@TempDir Path dir) throws IOException {
        Path grid = dir.resolve("samples.png");
        Exploration e = DataExplorer.explore(TestData.mnist(), 42, null, grid);
        assertEquals(9, e.sampleIndices().length);
        assertEquals(9, Arrays.stream(e.sampleIndices()).distinct().count(), "distinct images");
        BufferedImage image = ImageIO.read(grid.toFile());
        assertEquals(DigitGrid.width(3), image.getWidth());
        assertEquals(DigitGrid.height(3), image.getHeight());
        List<DigitTile> tiles = DataExplorer.sampleTiles(TestData.mnist().trainImages(), e.sampleIndices());
        for (int k = 0; k < 9; k++) {
            int index = e.sampleIndices()[k];
            assertTrue(index >= 0 && index < 60_000);
            byte[] raw = RawIdx.image(RawIdx.trainImages(), index);
            ImageChecks.assertTileShows(image, k, 3, raw);
            int label = RawIdx.label(RawIdx.trainLabels(), index);
            assertEquals(label, e.sampleLabels()[k]);
            assertEquals("Class Label: " + label, tiles.get(k).title());
            assertArrayEquals(raw, tiles.get(k).pixels());
        }
    }

    @Test
    void theSeedMakesTheChoiceRepeatable() {
        assertArrayEquals(DataExplorer.sampleIndices(7, 60_000), DataExplorer.sampleIndices(7, 60_000));
        assertFalse(Arrays.equals(DataExplorer.sampleIndices(7, 60_000), DataExplorer.sampleIndices(8, 60_000)));
    }

    @Test
    void pixelMatrixOfTheLastGridImageEqualsTheRawIdxBytes(@TempDir Path dir) {
        Exploration e = DataExplorer.explore(TestData.mnist(), 3, null, dir.resolve("g.png"));
        int last = e.sampleIndices()[8];
        assertEquals(last, e.matrixIndex());
        assertEquals(RawIdx.label(RawIdx.trainLabels(), last), e.matrixLabel());
        assertArrayEquals(RawIdx.image(RawIdx.trainImages(), last), parse(e.pixelMatrix()));
    }

    @Test
    void pixelMatrixOfAChosenIndexEqualsTheRawIdxBytes(@TempDir Path dir) {
        for (int index : new int[]{0, 59_999}) {
            Exploration e = DataExplorer.explore(TestData.mnist(), 3, index, dir.resolve("g.png"));
            assertEquals(index, e.matrixIndex());
            byte[] parsed = parse(e.pixelMatrix());
            assertArrayEquals(RawIdx.image(RawIdx.trainImages(), index), parsed);
            assertTrue(Arrays.stream(e.pixelMatrix().split("\\D+")).filter(s -> !s.isEmpty())
                    .anyMatch(s -> Integer.parseInt(s) > 200), "a digit has bright ink");
        }
        assertEquals(5, DataExplorer.explore(TestData.mnist(), 3, 0, dir.resolve("g.png")).matrixLabel(),
                "training image 0 is the famous 5");
    }

    @Test
    void labelCountsAndShapesAreMnists(@TempDir Path dir) {
        Exploration e = DataExplorer.explore(TestData.mnist(), 1, null, dir.resolve("g.png"));
        assertArrayEquals(new int[]{5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949}, e.trainCounts());
        assertArrayEquals(new int[]{980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009}, e.testCounts());
        String counts = e.labelCountsText();
        assertTrue(counts.contains("train    5923  6742  5958  6131  5842  5421  5918  6265  5851  5949   60000"), counts);
        assertTrue(counts.contains("test      980  1135  1032  1010   982   892   958  1028   974  1009   10000"), counts);
        String shapes = e.shapesText();
        assertTrue(shapes.contains("X_train: (60000, 28, 28)   y_train: (60000,)"), shapes);
        assertTrue(shapes.contains("X_test:  (10000, 28, 28)   y_test:  (10000,)"), shapes);
        assertTrue(shapes.contains("X_train: (60000, 784)"), shapes);
    }

    @Test
    void anIndexOutsideTheTrainingSetIsRejectedBeforeWriting(@TempDir Path dir) {
        Path grid = dir.resolve("g.png");
        AppException ex = assertThrows(AppException.class, () -> DataExplorer.explore(TestData.mnist(), 1, 60_000, grid));
        assertEquals("index must be between 0 and 59999 (a training image), got 60000", ex.getMessage());
        assertFalse(grid.toFile().exists());
    }
}
