package dev.dl4jmnist.training;

/**
 * One epoch as Keras's {@code history} records it: mean training loss and accuracy over the epoch's
 * batches (with dropout active, before each update), then loss and accuracy on the validation set.
 * {@code seconds} covers training and validation; {@code trainSeconds} the training steps alone.
 */
public record EpochStats(int epoch, int steps, double loss, double accuracy, double valLoss, double valAccuracy,
                         double seconds, double trainSeconds) {
}
