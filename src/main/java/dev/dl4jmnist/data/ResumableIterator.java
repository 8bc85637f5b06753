package dev.dl4jmnist.data;

import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

/**
 * A training iterator whose order of minibatches (the shuffled order, the position in it and the random
 * generators that shuffle and vary the images) can be saved and restored exactly, so that a resumed run
 * sees the same minibatches as an uninterrupted one.
 */
public interface ResumableIterator extends DataSetIterator {
    /**
     * Appends pictures that are not digits to every minibatch from now on (outlier exposure), after any
     * pre-processor; their order is part of {@link #orderState()}.
     */
    void mixNonDigits(NonDigitMixing mixing);

    /** The order's complete state, as bytes to keep in a checkpoint. */
    byte[] orderState();

    /**
     * Puts the iterator back in the state {@link #orderState()} returned.
     *
     * @throws dev.dl4jmnist.AppException when the state is not one of this iterator's (another subset size, damaged bytes)
     */
    void restoreOrder(byte[] state);
}
