package dev.dl4jmnist.data;

import dev.dl4jmnist.AppException;
import dev.dl4jmnist.platform.NativePlatform;
import org.deeplearning4j.datasets.iterator.impl.MnistDataSetIterator;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The tutorial's data, from DL4J's {@link MnistDataSetIterator} reading a verified directory: pixels
 * scaled to [0,1] (not binarised), labels one-hot over 10 classes, training data reshuffled at every
 * epoch with a seeded generator, test data in file order. Each set is converted by the iterator once
 * and kept in memory; its minibatches are served from that copy in the iterator's own order
 * ({@link InMemoryMnistIterator}).
 */
public final class MnistData {
    public static final int TRAIN_SIZE = 60_000;
    public static final int TEST_SIZE = 10_000;
    public static final int PIXELS = 28 * 28;
    public static final int CLASSES = 10;
    /**
     * How many training images {@code train} keeps back by default, never to train on: the last 5,000 of the
     * 60,000, on which a model's calibration is fitted after training.
     */
    public static final int HELD_OUT = 5_000;

    /** Images converted per read while loading a whole set (keeps the converter's temporary heap small). */
    private static final int LOAD_CHUNK = 5_000;

    private final MnistLocation location;
    private DataSet trainSet;
    private DataSet testSet;

    public MnistData(MnistLocation location) {
        NativePlatform.configure();                    // before the iterator first loads ND4J
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

    /** {@code examples} training images, drawn from all 60,000, reshuffled every epoch (on reset) from {@code seed}. */
    public ResumableIterator train(int batchSize, int examples, long seed) {
        return train(batchSize, examples, seed, 0);
    }

    /**
     * {@code examples} training images drawn from the first {@code 60,000 - heldOut} only, reshuffled every epoch
     * (on reset) from {@code seed}: the last {@code heldOut} images ({@link #heldOut}) are never among them.
     */
    public ResumableIterator train(int batchSize, int examples, long seed, int heldOut) {
        SubsetLimits.require("held-out images", heldOut, TRAIN_SIZE - 1, 0);
        SubsetLimits.require("training examples", examples, TRAIN_SIZE - heldOut);
        DataSet all = trainSet();
        DataSet kept = heldOut == 0 ? all : new DataSet(
                all.getFeatures().get(NDArrayIndex.interval(0, TRAIN_SIZE - heldOut), NDArrayIndex.all()),
                all.getLabels().get(NDArrayIndex.interval(0, TRAIN_SIZE - heldOut), NDArrayIndex.all()));
        return new InMemoryMnistIterator(kept, examples, batchSize, true, seed);
    }

    /** The last {@code heldOut} training images, in file order: the ones {@code train(…, heldOut)} never trains on. */
    public MnistImages heldOut(int heldOut) {
        SubsetLimits.require("held-out images", heldOut, TRAIN_SIZE - 1);
        return trainImages().slice(TRAIN_SIZE - heldOut, TRAIN_SIZE);
    }

    /** In words, which training images {@code heldOut(n)} holds, numbered from 1 as a person counts them. */
    public static String describeHeldOut(int heldOut) {
        return String.format(java.util.Locale.ROOT, "MNIST training images %,d–%,d (the last %,d, never trained on)",
                TRAIN_SIZE - heldOut + 1, TRAIN_SIZE, heldOut);
    }

    /** The first {@code examples} test images in file order. */
    public DataSetIterator test(int batchSize, int examples) {
        SubsetLimits.require("test examples", examples, TEST_SIZE);
        return new InMemoryMnistIterator(testSet(), examples, batchSize, false, 0);
    }

    private synchronized DataSet trainSet() {
        if (trainSet == null) {
            trainSet = wholeSet(true);
        }
        return trainSet;
    }

    private synchronized DataSet testSet() {
        if (testSet == null) {
            testSet = wholeSet(false);
        }
        return testSet;
    }

    /** Every image of a set, converted once by MnistDataSetIterator (in file order, a chunk at a time) into one array. */
    private DataSet wholeSet(boolean train) {
        int total = train ? TRAIN_SIZE : TEST_SIZE;
        INDArray features = Nd4j.create(DataType.FLOAT, total, PIXELS);
        INDArray labels = Nd4j.create(DataType.FLOAT, total, CLASSES);
        try {
            MnistDataSetIterator source = new MnistDataSetIterator(LOAD_CHUNK, total, false, train, false, 0,
                    location.directory().toFile());
            int row = 0;
            while (source.hasNext()) {
                DataSet chunk = source.next();
                int n = chunk.numExamples();
                features.get(NDArrayIndex.interval(row, row + n), NDArrayIndex.all()).assign(chunk.getFeatures());
                labels.get(NDArrayIndex.interval(row, row + n), NDArrayIndex.all()).assign(chunk.getLabels());
                row += n;
            }
        } catch (IOException e) {
            throw new AppException("cannot read MNIST from " + location.directory() + ": " + e.getMessage(), e);
        }
        return new DataSet(features, labels);
    }
}
