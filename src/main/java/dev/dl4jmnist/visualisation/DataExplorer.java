package dev.dl4jmnist.visualisation;

import dev.dl4jmnist.AppException;
import dev.dl4jmnist.data.MnistData;
import dev.dl4jmnist.data.MnistImages;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The tutorial's look at the data before training: shapes, a 3×3 grid of random training images titled
 * "Class Label: N", the pixel matrix of one digit, and how many images each label has.
 */
public final class DataExplorer {
    /** Images in the sample grid. */
    public static final int SAMPLES = 9;
    /** Columns of the sample grid. */
    public static final int COLUMNS = 3;

    private DataExplorer() {
    }

    /**
     * Draws the sample grid into {@code gridFile} and gathers the rest.
     *
     * @param seed  chooses the sample images (the same seed always chooses the same images)
     * @param index the training image whose pixels are printed, or null for the last image of the grid
     */
    public static Exploration explore(MnistData data, long seed, Integer index, Path gridFile) {
        MnistImages train = data.trainImages();
        if (index != null && (index < 0 || index >= train.size())) {
            throw new AppException("index must be between 0 and " + (train.size() - 1) + " (a training image), got " + index);
        }
        MnistImages test = data.testImages();
        int[] samples = sampleIndices(seed, train.size());
        DigitGrid.writePng(gridFile, sampleTiles(train, samples), COLUMNS);
        int[] sampleLabels = new int[samples.length];
        for (int i = 0; i < samples.length; i++) {
            sampleLabels[i] = train.labels()[samples[i]];
        }
        int shown = index != null ? index : samples[samples.length - 1];
        return new Exploration(data.location(), train.size(), test.size(), train.rows(), train.cols(), seed, samples,
                sampleLabels, gridFile, shown, train.labels()[shown], PixelMatrix.format(train.pixels()[shown], train.cols()),
                train.labelCounts(), test.labelCounts());
    }

    /** {@link #SAMPLES} distinct indices in [0, size), drawn with {@code new Random(seed)}. */
    public static int[] sampleIndices(long seed, int size) {
        Random random = new Random(seed);
        Set<Integer> chosen = new LinkedHashSet<>();
        while (chosen.size() < Math.min(SAMPLES, size)) {
            chosen.add(random.nextInt(size));
        }
        return chosen.stream().mapToInt(Integer::intValue).toArray();
    }

    /** One tile per index: the image and the title "Class Label: N" with its true label. */
    public static List<DigitTile> sampleTiles(MnistImages images, int[] indices) {
        List<DigitTile> tiles = new ArrayList<>();
        for (int i : indices) {
            tiles.add(new DigitTile(images.pixels()[i], "Class Label: " + images.labels()[i]));
        }
        return tiles;
    }
}
