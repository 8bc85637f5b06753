package dev.dl4jmnist.cli;

import dev.dl4jmnist.AppException;
import dev.dl4jmnist.app.RunExperiments;
import dev.dl4jmnist.data.MnistLocation;
import dev.dl4jmnist.experiments.ExperimentConfig;
import dev.dl4jmnist.experiments.ExperimentResult;
import dev.dl4jmnist.experiments.ResultTable;
import dev.dl4jmnist.experiments.SweepDefinition;
import dev.dl4jmnist.experiments.SweepRequest;
import dev.dl4jmnist.experiments.SweepResult;
import dev.dl4jmnist.training.EpochStats;
import dev.dl4jmnist.model.TrainingConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code experiment}: trains a sweep of configurations (batch size, depth, width) and tabulates and charts them. */
@Command(name = "experiment",
        description = {"Trains several configurations of the tutorial's MLP with the same data, seed",
                "and evaluation; prints a table and writes results.csv, results.json and PNG",
                "charts to the output directory. Default sweep: config/experiments.json",
                "(batch sizes 32, 128, 10000; 1-3 hidden layers; widths 256-1024). A rerun",
                "with the same output directory skips configurations already finished."})
public final class ExperimentCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    DataOptions data;

    @Option(names = "--config", paramLabel = "FILE", description = "Sweep file to run instead of the packaged config/experiments.json.")
    Path config;

    @Option(names = "--batch-sizes", paramLabel = "N", split = ",",
            description = "Run these batch sizes instead of a sweep file, e.g. 32,128,10000 (with --hidden: every"
                    + " combination). Default with --hidden: 128.")
    List<Integer> batchSizes;

    @Option(names = "--hidden", paramLabel = "N[,N...]",
            description = "Hidden layer widths of one network, e.g. 512,512; repeat for several networks"
                    + " (--hidden 512 --hidden 512,512). Default with --batch-sizes: 512,512.")
    List<String> hidden;

    @Option(names = "--epochs", paramLabel = "N", description = "Train every configuration for N epochs (default: the sweep's, 5).")
    Integer epochs;

    @Option(names = "--output", paramLabel = "DIR", defaultValue = "output/experiments",
            description = "Directory for results.csv, results.json, the charts and runs/ (default: ${DEFAULT-VALUE}).")
    Path output;

    @Mixin
    SubsetOptions subset;

    @Override
    public Integer call() {
        SweepRequest request = request();                 // every configuration is checked before anything runs
        PrintWriter out = spec.commandLine().getOut();
        SweepResult result = RunExperiments.run(new RunExperiments.Request(request, data.dataDir()), new Printer(out, request));
        out.println();
        out.println(ResultTable.text(result.results()));
        out.println();
        out.println("train s: seconds of training steps over all epochs (validation passes excluded).");
        if (!result.skipped().isEmpty()) {
            out.printf(Locale.ROOT, "Reused from an earlier run: %s%n", String.join(", ", result.skipped()));
        }
        for (Path f : result.files().all()) {
            out.println("Wrote " + f);
        }
        out.flush();
        return 0;
    }

    /** The sweep from the file or the options; invalid values are refused here, before any training. */
    SweepRequest request() {
        boolean fromOptions = batchSizes != null || hidden != null;
        if (fromOptions && config != null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "use either --config or --batch-sizes/--hidden, not both");
        }
        SweepDefinition sweep;
        if (config != null) {
            sweep = SweepDefinition.fromFile(config);     // file problems: "error: FILE: ..." (exit 1)
        } else if (fromOptions) {
            sweep = usage(() -> SweepDefinition.grid(TrainingConfig.defaults(), batchSizes, hiddenLayouts()));
        } else {
            sweep = SweepDefinition.defaults();
        }
        SweepDefinition chosen = sweep;
        return usage(() -> {
            SweepDefinition s = epochs != null ? chosen.withEpochs(epochs) : chosen;
            return new SweepRequest(s, output, subset.trainExamples(), subset.testExamples());
        });
    }

    private List<List<Integer>> hiddenLayouts() {
        if (hidden == null) {
            return null;
        }
        List<List<Integer>> layouts = new ArrayList<>();
        for (String layout : hidden) {
            List<Integer> widths = new ArrayList<>();
            for (String part : layout.split(",", -1)) {
                try {
                    widths.add(Integer.parseInt(part.trim()));
                } catch (NumberFormatException e) {
                    throw new AppException("--hidden expects widths like 512,512, got '" + layout + "'");
                }
            }
            layouts.add(widths);
        }
        return layouts;
    }

    private <T> T usage(java.util.function.Supplier<T> build) {
        return Usage.check(spec, build);
    }

    /** One line per configuration as it starts and finishes, and a short line per epoch. */
    private record Printer(PrintWriter out, SweepRequest request) implements RunExperiments.Observer {
        @Override
        public void dataReady(MnistLocation location) {
            out.printf(Locale.ROOT, "MNIST: %s (verified); %d training and %d test images per configuration%n",
                    location.source(), request.trainExamples(), request.testExamples());
            out.printf(Locale.ROOT, "%d configurations; results in %s%n%n", request.sweep().configurations().size(),
                    request.outputDir());
            out.flush();
        }

        @Override
        public void configurationStarted(int index, int total, ExperimentConfig c) {
            out.printf(Locale.ROOT, "[%d/%d] %s: %s%n", index, total, c.name(), c.describe());
            out.flush();
        }

        @Override
        public void epochFinished(EpochStats s, int epochs) {
            out.printf(Locale.ROOT, "      epoch %d/%d: %s%n", s.epoch(), epochs, ConsoleProgress.format(s));
            out.flush();
        }

        @Override
        public void configurationFinished(int index, int total, ExperimentResult r) {
            out.printf(Locale.ROOT, "[%d/%d] %s: done - %.1fs training - test loss %.4f - test accuracy %.4f%n",
                    index, total, r.name(), r.trainSeconds(), r.testLoss(), r.testAccuracy());
            out.flush();
        }

        @Override
        public void configurationSkipped(int index, int total, ExperimentResult r) {
            out.printf(Locale.ROOT, "[%d/%d] %s: finished earlier, skipped (test accuracy %.4f)%n",
                    index, total, r.name(), r.testAccuracy());
            out.flush();
        }
    }
}
