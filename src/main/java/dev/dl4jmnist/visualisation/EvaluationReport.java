package dev.dl4jmnist.visualisation;

import dev.dl4jmnist.data.MnistImages;
import dev.dl4jmnist.evaluation.EvaluationResult;
import dev.dl4jmnist.evaluation.ModelAnalysis;
import dev.dl4jmnist.io.AtomicFiles;
import dev.dl4jmnist.io.FileNames;
import dev.dl4jmnist.training.EpochStats;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The pictures and analysis after training, as files: loss and accuracy curves, the first nine correctly
 * and incorrectly labelled test images, the confusion matrix as a heat map, and a text report with the
 * counts, the confusion matrix and per-class precision, recall and F1. Files are named
 * {@code <stem>-loss.png}, {@code -accuracy.png}, {@code -correct.png}, {@code -incorrect.png},
 * {@code -confusion.png} and {@code -evaluation.txt}.
 */
public final class EvaluationReport {
    /** Images in each correct/incorrect grid. */
    public static final int GRID_SIZE = 9;
    /** Columns of each correct/incorrect grid. */
    public static final int COLUMNS = 3;

    /** The analysis and every file written, in the order written. */
    public record Written(ModelAnalysis analysis, List<Path> files) {
    }

    private EvaluationReport() {
    }

    /**
     * Writes all files into {@code dir}. {@code history} may be empty (no curves are drawn); the incorrect
     * grid is skipped when every prediction is right, the correct grid when none is.
     */
    public static Written write(ModelAnalysis analysis, MnistImages testImages, List<EpochStats> history, Path dir,
                                String stem) {
        List<Path> files = new ArrayList<>();
        if (!history.isEmpty()) {
            Path loss = dir.resolve(stem + "-loss.png");
            TrainingCharts.writeLoss(loss, history);
            files.add(loss);
            Path accuracy = dir.resolve(stem + "-accuracy.png");
            TrainingCharts.writeAccuracy(accuracy, history);
            files.add(accuracy);
        }
        int[] correct = analysis.split().firstCorrect(GRID_SIZE);
        if (correct.length > 0) {
            Path file = dir.resolve(stem + "-correct.png");
            DigitGrid.writePng(file, predictionTiles(correct, analysis.result(), testImages), COLUMNS);
            files.add(file);
        }
        int[] incorrect = analysis.split().firstIncorrect(GRID_SIZE);
        if (incorrect.length > 0) {
            Path file = dir.resolve(stem + "-incorrect.png");
            DigitGrid.writePng(file, predictionTiles(incorrect, analysis.result(), testImages), COLUMNS);
            files.add(file);
        }
        Path confusion = dir.resolve(stem + "-confusion.png");
        ConfusionMatrixChart.writePng(confusion, analysis.confusion());
        files.add(confusion);
        Path text = dir.resolve(stem + "-evaluation.txt");
        AtomicFiles.writeString(text, text(analysis));
        files.add(text);
        return new Written(analysis, List.copyOf(files));
    }

    /** One tile per test index, titled "Predicted X, Class Y" from the model's prediction and the true label. */
    public static List<DigitTile> predictionTiles(int[] indices, EvaluationResult result, MnistImages testImages) {
        List<DigitTile> tiles = new ArrayList<>();
        for (int i : indices) {
            tiles.add(new DigitTile(testImages.pixels()[i], "Predicted " + result.predicted()[i] + ", Class " + result.labels()[i]));
        }
        return tiles;
    }

    /** The text report: counts, which images the grids show, the confusion matrix and per-class metrics. */
    public static String text(ModelAnalysis analysis) {
        return String.format(Locale.ROOT, "Test loss: %s%nTest accuracy: %s%n%s%n"
                        + "First correctly labelled test images:   %s%nFirst incorrectly labelled test images: %s%n%n%s%n%s",
                analysis.result().loss(), analysis.result().accuracy(), analysis.countsLine(),
                Arrays.toString(analysis.split().firstCorrect(GRID_SIZE)),
                Arrays.toString(analysis.split().firstIncorrect(GRID_SIZE)),
                analysis.confusion().format(), analysis.classes().format());
    }

    /** A model file's name without its extension: {@code models/mnist-mlp.zip} → {@code mnist-mlp}. */
    public static String stemOf(Path model) {
        return FileNames.stem(model);
    }
}
