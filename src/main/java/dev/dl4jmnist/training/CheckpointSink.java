package dev.dl4jmnist.training;

/** Where the trainer hands a checkpoint at the end of every epoch (a {@link CheckpointStore}, or a test's list). */
@FunctionalInterface
public interface CheckpointSink {
    void write(Checkpoint checkpoint);
}
