package dev.dl4jmnist.visualisation;

import dev.dl4jmnist.data.DataShapes;
import dev.dl4jmnist.data.MnistLocation;

import java.nio.file.Path;
import java.util.Locale;

/**
 * What {@code explore} found: the data's shapes, the random training images shown in the sample grid
 * (and the seed that chose them), one digit's pixel matrix, and the label counts of both sets.
 */
public record Exploration(MnistLocation data, int trainSize, int testSize, int rows, int cols, long seed,
                          int[] sampleIndices, int[] sampleLabels, Path gridFile, int matrixIndex, int matrixLabel,
                          String pixelMatrix, int[] trainCounts, int[] testCounts) {

    /** The tutorial's shape printout: raw images, then the flattened, one-hot arrays the model sees. */
    public String shapesText() {
        return String.format(Locale.ROOT, "Printing the shapes for validation. Format for shape : (n_elements, n_rows, n_cols)%n"
                        + "X_train: (%d, %d, %d)   y_train: (%d,)%n"
                        + "X_test:  (%d, %d, %d)   y_test:  (%d,)%n"
                        + "Flattened and one-hot encoded for the model:%n%s%n",
                trainSize, rows, cols, trainSize, testSize, rows, cols, testSize,
                DataShapes.of(trainSize, testSize).format());
    }

    /** Label counts of both sets as a small table with totals. */
    public String labelCountsText() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-7s", "label"));
        for (int d = 0; d < trainCounts.length; d++) {
            sb.append(String.format(Locale.ROOT, "%6d", d));
        }
        sb.append(String.format(Locale.ROOT, "%8s%n", "total"));
        appendCounts(sb, "train", trainCounts);
        appendCounts(sb, "test", testCounts);
        return sb.toString();
    }

    private static void appendCounts(StringBuilder sb, String name, int[] counts) {
        sb.append(String.format(Locale.ROOT, "%-7s", name));
        int total = 0;
        for (int c : counts) {
            sb.append(String.format(Locale.ROOT, "%6d", c));
            total += c;
        }
        sb.append(String.format(Locale.ROOT, "%8d%n", total));
    }
}
