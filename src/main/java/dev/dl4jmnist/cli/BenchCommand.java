package dev.dl4jmnist.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.dl4jmnist.AppException;
import dev.dl4jmnist.app.RunBenchmark;
import dev.dl4jmnist.performance.BenchmarkRequest;
import dev.dl4jmnist.performance.BenchmarkResult;
import dev.dl4jmnist.performance.PeerComparison;
import dev.dl4jmnist.performance.ProcessRun;
import dev.dl4jmnist.performance.RuntimeSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code bench}: how fast the tutorial trains and the model predicts here, and (with --peer) against PyTorch. */
@Command(name = "bench", header = "Measures training and inference speed, memory and the native settings in force.",
        description = {"Measures the tutorial's training (seconds per epoch, images/s, GFLOP/s next to the",
                "machine's sgemm rate at the same shapes, validation), inference on the test set, a",
                "one-image predict in a fresh process, peak memory and the native settings in force.",
                "With --peer FILE, also runs the whole 'train' and that PyTorch program alternately and prints",
                "their wall time, CPU time and peak memory, and the ratio. Prints numbers only."})
public final class BenchCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    DataOptions data;

    @Mixin
    SubsetOptions subset;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "5",
            description = "Epochs to train; the first is reported apart, the median of the rest beside it (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--cold-predict-runs", paramLabel = "N", defaultValue = "3",
            description = "Fresh processes timed for a one-image predict; 0 skips it (default: ${DEFAULT-VALUE}).")
    int coldPredictRuns;

    @Option(names = "--peer", paramLabel = "FILE",
            description = "Also run the whole 'train' and FILE, a PyTorch program training the same network on the same MNIST, alternately (needs python3 with torch).")
    Path peerScript;

    @Option(names = "--rounds", paramLabel = "N", defaultValue = "3",
            description = "Alternating rounds of train and the peer with --peer; medians are reported (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--python", paramLabel = "EXE", defaultValue = "/usr/bin/python3",
            description = "The Python with torch that runs the peer and times both programs (default: ${DEFAULT-VALUE}, the peer's own).")
    String python;

    @Option(names = "--json", description = "Print one JSON object instead of the table.")
    boolean json;

    @Override
    public Integer call() {
        BenchmarkRequest request;
        try {
            request = new BenchmarkRequest(data.dataDir(), subset.trainExamples(), subset.testExamples(), epochs,
                    coldPredictRuns, peerScript, rounds, python);
        } catch (AppException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        PrintWriter err = spec.commandLine().getErr();
        BenchmarkResult result = RunBenchmark.run(request, stage -> {
            err.println("bench: " + stage + " ...");
            err.flush();
        });
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(toJson(result));
        } else {
            printTable(out, result);
        }
        out.flush();
        return 0;
    }

    private static String toJson(BenchmarkResult result) {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(result);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the result as JSON", e);
        }
    }

    private static void printTable(PrintWriter out, BenchmarkResult r) {
        RuntimeSettings s = r.settings();
        row(out, "training", "%d images x %d epochs, batch 128, validated on %d images", r.trainExamples(), r.epochs(), r.testExamples());
        row(out, "first epoch", "%.2f s (with validation)", r.firstEpochSeconds());
        row(out, "later epochs (median)", "%.2f s (with validation)", r.medianEpochSeconds());
        row(out, "validation pass", "%.3f s", r.validationSeconds());
        row(out, "training throughput", "%,.0f images/s", r.trainingImagesPerSecond());
        row(out, "achieved", "%.1f GFLOP/s (6 x parameters x images)", r.trainingGflopPerSecond());
        row(out, "sgemm, same shapes", "%.1f GFLOP/s (floor %.2f s per epoch)", r.sgemmGflopPerSecond(), r.sgemmFloorSecondsPerEpoch());
        row(out, "training CPU time", "%.1f s (user + system, all epochs)", r.trainingCpuSeconds());
        row(out, "test accuracy", "%.4f", r.testAccuracy());
        row(out, "inference, batch 128", "%,.0f images/s", r.inferenceImagesPerSecondBatch128());
        row(out, "inference, one batch", "%,.0f images/s (%d images)", r.inferenceImagesPerSecondBatch10000(), Math.min(r.testExamples(), RunBenchmark.WHOLE_TEST_SET));
        if (r.coldPredictSeconds() != null) {
            row(out, "predict, cold process", "%.2f s (one image, median)", r.coldPredictSeconds());
        }
        row(out, "peak RSS", "%.0f MiB", r.peakRssMiB());
        row(out, "threads", "%d cores; ND4J %d, BLAS %d", s.cores(), s.ndThreads(), s.blasThreads());
        row(out, "BLAS", "%s", s.blasVendor());
        row(out, "ND4J", "%s, native build %s, CPU supports %s", s.backend(), s.nativeBuild(), s.cpuLevel());
        row(out, "workspaces", "%s", s.workspaceMode());
        row(out, "JVM", "%s, max heap %d MiB", s.jvm(), s.maxHeapMiB());
        row(out, "memory settings", "JVM %s; JavaCPP off-heap limit %d MiB; malloc %s",
                s.jvmMemoryOptions(), s.offHeapLimitMiB(), s.mallocSettings());
        PeerComparison p = r.peer();
        if (p != null) {
            out.println();
            out.printf(Locale.ROOT, "%-14s %5s %10s %10s %10s%n", "whole process", "round", "wall s", "CPU s", "RSS MiB");
            for (ProcessRun run : p.runs()) {
                processRow(out, run.program(), String.valueOf(run.round()), run);
            }
            processRow(out, p.ours().program(), "median", p.ours());
            processRow(out, p.peer().program(), "median", p.peer());
            out.printf(Locale.ROOT, "train / PyTorch peer: %.2fx wall time, %.2fx CPU time (below 1: train is faster)%n",
                    p.wallRatio(), p.cpuRatio());
        }
    }

    private static void row(PrintWriter out, String name, String format, Object... args) {
        out.printf(Locale.ROOT, "%-24s %s%n", name, String.format(Locale.ROOT, format, args));
    }

    private static void processRow(PrintWriter out, String program, String round, ProcessRun run) {
        out.printf(Locale.ROOT, "%-14s %5s %10.1f %10.1f %10.0f%n", program, round, run.wallSeconds(), run.cpuSeconds(), run.peakRssMiB());
    }
}
