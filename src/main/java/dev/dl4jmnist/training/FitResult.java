package dev.dl4jmnist.training;

import java.util.List;

/**
 * What a fit did: the history of every epoch (those before a resume included) out of {@code plannedEpochs},
 * the epoch whose network the model now holds ({@code bestEpoch}: the last one without early stopping),
 * why training stopped, the epoch it resumed after (0: it started afresh) and the seconds each
 * checkpoint took to write.
 */
public record FitResult(List<EpochStats> history, int plannedEpochs, int bestEpoch, String stopReason, int resumedAfter,
                        List<Double> checkpointSeconds) {
    public FitResult {
        history = List.copyOf(history);
        checkpointSeconds = List.copyOf(checkpointSeconds);
    }

    /** Whether early stopping ended the run before its last planned epoch. */
    public boolean stoppedEarly() {
        return history.size() < plannedEpochs;
    }
}
