package dev.dl4jmnist.cli;

import dev.dl4jmnist.FullTier;
import dev.dl4jmnist.RawIdx;
import dev.dl4jmnist.TestData;
import dev.dl4jmnist.TestModels;
import dev.dl4jmnist.data.MnistImages;
import dev.dl4jmnist.evaluation.EvaluationResult;
import dev.dl4jmnist.evaluation.Evaluator;
import dev.dl4jmnist.evaluation.PredictionSplit;
import dev.dl4jmnist.visualisation.ImageChecks;
import dev.dl4jmnist.visualisation.TrainingCharts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The explore and evaluate commands, and the pictures a train run writes, through the command line. */
class PicturesCliTest {

    private static String dataDir() {
        return TestData.mnist().location().directory().toString();
    }

    @Test
    void explorePrintsShapesPixelMatrixAndCountsAndWritesTheGrid(@TempDir Path dir) {
        Path grid = dir.resolve("samples.png");
        CliRunner r = CliRunner.run("explore", "--data-dir", dataDir(), "--seed", "11", "--index", "7", "--grid", grid.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("", r.err());
        assertTrue(r.out().contains("X_train: (60000, 28, 28)   y_train: (60000,)"), r.out());
        assertTrue(r.out().contains("Sample training images (seed 11)"), r.out());
        assertTrue(r.out().contains("Wrote " + grid), r.out());
        assertTrue(Files.isRegularFile(grid));
        int label = RawIdx.label(RawIdx.trainLabels(), 7);
        assertTrue(r.out().contains("Pixel matrix of training image 7 (label " + label + "):"), r.out());
        // the 28 printed rows are exactly training image 7's bytes
        List<String> lines = r.out().lines().toList();
        int first = lines.indexOf("Pixel matrix of training image 7 (label " + label + "):") + 1;
        byte[] raw = RawIdx.image(RawIdx.trainImages(), 7);
        for (int row = 0; row < 28; row++) {
            String[] numbers = lines.get(first + row).replace("[", " ").replace("]", " ").trim().split("\\s+");
            assertEquals(28, numbers.length);
            for (int c = 0; c < 28; c++) {
                assertEquals(raw[row * 28 + c] & 0xFF, Integer.parseInt(numbers[c]), "row " + row + " col " + c);
            }
        }
        assertTrue(r.out().contains("train    5923  6742  5958  6131  5842  5421  5918  6265  5851  5949   60000"), r.out());
    }

    @Test
    void exploreWithTheSameSeedChoosesTheSameImages(@TempDir Path dir) {
        String a = CliRunner.run("explore", "--data-dir", dataDir(), "--seed", "5", "--grid", dir.resolve("a.png").toString()).out();
        String b = CliRunner.run("explore", "--data-dir", dataDir(), "--seed", "5", "--grid", dir.resolve("b.png").toString()).out();
        String line = a.lines().filter(l -> l.startsWith("Sample training images")).findFirst().orElseThrow();
        assertTrue(b.contains(line), b);
    }

    @Test
    void exploreRejectsAnIndexOutsideTheTrainingSet(@TempDir Path dir) {
        Path grid = dir.resolve("g.png");
        CliRunner r = CliRunner.run("explore", "--data-dir", dataDir(), "--index", "60000", "--grid", grid.toString());
        assertEquals(MnistApp.EXIT_USAGE, r.exitCode());
        assertEquals("error: --index must be between 0 and 59999, got 60000", r.err().lines().findFirst().orElseThrow());
        assertFalse(r.err().contains("Exception"));
        assertFalse(Files.exists(grid));
    }

    @FullTier
    @Test
    void evaluatePrintsTheAnalysisAndEveryFileItWrites(@TempDir Path dir) throws Exception {
        CliRunner r = CliRunner.run("evaluate", "--model", TestModels.quickModelPath().toString(), "--data-dir", dataDir(),
                "--test-examples", "300", "--out-dir", dir.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("Test accuracy: "), r.out());
        assertTrue(r.out().matches("(?s).*Correct predictions: \\d+ of 300 \\(\\d+\\.\\d\\d%\\); incorrect: \\d+.*"), r.out());
        assertTrue(r.out().contains("true\\pred     0    1"), r.out());
        assertTrue(r.out().contains("macro avg"), r.out());
        for (String name : List.of("correct.png", "incorrect.png", "confusion.png", "evaluation.txt", "reliability.png")) {
            Path file = dir.resolve("quick-1-epoch-" + name);
            assertTrue(r.out().contains("Wrote " + file), "path printed: " + file);
        }
        assertTrue(r.out().matches("(?s).*Expected calibration error: \\d+\\.\\d\\d% \\(15 equal-width bins of the largest probability\\).*"), r.out());
        assertEquals(800, ImageIO.read(dir.resolve("quick-1-epoch-reliability.png").toFile()).getWidth());
        // the grids show the first nine correctly and incorrectly labelled test images, pixel for pixel
        EvaluationResult result = Evaluator.evaluate(TestModels.quickModel(), TestData.mnist().test(1000, 300));
        PredictionSplit split = PredictionSplit.of(result);
        MnistImages images = TestData.mnist().testImages();
        BufferedImage correct = ImageIO.read(dir.resolve("quick-1-epoch-correct.png").toFile());
        BufferedImage incorrect = ImageIO.read(dir.resolve("quick-1-epoch-incorrect.png").toFile());
        int[] firstCorrect = split.firstCorrect(9);
        int[] firstIncorrect = split.firstIncorrect(9);
        assertTrue(firstIncorrect.length > 0, "the one-epoch model gets some of 300 images wrong");
        for (int k = 0; k < firstCorrect.length; k++) {
            ImageChecks.assertTileShows(correct, k, 3, images.pixels()[firstCorrect[k]]);
        }
        for (int k = 0; k < firstIncorrect.length; k++) {
            ImageChecks.assertTileShows(incorrect, k, 3, images.pixels()[firstIncorrect[k]]);
        }
        // the report file holds the analysis printed, and the heat map draws its dark diagonal
        String report = Files.readString(dir.resolve("quick-1-epoch-evaluation.txt"));
        assertTrue(report.contains(String.format(java.util.Locale.ROOT, "Correct predictions: %d of 300", split.correct().length)), report);
        assertTrue(report.contains("macro avg"), report);
        BufferedImage heat = ImageIO.read(dir.resolve("quick-1-epoch-confusion.png").toFile());
        assertTrue(ImageChecks.countColour(heat, 0x4292c6, 30) > 3_000, "the diagonal cells are drawn dark");
    }

    @FullTier
    @Test
    void evaluateReportsUserErrorsInOneLine(@TempDir Path dir) throws Exception {
        CliRunner missing = CliRunner.run("evaluate", "--model", dir.resolve("nope.zip").toString(), "--data-dir", dataDir());
        assertEquals(MnistApp.EXIT_FAILURE, missing.exitCode());
        assertEquals("error: model file " + dir.resolve("nope.zip") + " does not exist" + System.lineSeparator(), missing.err());
        CliRunner range = CliRunner.run("evaluate", "--model", TestModels.quickModelPath().toString(), "--test-examples", "0");
        assertEquals(MnistApp.EXIT_USAGE, range.exitCode());
        assertTrue(range.err().startsWith("error: --test-examples must be between 1 and 10000, got 0"), range.err());
        // a model that cannot be loaded leaves no trace: the output directory is not created
        Path bad = dir.resolve("bad.zip");
        Files.writeString(bad, "not a model");
        CliRunner badModel = CliRunner.run("evaluate", "--model", bad.toString(), "--data-dir", dataDir(),
                "--out-dir", dir.resolve("new").resolve("sub").toString());
        assertEquals(MnistApp.EXIT_FAILURE, badModel.exitCode());
        assertEquals(List.of("error: cannot load model " + bad + ": not a DL4J model zip (it is not a zip file)"), badModel.errLines());
        assertFalse(Files.exists(dir.resolve("new")));
        CliRunner noModel = CliRunner.run("evaluate");
        assertEquals(MnistApp.EXIT_USAGE, noModel.exitCode());
        assertTrue(noModel.err().startsWith("error: Missing required option: '--model=ZIP'"), noModel.err());
    }

    @Test
    void trainWritesCurvesGridsAndAnalysisBesideItsSummary(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("tiny.zip");
        CliRunner r = CliRunner.run("train", "--data-dir", dataDir(), "--epochs", "2", "--train-examples", "1000", "--test-examples", "300",
                "--model", model.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(Files.isRegularFile(dir.resolve("tiny.json")));
        for (String name : List.of("loss.png", "accuracy.png", "correct.png", "incorrect.png", "confusion.png", "evaluation.txt")) {
            Path file = dir.resolve("tiny-" + name);
            assertTrue(r.out().contains("Wrote " + file), "path printed: " + file + System.lineSeparator() + r.out());
        }
        // each curve shows both series, in the charts' colours
        for (String chart : List.of("tiny-loss.png", "tiny-accuracy.png")) {
            BufferedImage image = ImageIO.read(dir.resolve(chart).toFile());
            assertEquals(800, image.getWidth());
            assertTrue(ImageChecks.countColour(image, TrainingCharts.TRAINING_COLOUR.getRGB() & 0xFFFFFF, 40) > 100, chart);
            assertTrue(ImageChecks.countColour(image, TrainingCharts.VALIDATION_COLOUR.getRGB() & 0xFFFFFF, 40) > 100, chart);
        }
        assertTrue(r.out().matches("(?s).*Correct predictions: \\d+ of 300 .*"), r.out());
    }
}
