package dev.dl4jmnist.training;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One moment of a run, as the live page receives it and the run's {@code history.jsonl} keeps it (one
 * JSON object a line). {@code type} says which fields it has:
 * <ul>
 * <li>{@code start}: {@code epochs}, {@code steps} (per epoch), {@code message} (the network);</li>
 * <li>{@code resume}: {@code epoch} (the last one done before), {@code epochs}, {@code steps};</li>
 * <li>{@code step} (every few steps): {@code epoch}, {@code step}, {@code progress} (epochs done, fractional),
 *     running {@code loss} and {@code accuracy} of the epoch, {@code learningRate}, {@code examplesPerSecond},
 *     {@code secondsLeft};</li>
 * <li>{@code epoch}: {@code epoch}, {@code progress}, {@code loss}, {@code accuracy}, {@code valLoss},
 *     {@code valAccuracy}, {@code seconds}, {@code secondsLeft};</li>
 * <li>{@code end}: {@code epoch} (the best, whose network is kept), {@code message} (why training stopped).</li>
 * </ul>
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TrainingEvent(String type, Integer epoch, Integer epochs, Integer step, Integer steps, Double progress,
                            Double loss, Double accuracy, Double valLoss, Double valAccuracy, Double learningRate,
                            Double examplesPerSecond, Double seconds, Double secondsLeft, String message) {

    static TrainingEvent start(int epochs, int steps, String network) {
        return new TrainingEvent("start", null, epochs, null, steps, 0.0, null, null, null, null, null, null, null, null, network);
    }

    static TrainingEvent resume(int epoch, int epochs, int steps) {
        return new TrainingEvent("resume", epoch, epochs, null, steps, (double) epoch, null, null, null, null, null, null, null, null, null);
    }

    static TrainingEvent step(int epoch, StepStats s, double examplesPerSecond, double secondsLeft) {
        return new TrainingEvent("step", epoch, null, s.step(), s.steps(), epoch - 1 + (double) s.step() / s.steps(),
                s.runningLoss(), s.runningAccuracy(), null, null, finite(s.learningRate()), finite(examplesPerSecond),
                null, finite(secondsLeft), null);
    }

    static TrainingEvent epoch(EpochStats e, double secondsLeft) {
        return new TrainingEvent("epoch", e.epoch(), null, null, e.steps(), (double) e.epoch(), e.loss(), e.accuracy(),
                e.valLoss(), e.valAccuracy(), null, null, e.seconds(), finite(secondsLeft), null);
    }

    static TrainingEvent end(FitResult r) {
        return new TrainingEvent("end", r.bestEpoch(), r.plannedEpochs(), null, null, (double) r.history().size(),
                null, null, null, null, null, null, null, 0.0, r.stopReason());
    }

    /** JSON has no NaN or infinity: an unknown value is left out. */
    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
