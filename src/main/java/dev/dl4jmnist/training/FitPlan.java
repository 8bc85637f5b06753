package dev.dl4jmnist.training;

/**
 * How a fit runs: the number of epochs, early stopping (null: none), where each epoch's checkpoint goes
 * (null: nowhere) and the checkpoint to continue from (null: a fresh start).
 */
public record FitPlan(int epochs, EarlyStopping earlyStopping, CheckpointSink checkpoints, Checkpoint resumeFrom) {

    /** All {@code epochs}, no early stopping, no checkpoints. */
    public static FitPlan epochs(int epochs) {
        return new FitPlan(epochs, null, null, null);
    }
}
