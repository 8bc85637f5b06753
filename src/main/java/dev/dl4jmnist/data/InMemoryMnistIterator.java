package dev.dl4jmnist.data;

import dev.dl4jmnist.AppException;
import org.nd4j.common.util.MathUtils;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * {@code MnistDataSetIterator}'s minibatches, served from one in-memory copy of the set that the
 * iterator converted once, instead of converting every batch from bytes again. It keeps the
 * iterator's order exactly: the same seeded {@link Random}, the same shuffles at construction and at
 * every {@link #reset()} (a subset of n images is drawn by the first shuffle of the whole set, then
 * reshuffled among itself), so the batches, and so the training, are the same as the iterator's.
 * A shuffled (training) iterator's minibatch is valid until the next one is taken. Its order (and the
 * augmentation's generator, when there is one) can be saved and restored ({@link ResumableIterator}).
 */
final class InMemoryMnistIterator implements ResumableIterator {
    /** The version of {@link #orderState()}'s layout. */
    private static final int STATE_FORMAT = 2;

    private final INDArray features;   // every image of the set, in file order
    private final INDArray labels;
    private final int examples;
    private final int batch;
    private final boolean shuffle;
    private final int[] order;
    private Random rng;
    private boolean firstShuffle = true;
    private int cursor;
    private DataSetPreProcessor preProcessor;
    private NonDigitMixing nonDigits;
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
        if (nonDigits != null) {
            nonDigits.preProcess(ds);
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
    public void mixNonDigits(NonDigitMixing mixing) {
        this.nonDigits = mixing;
    }

    @Override
    public byte[] orderState() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(order.length * 4 + 256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(STATE_FORMAT);
            out.writeInt(examples);
            out.writeInt(order.length);
            for (int i : order) {
                out.writeInt(i);
            }
            out.writeInt(cursor);
            out.writeBoolean(firstShuffle);
            writeRandom(out, rng);
            Random augmentation = preProcessor instanceof AugmentingPreProcessor a ? a.random() : null;
            out.writeBoolean(augmentation != null);
            if (augmentation != null) {
                writeRandom(out, augmentation);
            }
            out.writeBoolean(nonDigits != null);
            if (nonDigits != null) {
                nonDigits.writeState(out);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot write to memory", e);
        }
        return bytes.toByteArray();
    }

    @Override
    public void restoreOrder(byte[] state) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(state))) {
            if (in.readInt() != STATE_FORMAT) {
                throw new AppException("the data order was saved in an unknown layout");
            }
            int savedExamples = in.readInt();
            int length = in.readInt();
            if (savedExamples != examples || length != order.length) {
                throw new AppException("the data order is for " + savedExamples + " of " + length
                        + " images, this run uses " + examples + " of " + order.length);
            }
            int[] savedOrder = new int[length];
            for (int i = 0; i < length; i++) {
                savedOrder[i] = in.readInt();
            }
            int savedCursor = in.readInt();
            boolean savedFirst = in.readBoolean();
            Random savedRng = readRandom(in);
            Random augmentation = in.readBoolean() ? readRandom(in) : null;
            if ((augmentation != null) != (preProcessor instanceof AugmentingPreProcessor)) {
                throw new AppException("the data order was saved " + (augmentation != null ? "with" : "without")
                        + " augmentation, this run is " + (augmentation != null ? "without" : "with") + " it");
            }
            boolean mixed = in.readBoolean();
            if (mixed != (nonDigits != null)) {
                throw new AppException("the data order was saved " + (mixed ? "with" : "without")
                        + " non-digit pictures, this run is " + (mixed ? "without" : "with") + " them");
            }
            if (mixed) {
                nonDigits.readState(in);
            }
            System.arraycopy(savedOrder, 0, order, 0, length);
            cursor = savedCursor;
            firstShuffle = savedFirst;
            rng = savedRng;
            if (augmentation != null) {
                ((AugmentingPreProcessor) preProcessor).restoreRandom(augmentation);
            }
        } catch (IOException e) {
            throw new AppException("the data order is damaged (" + e.getMessage() + ")", e);
        }
    }

    /** A generator's exact state: java.util.Random serialises its seed (and its spare Gaussian). */
    static void writeRandom(DataOutputStream out, Random random) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream object = new ObjectOutputStream(bytes)) {
            object.writeObject(random);
        }
        out.writeInt(bytes.size());
        bytes.writeTo(out);
    }

    /** Reads back a generator written by {@link #writeRandom}; nothing but a java.util.Random is accepted. */
    static Random readRandom(DataInputStream in) throws IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        try (ObjectInputStream object = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            object.setObjectInputFilter(info -> info.serialClass() == null || info.serialClass() == Random.class
                    ? ObjectInputFilter.Status.ALLOWED : ObjectInputFilter.Status.REJECTED);
            return (Random) object.readObject();
        } catch (ClassNotFoundException | ClassCastException e) {
            throw new InvalidClassException("not a random generator: " + e.getMessage());
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
