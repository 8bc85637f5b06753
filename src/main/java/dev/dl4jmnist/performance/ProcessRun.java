package dev.dl4jmnist.performance;

/** One whole-process run: wall-clock seconds, CPU seconds (user + system) and peak resident memory. */
public record ProcessRun(String program, int round, double wallSeconds, double cpuSeconds, double peakRssMiB) {
}
