package dev.dl4jmnist.performance;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Whole-process {@code train} against the PyTorch peer, run alternately in the same time window:
 * every run, the medians of each side, and our medians divided by the peer's (below 1: we are faster).
 */
public record PeerComparison(List<ProcessRun> runs, ProcessRun ours, ProcessRun peer, double wallRatio,
                             double cpuRatio) {
    public static final String OURS = "train";
    public static final String PEER = "pytorch-peer";

    /** Medians and ratios of {@code runs}, which hold rounds of both programs. */
    public static PeerComparison of(List<ProcessRun> runs) {
        ProcessRun ours = median(runs, OURS);
        ProcessRun peer = median(runs, PEER);
        return new PeerComparison(List.copyOf(runs), ours, peer, ours.wallSeconds() / peer.wallSeconds(),
                ours.cpuSeconds() / peer.cpuSeconds());
    }

    private static ProcessRun median(List<ProcessRun> runs, String program) {
        List<ProcessRun> mine = runs.stream().filter(r -> r.program().equals(program)).toList();
        return new ProcessRun(program, 0, median(mine, ProcessRun::wallSeconds), median(mine, ProcessRun::cpuSeconds),
                median(mine, ProcessRun::peakRssMiB));
    }

    private static double median(List<ProcessRun> runs, ToDoubleFunction<ProcessRun> value) {
        return Statistics.median(runs.stream().mapToDouble(value).toArray());
    }
}
