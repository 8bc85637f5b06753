package dev.dl4jmnist.data;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.DataSet;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Random;

/**
 * Outlier exposure (Hendrycks et al., 2019): appends pictures that are not digits ({@link NonDigits}) to every
 * training minibatch, each labelled with the uniform distribution over the ten digits, so that the network learns
 * to be unsure of what is not a digit. With half a batch of them, the mean cross-entropy over the rows is the
 * paper's objective with its weight of 0.5: the digits' loss plus half the non-digits' loss to uniform. The
 * pictures come from a pool made once from a seed and are drawn in a seeded order, a fresh shuffle per pass.
 */
public final class NonDigitMixing implements DataSetPreProcessor {
    /** Non-digit rows per digit row of a batch (the paper's weight: half a batch). */
    public static final double PER_DIGIT = 0.5;
    /** Pictures in the pool that training draws from. */
    public static final int POOL = 20_000;
    /** The seed of the training pool; the pictures from other seeds are never trained on. */
    public static final long POOL_SEED = 1;

    private final INDArray pool;
    private final int[] order;
    private Random rng;
    private int cursor;

    private NonDigitMixing(float[][] pictures, long seed) {
        this.pool = Nd4j.create(pictures);
        this.order = new int[pictures.length];
        java.util.Arrays.setAll(order, i -> i);
        this.rng = new Random(seed);
        shuffle();
    }

    /** The standard pool ({@link #POOL} pictures from {@link #POOL_SEED}), drawn in an order from {@code seed}. */
    public static NonDigitMixing standard(long seed) {
        return new NonDigitMixing(NonDigits.images(POOL, POOL_SEED), seed);
    }

    /**
     * The standard pool without the pictures of one kind, drawn in an order from {@code seed}: how well a
     * network refuses a kind of non-digit it was never shown (the unseen-kinds benchmark) says how it may
     * fare on non-digits nobody here thought of.
     */
    public static NonDigitMixing withoutKind(NonDigits.Kind left, long seed) {
        float[][] all = NonDigits.images(POOL, POOL_SEED);
        return new NonDigitMixing(java.util.stream.IntStream.range(0, all.length)
                .filter(i -> NonDigits.kindOf(i) != left).mapToObj(i -> all[i]).toArray(float[][]::new), seed);
    }

    /** How many non-digits a batch of {@code digits} digits gets. */
    public static int perBatch(int digits) {
        return (int) Math.round(PER_DIGIT * digits);
    }

    /** Whether a label row is a non-digit's (uniform) rather than a digit's (one-hot). */
    public static boolean isNonDigitRow(INDArray labels, int row) {
        return labels.getDouble(row, 0) > 0 && labels.getDouble(row, 0) < 0.5;
    }

    @Override
    public void preProcess(DataSet batch) {
        INDArray features = batch.getFeatures();
        int digits = (int) features.size(0);
        int extra = perBatch(digits);
        if (extra == 0) {
            return;
        }
        int[] rows = new int[extra];
        for (int i = 0; i < extra; i++) {
            if (cursor == order.length) {
                shuffle();
            }
            rows[i] = order[cursor++];
        }
        INDArray pictures = pool.getRows(rows).castTo(features.dataType());
        INDArray uniform = Nd4j.valueArrayOf(new long[]{extra, MnistData.CLASSES}, 1.0 / MnistData.CLASSES)
                .castTo(batch.getLabels().dataType());
        batch.setFeatures(Nd4j.concat(0, features, pictures));
        batch.setLabels(Nd4j.concat(0, batch.getLabels(), uniform));
    }

    /** The order, the position in it and the generator, for a checkpoint. */
    void writeState(java.io.DataOutputStream out) throws java.io.IOException {
        out.writeInt(order.length);
        for (int i : order) {
            out.writeInt(i);
        }
        out.writeInt(cursor);
        InMemoryMnistIterator.writeRandom(out, rng);
    }

    /** Puts back what {@link #writeState} wrote. */
    void readState(java.io.DataInputStream in) throws java.io.IOException {
        int length = in.readInt();
        if (length != order.length) {
            throw new java.io.IOException("the non-digit pool had " + length + " pictures, this run's has " + order.length);
        }
        for (int i = 0; i < length; i++) {
            order[i] = in.readInt();
        }
        cursor = in.readInt();
        rng = InMemoryMnistIterator.readRandom(in);
    }

    private void shuffle() {
        for (int i = order.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        cursor = 0;
    }
}
