package dev.dl4jmnist.cli;

import dev.dl4jmnist.data.MnistData;
import dev.dl4jmnist.app.EvaluateModel;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code evaluate}: tests a saved model and writes the same pictures and analysis a training run writes. */
@Command(name = "evaluate",
        description = {"Evaluates a saved model on the MNIST test set and writes its pictures and analysis: correct and",
                "incorrect digits, confusion matrix (text and PNG), per-class precision/recall/F1, and the loss and",
                "accuracy curves when the model's run summary is beside it. No training."})
public final class EvaluateCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    DataOptions data;

    @Option(names = "--model", paramLabel = "ZIP", required = true, description = "The saved model (as written by train).")
    Path model;

    @Option(names = "--test-examples", paramLabel = "N", defaultValue = "10000",
            description = "Use only the first N test images (default: all ${DEFAULT-VALUE}).")
    int testExamples;

    @Option(names = "--out-dir", paramLabel = "DIR", description = "Where to write the files (default: beside the model).")
    Path outDir;

    @Override
    public Integer call() {
        Usage.examples(spec, "--test-examples", testExamples, MnistData.TEST_SIZE);
        PrintWriter out = spec.commandLine().getOut();
        EvaluateModel.Result inspection = EvaluateModel.run(new EvaluateModel.Request(model, data.dataDir(), testExamples, outDir));
        out.println("Model: " + inspection.model());
        out.println("MNIST: " + inspection.data().source() + " (verified)");
        out.printf(Locale.ROOT, "Test score: %s%n", inspection.result().loss());
        out.printf(Locale.ROOT, "Test accuracy: %s%n", inspection.result().accuracy());
        if (inspection.historyNote() != null) {
            out.println("Note: " + inspection.historyNote());
        }
        ReportPrinter.print(out, inspection.report());
        return 0;
    }
}
