package dev.dl4jmnist.training;

/**
 * One epoch as Keras's {@code history} records it: mean training loss and accuracy over the epoch's
 * batches (with dropout active, before each update), then loss and accuracy on the validation set.
 * {@code seconds} covers training and validation; {@code trainSeconds} the training steps alone.
 */
public record EpochStats(int epoch, int steps, double loss, double accuracy, double valLoss, double valAccuracy,
                         double seconds, double trainSeconds) {

    /** The line Keras prints after an epoch: {@code 469/469 - 9.5s - 19ms/step - loss: ... - val_accuracy: ...}. */
    public String kerasLine() {
        return String.format(java.util.Locale.ROOT,
                "%d/%d - %.1fs - %.0fms/step - loss: %.4f - accuracy: %.4f - val_loss: %.4f - val_accuracy: %.4f",
                steps, steps, seconds, 1000 * trainSeconds / Math.max(1, steps), loss, accuracy, valLoss, valAccuracy);
    }
}
