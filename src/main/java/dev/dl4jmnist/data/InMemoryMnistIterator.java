package dev.dl4jmnist.data;

import org.nd4j.common.util.MathUtils;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * {@code MnistDataSetIterator}'s minibatches, served from one in-memory copy of the set that the
 * iterator converted once, instead of converting every batch from bytes again. It keeps the
 * iterator's order exactly: the same seeded {@link Random}, the same shuffles at construction and at
 * every {@link #reset()} (a subset of n images is drawn by the first shuffle of the whole set, then
 * reshuffled among itself), so the batches, and so the training, are the same as the iterator's.
 * A shuffled (training) iterator's minibatch is valid until the next one is taken.
 */
final class InMemoryMnistIterator implements DataSetIterator {
    private final INDArray features;   // every image of the set, in file order
    private final INDArray labels;
    private final int examples;
    private final int batch;
    private final boolean shuffle;
    private final int[] order;
    private final Random rng;
    private boolean firstShuffle = true;
    private int cursor;
    private DataSetPreProcessor preProcessor;
    private DataSet previous;

    InMemoryMnistIterator(DataSet all, int examples, int batch, boolean shuffle, long seed) {
        this.features = all.getFeatures();
        this.labels = all.getLabels();
        this.examples = examples;
        this.batch = batch;
        this.shuffle = shuffle;
        this.order = new int[(int) features.rows()];
        Arrays.setAll(order, i -> i);
        this.rng = new Random(seed);
        reset();
    }

    @Override
    public void reset() {
        cursor = 0;
        if (!shuffle) {
            return;
        }
        if (examples < order.length) {
            if (firstShuffle) {
                MathUtils.shuffleArray(order, rng);
                firstShuffle = false;
            } else {
                MathUtils.shuffleArraySubset(order, examples, rng);
            }
        } else {
            MathUtils.shuffleArray(order, rng);
        }
    }

    @Override
    public boolean hasNext() {
        return cursor < examples;
    }

    @Override
    public DataSet next() {
        return next(batch);
    }

    @Override
    public DataSet next(int num) {
        if (!hasNext()) {
            throw new java.util.NoSuchElementException("no more minibatches in this epoch");
        }
        int[] rows = Arrays.copyOfRange(order, cursor, Math.min(cursor + num, examples));
        cursor += rows.length;
        releasePrevious();
        DataSet ds = new DataSet(Nd4j.pullRows(features, 1, rows), Nd4j.pullRows(labels, 1, rows));
        if (shuffle) {
            previous = ds;
        }
        if (preProcessor != null) {
            preProcessor.preProcess(ds);
        }
        return ds;
    }

    /**
     * Training takes one minibatch at a time, so a training epoch's previous minibatch is freed when
     * the next is taken rather than left to a garbage collection (0.4 MB of native memory per step,
     * 190 MB per epoch). Test-set batches are kept: evaluation holds on to their labels.
     */
    private void releasePrevious() {
        if (previous != null) {
            previous.getFeatures().close();
            previous.getLabels().close();
            previous = null;
        }
    }

    @Override
    public int inputColumns() {
        return (int) features.columns();
    }

    @Override
    public int totalOutcomes() {
        return (int) labels.columns();
    }

    @Override
    public boolean resetSupported() {
        return true;
    }

    /** In memory already: a prefetching thread would only compete with training for the cores. */
    @Override
    public boolean asyncSupported() {
        return false;
    }

    @Override
    public int batch() {
        return batch;
    }

    @Override
    public void setPreProcessor(DataSetPreProcessor preProcessor) {
        this.preProcessor = preProcessor;
    }

    @Override
    public DataSetPreProcessor getPreProcessor() {
        return preProcessor;
    }

    @Override
    public List<String> getLabels() {
        return null;
    }
}
