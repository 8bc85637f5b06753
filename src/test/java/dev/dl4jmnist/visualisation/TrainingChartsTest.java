package dev.dl4jmnist.visualisation;

import dev.dl4jmnist.evaluation.ConfusionMatrix;
import dev.dl4jmnist.training.EpochStats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainingChartsTest {
    private static final List<EpochStats> HISTORY = List.of(
            new EpochStats(1, 469, 0.25, 0.92, 0.11, 0.96, 10, 9),
            new EpochStats(2, 469, 0.10, 0.97, 0.08, 0.975, 10, 9),
            new EpochStats(3, 469, 0.07, 0.978, 0.07, 0.979, 10, 9));

    @Test
    void lossChartHasTheTutorialsAxesAndSeries() {
        XYChart chart = TrainingCharts.lossChart(HISTORY);
        assertEquals("Epoch", chart.getXAxisTitle());
        assertEquals("Error (Loss)", chart.getYAxisTitle());
        assertEquals(List.of("loss", "val_loss"), List.copyOf(chart.getSeriesMap().keySet()));
        assertArrayEquals(new double[]{1, 2, 3}, chart.getSeriesMap().get("loss").getXData());
        assertArrayEquals(new double[]{0.25, 0.10, 0.07}, chart.getSeriesMap().get("loss").getYData());
        assertArrayEquals(new double[]{0.11, 0.08, 0.07}, chart.getSeriesMap().get("val_loss").getYData());
        assertTrue(chart.getStyler().isLegendVisible());
        assertTrue(chart.getStyler().isPlotGridLinesVisible());
        XYChart accuracy = TrainingCharts.accuracyChart(HISTORY);
        assertEquals(List.of("accuracy", "val_accuracy"), List.copyOf(accuracy.getSeriesMap().keySet()));
        assertArrayEquals(new double[]{0.96, 0.975, 0.979}, accuracy.getSeriesMap().get("val_accuracy").getYData());
    }

    @Test
    void chartPngsDecodeAtTheExpectedSizeAndAreNotBlank(@TempDir Path dir) throws IOException {
        Path loss = dir.resolve("loss.png");
        Path accuracy = dir.resolve("accuracy.png");
        TrainingCharts.writeLoss(loss, HISTORY);
        TrainingCharts.writeAccuracy(accuracy, HISTORY);
        for (Path file : List.of(loss, accuracy)) {
            BufferedImage image = ImageIO.read(file.toFile());
            assertNotNull(image, file + " decodes as an image");
            assertEquals(TrainingCharts.WIDTH, image.getWidth());
            assertEquals(TrainingCharts.HEIGHT, image.getHeight());
            assertTrue(ImageChecks.distinctColours(image) > 20, "anti-aliased lines and text");
            double drawn = ImageChecks.nonBackgroundFraction(image);
            assertTrue(drawn > 0.02, file + ": " + drawn + " of the pixels are drawn");
            // both series are drawn, each in the colour the charts set (matplotlib's blue and orange)
            assertTrue(ImageChecks.countColour(image, TrainingCharts.TRAINING_COLOUR.getRGB() & 0xFFFFFF, 40) > 200, "training series drawn");
            assertTrue(ImageChecks.countColour(image, TrainingCharts.VALIDATION_COLOUR.getRGB() & 0xFFFFFF, 40) > 200, "validation series drawn");
        }
        assertTrue(Files.size(loss) > 5_000);
    }

    @Test
    void confusionHeatMapDecodesAtTheExpectedSizeAndIsNotBlank(@TempDir Path dir) throws IOException {
        int[][] counts = new int[10][10];
        for (int i = 0; i < 10; i++) {
            counts[i][i] = 900 + i;
            counts[i][(i + 3) % 10] = 7;
        }
        Path file = dir.resolve("confusion.png");
        ConfusionMatrixChart.writePng(file, new ConfusionMatrix(counts));
        BufferedImage image = ImageIO.read(file.toFile());
        assertEquals(ConfusionMatrixChart.WIDTH, image.getWidth());
        assertEquals(ConfusionMatrixChart.HEIGHT, image.getHeight());
        assertTrue(ImageChecks.distinctColours(image) > 20);
        // ten dark diagonal cells: well over 10 × 30 × 30 pixels near the darkest colour
        assertTrue(ImageChecks.countColour(image, 0x4292c6, 30) > 9_000, "the diagonal is drawn dark");
    }

    @Test
    void seriesColoursTicksAndLegendAreSetNotLeftToDefaults() {
        XYChart chart = TrainingCharts.accuracyChart(List.of(new EpochStats(1, 16, 0.249144802467028, 0.9256, 0.1036, 0.9671, 1, 1)));
        assertEquals(TrainingCharts.TRAINING_COLOUR, chart.getSeriesMap().get("accuracy").getLineColor());
        assertEquals(TrainingCharts.VALIDATION_COLOUR, chart.getSeriesMap().get("val_accuracy").getLineColor());
        assertEquals(TrainingCharts.VALIDATION_COLOUR, chart.getSeriesMap().get("val_accuracy").getMarkerColor());
        assertEquals("0.2491", new java.text.DecimalFormat(chart.getStyler().getYAxisDecimalPattern(),
                java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT)).format(0.249144802467028));
        // outside the plot area: the legend cannot cover the last epochs, where accuracy is highest
        assertEquals(org.knowm.xchart.style.Styler.LegendPosition.OutsideS, chart.getStyler().getLegendPosition());
    }

    @Test
    void anEmptyHistoryIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> TrainingCharts.lossChart(List.of()));
    }
}
