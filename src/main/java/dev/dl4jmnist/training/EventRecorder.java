package dev.dl4jmnist.training;

import java.util.function.Consumer;

/**
 * Turns training progress into {@link TrainingEvent}s for a live page and the run's history file: a
 * {@code step} event every {@link #EVERY} steps and at each epoch's last, an {@code epoch} event after
 * each validation, with the examples per second and an estimate of the time left.
 */
public final class EventRecorder implements TrainingProgress {
    /** Training points are recorded every this many steps (and at the end of each epoch). */
    public static final int EVERY = 10;

    private final Consumer<TrainingEvent> sink;
    private final String network;
    private int epoch;
    private int epochs;
    private int steps;
    private long lastStepNanos;
    private int examplesSinceEvent;
    private long nanosSinceEvent;
    // what the estimate of the time left rests on: steps and seconds trained, seconds validating, in this process
    private long stepsTimed;
    private double secondsTraining;
    private double secondsValidating;
    private int validations;

    /** @param network how the start event names the network */
    public EventRecorder(String network, Consumer<TrainingEvent> sink) {
        this.network = network;
        this.sink = sink;
    }

    @Override
    public void resumed(Checkpoint from, int epochs) {
        this.epochs = epochs;
        sink.accept(TrainingEvent.resume(from.epoch(), epochs, from.history().isEmpty() ? 0 : from.history().get(0).steps()));
    }

    @Override
    public void epochStarted(int epoch, int epochs, int steps) {
        if (this.epochs == 0) {
            sink.accept(TrainingEvent.start(epochs, steps, network));
        }
        this.epoch = epoch;
        this.epochs = epochs;
        this.steps = steps;
        lastStepNanos = System.nanoTime();
    }

    @Override
    public void stepFinished(StepStats s) {
        long now = System.nanoTime();
        long nanos = now - lastStepNanos;
        lastStepNanos = now;
        stepsTimed++;
        secondsTraining += nanos / 1e9;
        examplesSinceEvent += s.examples();
        nanosSinceEvent += nanos;
        if (s.step() % EVERY == 0 || s.step() == s.steps()) {
            double perSecond = nanosSinceEvent > 0 ? examplesSinceEvent / (nanosSinceEvent / 1e9) : Double.NaN;
            sink.accept(TrainingEvent.step(epoch, s, perSecond, secondsLeft(s.step(), true)));
            examplesSinceEvent = 0;
            nanosSinceEvent = 0;
        }
    }

    @Override
    public void epochFinished(EpochStats stats, int epochs) {
        secondsValidating += (System.nanoTime() - lastStepNanos) / 1e9;
        validations++;
        sink.accept(TrainingEvent.epoch(stats, secondsLeft(steps, false)));
    }

    @Override
    public void trainingFinished(FitResult result) {
        sink.accept(TrainingEvent.end(result));
    }

    /**
     * The time left after {@code step} of the current epoch, its validation still to come or done: the steps
     * and validations to go at this run's pace so far.
     */
    double secondsLeft(int step, boolean validationPending) {
        if (stepsTimed == 0) {
            return Double.NaN;
        }
        long stepsLeft = (long) (epochs - epoch) * steps + (steps - step);
        int validationsLeft = epochs - epoch + (validationPending ? 1 : 0);
        double perValidation = validations == 0 ? 0 : secondsValidating / validations;
        return stepsLeft * (secondsTraining / stepsTimed) + validationsLeft * perValidation;
    }
}
