package dev.dl4jmnist.training;

/** Receives training progress (a console progress bar, a log, or nothing). */
public interface TrainingProgress {
    /** No output at all. */
    TrainingProgress SILENT = new TrainingProgress() {
    };

    /** Keras's plain output: "Epoch i/n", then the epoch's line ({@link EpochStats#kerasLine()}). */
    static TrainingProgress printingTo(java.io.PrintStream out) {
        return new TrainingProgress() {
            @Override
            public void epochStarted(int epoch, int epochs, int steps) {
                out.printf(java.util.Locale.ROOT, "Epoch %d/%d%n", epoch, epochs);
            }

            @Override
            public void epochFinished(EpochStats stats, int epochs) {
                out.println(stats.kerasLine());
            }
        };
    }

    default void epochStarted(int epoch, int epochs, int steps) {
    }

    /** After each step: the running mean loss and accuracy of the epoch so far. */
    default void stepFinished(int step, double runningLoss, double runningAccuracy) {
    }

    default void epochFinished(EpochStats stats, int epochs) {
    }
}
