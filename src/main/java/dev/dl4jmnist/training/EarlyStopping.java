package dev.dl4jmnist.training;

import dev.dl4jmnist.AppException;

/**
 * Keras's {@code EarlyStopping(monitor="val_loss", patience, min_delta, restore_best_weights=True)}: an
 * epoch improves when its validation loss is lower than the best so far by more than {@code minDelta};
 * training stops after {@code patience} epochs in a row without improvement.
 */
public record EarlyStopping(int patience, double minDelta) {
    public EarlyStopping {
        if (patience < 1) {
            throw new AppException("early-stopping patience must be at least 1 epoch, got " + patience);
        }
        if (!(minDelta >= 0) || !Double.isFinite(minDelta)) {
            throw new AppException("the minimum improvement must be 0 or more, got " + minDelta);
        }
    }

    /** Whether {@code valLoss} improves on {@code best} (the best validation loss so far; NaN for none). */
    public boolean improves(double best, double valLoss) {
        return Double.isNaN(best) ? !Double.isNaN(valLoss) : valLoss < best - minDelta;
    }

    /** Whether training stops after {@code epoch} when the best epoch so far is {@code bestEpoch}. */
    public boolean stopsAfter(int epoch, int bestEpoch) {
        return epoch - bestEpoch >= patience;
    }
}
