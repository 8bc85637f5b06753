package dev.dl4jmnist.data;

import dev.dl4jmnist.AppException;
import org.deeplearning4j.datasets.iterator.impl.MnistDataSetIterator;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The tutorial's data, served by DL4J's {@link MnistDataSetIterator} from a verified directory:
 * pixels scaled to [0,1] (not binarised), labels one-hot over 10 classes, training data reshuffled
 * at every epoch with a seeded generator, test data in file order.
 */
public final class MnistData {
    public static final int TRAIN_SIZE = 60_000;
    public static final int TEST_SIZE = 10_000;
    public static final int PIXELS = 28 * 28;
    public static final int CLASSES = 10;

    private final MnistLocation location;

    public MnistData(MnistLocation location) {
        this.location = location;
    }

    /** Locates (and if needed unpacks or downloads) MNIST with the standard search order. */
    public static MnistData locate(Path explicitDir) {
        return new MnistData(MnistLocator.standard().locate(explicitDir));
    }

    public MnistLocation location() {
        return location;
    }

    /** All 60,000 training images and labels as raw bytes. */
    public MnistImages trainImages() {
        return MnistImages.read(location.directory().resolve("train-images-idx3-ubyte"),
                location.directory().resolve("train-labels-idx1-ubyte"));
    }

    /** All 10,000 test images and labels as raw bytes, in file order (the order of {@link #test}). */
    public MnistImages testImages() {
        return MnistImages.read(location.directory().resolve("t10k-images-idx3-ubyte"),
                location.directory().resolve("t10k-labels-idx1-ubyte"));
    }

    /** The first {@code examples} training images, reshuffled every epoch (on reset) from {@code seed}. */
    public DataSetIterator train(int batchSize, int examples, long seed) {
        return iterator(batchSize, examples, true, true, seed);
    }

    /** The first {@code examples} test images in file order. */
    public DataSetIterator test(int batchSize, int examples) {
        return iterator(batchSize, examples, false, false, 0);
    }

    private DataSetIterator iterator(int batchSize, int examples, boolean train, boolean shuffle, long seed) {
        int max = train ? TRAIN_SIZE : TEST_SIZE;
        SubsetLimits.require((train ? "training" : "test") + " examples", examples, max);
        try {
            return new MnistDataSetIterator(batchSize, examples, false, train, shuffle, seed,
                    location.directory().toFile());
        } catch (IOException e) {
            throw new AppException("cannot read MNIST from " + location.directory() + ": " + e.getMessage(), e);
        }
    }
}
