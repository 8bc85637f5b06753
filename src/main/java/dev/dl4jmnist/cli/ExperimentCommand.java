package dev.dl4jmnist.cli;

import dev.dl4jmnist.AppException;
import dev.dl4jmnist.app.RunExperiments;
import dev.dl4jmnist.data.MnistLocation;
import dev.dl4jmnist.experiments.ExperimentConfig;
import dev.dl4jmnist.experiments.ExperimentResult;
import dev.dl4jmnist.experiments.ResultTable;
import dev.dl4jmnist.experiments.SweepDefinition;
import dev.dl4jmnist.experiments.SweepNetworks;
import dev.dl4jmnist.experiments.SweepRequest;
import dev.dl4jmnist.experiments.SweepResult;
import dev.dl4jmnist.training.EpochStats;
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

/** {@code experiment}: trains a sweep of configurations (network, batch size, depth, width) and tabulates and charts them. */
@Command(name = "experiment", header = "Trains several configurations (network, batch size, depth, width) and compares them.",
        description = {"Trains several configurations (the tutorial's MLP, the CNN) with the same",
                "data, seed and evaluation; prints a table (network, parameters, seconds,",
                "test accuracy and loss, errors) and writes results.csv, results.json and",
                "PNG charts to the output directory. Default sweep: config/experiments.json",
                "(the MLP at batch sizes 32, 128, 10000; 1-3 hidden layers; widths",
                "256-1024). --network mlp,cnn trains one configuration per network instead,",
                "each at its own defaults (config/training.json, config/training-cnn.json).",
                "A rerun with the same output directory skips configurations already",
                "finished."})
public final class ExperimentCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    DataOptions data;

    @Option(names = "--config", paramLabel = "FILE", description = "Sweep file to run instead of the packaged config/experiments.json.")
    Path config;

    @Option(names = "--network", paramLabel = "NAME", split = ",",
            description = "Compare these networks instead of a sweep file: mlp, cnn or mlp,cnn. Each trains once at its"
                    + " own defaults (config/training.json, config/training-cnn.json, augmentation as configured);"
                    + " with --batch-sizes at every batch size, --hidden applies to the MLP. Default with"
                    + " --batch-sizes/--hidden: mlp.")
    List<NetworkChoice> networks;

    @Option(names = "--batch-sizes", paramLabel = "N", split = ",",
            description = "Run these batch sizes instead of a sweep file, e.g. 32,128,10000 (with --hidden or"
                    + " --network: every combination). Default: each network's own (128).")
    List<Integer> batchSizes;

    @Option(names = "--hidden", paramLabel = "N[,N...]",
            description = "Hidden layer widths of one MLP, e.g. 512,512; repeat for several"
                    + " (--hidden 512 --hidden 512,512). Default: config/training.json's, 512,512.")
    List<String> hidden;

    @Option(names = "--epochs", paramLabel = "N", description = "Train every configuration, of every network, for N epochs"
            + " (default: the sweep's or the network's, 5).")
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
        out.println("train s: seconds of training steps over all epochs (validation passes excluded);"
                + " errors: test images labelled wrongly, of those tested.");
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
        boolean fromOptions = networks != null || batchSizes != null || hidden != null;
        if (fromOptions && config != null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "use either --config or --network/--batch-sizes/--hidden, not both");
        }
        SweepDefinition sweep;
        if (config != null) {
            sweep = SweepDefinition.fromFile(config);     // file problems: "error: FILE: ..." (exit 1)
        } else if (fromOptions) {
            List<NetworkChoice> chosen = networks();
            sweep = usage(() -> SweepDefinition.grid(chosen.stream().map(n -> SweepNetworks.defaults(n.name())).toList(),
                    batchSizes, hiddenLayouts()));
        } else {
            sweep = SweepDefinition.defaults();
        }
        SweepDefinition built = sweep;
        return usage(() -> {
            SweepDefinition s = epochs != null ? built.withEpochs(epochs) : built;
            return new SweepRequest(s, output, subset.trainExamples(), subset.testExamples());
        });
    }

    /** The networks to compare (the MLP unless named), each once; --hidden needs the MLP among them. */
    private List<NetworkChoice> networks() {
        List<NetworkChoice> list = networks != null ? networks : List.of(NetworkChoice.mlp);
        if (list.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--network needs mlp, cnn or mlp,cnn");
        }
        for (NetworkChoice n : list) {
            if (list.indexOf(n) != list.lastIndexOf(n)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--network names " + n + " more than once");
            }
        }
        if (hidden != null && !list.contains(NetworkChoice.mlp)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--hidden applies to --network mlp only");
        }
        return list;
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
            out.printf(Locale.ROOT, "MNIST: %s; %d training and %d test images per configuration%n",
                    location.describe(), request.trainExamples(), request.testExamples());
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
