package dev.dl4jmnist.training;

import java.util.List;

/** Receives training progress (a console progress bar, a log, a live page, or nothing). */
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

    /** Every one of {@code all}, in order. */
    static TrainingProgress all(TrainingProgress... all) {
        List<TrainingProgress> each = List.of(all);
        return new TrainingProgress() {
            @Override
            public void resumed(Checkpoint from, int epochs) {
                each.forEach(p -> p.resumed(from, epochs));
            }

            @Override
            public void epochStarted(int epoch, int epochs, int steps) {
                each.forEach(p -> p.epochStarted(epoch, epochs, steps));
            }

            @Override
            public void stepFinished(StepStats step) {
                each.forEach(p -> p.stepFinished(step));
            }

            @Override
            public void epochFinished(EpochStats stats, int epochs) {
                each.forEach(p -> p.epochFinished(stats, epochs));
            }

            @Override
            public void trainingFinished(FitResult result) {
                each.forEach(p -> p.trainingFinished(result));
            }
        };
    }

    /** Training continues after {@code from}'s epoch. */
    default void resumed(Checkpoint from, int epochs) {
    }

    default void epochStarted(int epoch, int epochs, int steps) {
    }

    /** After each step, with its learning rate and batch size. */
    default void stepFinished(StepStats step) {
        stepFinished(step.step(), step.runningLoss(), step.runningAccuracy());
    }

    /** After each step: the running mean loss and accuracy of the epoch so far. */
    default void stepFinished(int step, double runningLoss, double runningAccuracy) {
    }

    default void epochFinished(EpochStats stats, int epochs) {
    }

    /** After the last epoch (or early stopping), before anything is evaluated or saved. */
    default void trainingFinished(FitResult result) {
    }
}
