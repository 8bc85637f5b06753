package dev.dl4jmnist.performance;

/** Hears which stage of the benchmark is running (they take from seconds to minutes). */
public interface BenchmarkObserver {
    BenchmarkObserver SILENT = stage -> {
    };

    void stageStarted(String stage);
}
