package dev.dl4jmnist.app;

import dev.dl4jmnist.FullTier;
import dev.dl4jmnist.visualisation.ConfusionMatrixChart;
import dev.dl4jmnist.visualisation.TrainingCharts;
import dev.dl4jmnist.visualisation.ImageChecks;
import dev.dl4jmnist.visualisation.EvaluationReport;
import dev.dl4jmnist.visualisation.DigitTile;
import dev.dl4jmnist.visualisation.DigitGrid;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dl4jmnist.AppException;
import dev.dl4jmnist.RawIdx;
import dev.dl4jmnist.TestData;
import dev.dl4jmnist.TestModels;
import dev.dl4jmnist.evaluation.EvaluationResult;
import dev.dl4jmnist.io.Sha256;
import dev.dl4jmnist.persistence.RunSummary;
import dev.dl4jmnist.training.EpochStats;
import dev.dl4jmnist.model.MlpConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@FullTier
class EvaluateModelTest {
    private static final int N = 1000;

    @Test
    void gridsShowTheFirstNineCorrectAndIncorrectTestImagesWithTheirTitles(@TempDir Path dir) throws IOException {
        EvaluateModel.Result inspection = EvaluateModel.run(new EvaluateModel.Request(TestModels.quickModelPath(), null, N, dir), TestData.mnist());
        EvaluationResult result = inspection.result();
        assertEquals(N, result.size());
        assertTrue(result.accuracy() > 0.9, "the one-epoch model is good: " + result.accuracy());

        // the expected selections, from the model's predictions and labels read straight from the IDX file
        List<Integer> right = new ArrayList<>();
        List<Integer> wrong = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            int label = RawIdx.label(RawIdx.testLabels(), i);
            assertEquals(label, result.labels()[i]);
            (result.predicted()[i] == label ? right : wrong).add(i);
        }
        assertTrue(wrong.size() >= 9, "enough mistakes to fill the grid: " + wrong.size());
        assertEquals(right.size(), inspection.report().analysis().correctCount());
        assertEquals(wrong.size(), inspection.report().analysis().incorrectCount());
        checkGrid(dir.resolve("quick-1-epoch-correct.png"), right.subList(0, 9), result, true);
        checkGrid(dir.resolve("quick-1-epoch-incorrect.png"), wrong.subList(0, 9), result, false);

        List<Path> expectedFiles = Stream.of("correct.png", "incorrect.png", "confusion.png", "evaluation.txt")
                .map(s -> dir.resolve("quick-1-epoch-" + s)).toList();
        assertEquals(expectedFiles, inspection.report().files());
        BufferedImage heat = ImageIO.read(dir.resolve("quick-1-epoch-confusion.png").toFile());
        assertEquals(ConfusionMatrixChart.WIDTH, heat.getWidth());
        assertEquals(ConfusionMatrixChart.HEIGHT, heat.getHeight());
        // the ten diagonal cells (about 1,000 images each) are drawn in the scale's darkest blue
        assertTrue(ImageChecks.countColour(heat, 0x4292c6, 30) > 9_000, "the diagonal is drawn dark");

        String text = Files.readString(dir.resolve("quick-1-epoch-evaluation.txt"));
        assertEquals(EvaluationReport.text(inspection.report().analysis()), text);
        assertTrue(text.contains(String.format("Correct predictions: %d of 1000", right.size())), text);
        assertTrue(text.contains("First incorrectly labelled test images: " + wrong.subList(0, 9)), text);
        assertTrue(text.contains("true\\pred"), text);
        assertTrue(inspection.historyNote().startsWith("no run summary"), inspection.historyNote());
    }

    private static void checkGrid(Path file, List<Integer> indices, EvaluationResult result, boolean correct) throws IOException {
        BufferedImage image = ImageIO.read(file.toFile());
        assertEquals(DigitGrid.width(3), image.getWidth());
        assertEquals(DigitGrid.height(3), image.getHeight());
        int[] idx = indices.stream().mapToInt(Integer::intValue).toArray();
        List<DigitTile> tiles = EvaluationReport.predictionTiles(idx, result, TestData.mnist().testImages());
        for (int k = 0; k < idx.length; k++) {
            byte[] raw = RawIdx.image(RawIdx.testImages(), idx[k]);
            ImageChecks.assertTileShows(image, k, 3, raw);
            int label = RawIdx.label(RawIdx.testLabels(), idx[k]);
            int predicted = result.predicted()[idx[k]];
            assertEquals(correct, predicted == label);
            assertEquals("Predicted " + predicted + ", Class " + label, tiles.get(k).title());
            assertArrayEquals(raw, tiles.get(k).pixels());
        }
    }

    @Test
    void curvesComeFromTheRunSummaryOfThisVeryModel(@TempDir Path dir) throws IOException {
        Path model = dir.resolve("m.zip");
        Files.copy(TestModels.quickModelPath(), model);
        List<EpochStats> history = List.of(new EpochStats(1, 469, 0.3, 0.91, 0.15, 0.955, 9, 8),
                new EpochStats(2, 469, 0.12, 0.96, 0.1, 0.968, 9, 8));
        writeSummary(dir.resolve("m.json"), history, Sha256.of(model));
        Files.writeString(dir.resolve("m-evaluation.txt"), "an older report");

        EvaluateModel.Result inspection = EvaluateModel.run(new EvaluateModel.Request(model, null, 200, null), TestData.mnist());
        assertNull(inspection.historyNote());
        List<Path> files = inspection.report().files();
        assertEquals(dir.resolve("m-loss.png"), files.get(0));
        assertEquals(dir.resolve("m-accuracy.png"), files.get(1));
        assertEquals(6, files.size());
        for (Path chart : files.subList(0, 2)) {
            BufferedImage image = ImageIO.read(chart.toFile());
            assertEquals(TrainingCharts.WIDTH, image.getWidth());
            assertEquals(TrainingCharts.HEIGHT, image.getHeight());
            assertTrue(ImageChecks.countColour(image, TrainingCharts.TRAINING_COLOUR.getRGB() & 0xFFFFFF, 40) > 100, chart + ": training curve");
            assertTrue(ImageChecks.countColour(image, TrainingCharts.VALIDATION_COLOUR.getRGB() & 0xFFFFFF, 40) > 100, chart + ": validation curve");
        }
        assertTrue(Files.readString(dir.resolve("m-evaluation.txt")).startsWith("Test loss: "), "old report replaced");
        try (Stream<Path> all = Files.list(dir)) {
            assertFalse(all.anyMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary files left");
        }

        writeSummary(dir.resolve("m.json"), history, "0".repeat(64));
        EvaluateModel.Result other = EvaluateModel.run(new EvaluateModel.Request(model, null, 200, dir.resolve("out")), TestData.mnist());
        assertTrue(other.historyNote().contains("belongs to another model file"), other.historyNote());
        assertFalse(Files.exists(dir.resolve("out").resolve("m-loss.png")));
    }

    private static void writeSummary(Path file, List<EpochStats> history, String sha) throws IOException {
        RunSummary summary = new RunSummary("2026-01-01T00:00:00Z", "test", MlpConfig.defaults(), 669_706, 60_000,
                10_000, history, new RunSummary.Test(0.1, 0.968, 9680, 10_000),
                new RunSummary.Timings(18, 9, 25, 1L << 30), new RunSummary.Model(file.toString(), sha, 1),
                new RunSummary.Reload(10_000, 10_000, 0, true), null);
        new ObjectMapper().writeValue(file.toFile(), summary);
    }

    @Test
    void badRequestsFailWithOneClearMessageBeforeAnyWork(@TempDir Path dir) throws IOException {
        AppException missing = assertThrows(AppException.class,
                () -> EvaluateModel.run(new EvaluateModel.Request(dir.resolve("none.zip"), null, 100, dir), TestData.mnist()));
        assertEquals("model file " + dir.resolve("none.zip") + " does not exist", missing.getMessage());
        AppException range = assertThrows(AppException.class,
                () -> EvaluateModel.run(new EvaluateModel.Request(TestModels.quickModelPath(), null, 0, dir), TestData.mnist()));
        assertEquals("test examples must be between 1 and 10000, got 0", range.getMessage());
        Path notADir = dir.resolve("file");
        Files.writeString(notADir, "x");
        AppException unwritable = assertThrows(AppException.class,
                () -> EvaluateModel.run(new EvaluateModel.Request(TestModels.quickModelPath(), null, 100, notADir), TestData.mnist()));
        assertTrue(unwritable.getMessage().startsWith("cannot write " + notADir), unwritable.getMessage());
        Path junk = dir.resolve("junk.zip");
        Files.writeString(junk, "not a model");
        AppException bad = assertThrows(AppException.class, () -> EvaluateModel.run(new EvaluateModel.Request(junk, null, 100, dir), TestData.mnist()));
        assertTrue(bad.getMessage().startsWith("cannot load model " + junk), bad.getMessage());
        try (Stream<Path> all = Files.list(dir)) {
            assertEquals(List.of(), all.filter(p -> p.toString().endsWith(".png")).toList(), "nothing written");
        }
    }
}
