package dev.dl4jmnist.performance;

import dev.dl4jmnist.AppException;

import java.nio.file.Path;

/**
 * What to measure: the tutorial's training on the first {@code trainExamples} images for
 * {@code epochs} epochs (at least 2: the first epoch warms up), validated on {@code testExamples};
 * {@code coldPredictRuns} fresh processes for the one-image prediction (0: skip); and, when
 * {@code peerScript} is set, {@code peerRounds} alternating whole-process runs of {@code train}
 * and the PyTorch peer on the gzipped MNIST in {@code dataDir}, both timed through {@code python}
 * (which also runs the peer).
 */
public record BenchmarkRequest(Path dataDir, int trainExamples, int testExamples, int epochs, int coldPredictRuns,
                               Path peerScript, int peerRounds, String python) {
    public BenchmarkRequest {
        require(epochs >= 2, "epochs must be at least 2 (the first one warms up), got " + epochs);
        require(coldPredictRuns >= 0, "cold predict runs must not be negative, got " + coldPredictRuns);
        require(peerRounds >= 1, "peer rounds must be at least 1, got " + peerRounds);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new AppException(message);
        }
    }

    public boolean withPeer() {
        return peerScript != null;
    }
}
