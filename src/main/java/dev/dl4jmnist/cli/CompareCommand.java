package dev.dl4jmnist.cli;

import dev.dl4jmnist.evaluation.PredictionMatch;
import dev.dl4jmnist.evaluation.EvaluationResult;
import dev.dl4jmnist.kerasimport.ImportedKerasModel;
import dev.dl4jmnist.app.CompareWithKeras;
import dev.dl4jmnist.kerasimport.KerasReference;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code compare}: the Keras model and the DL4J-trained model side by side on the MNIST test set. */
@Command(name = "compare", header = "Compares the Keras .h5 model with a DL4J-trained one on the 10,000 test images.",
        description = {"Imports a Keras .h5 model, evaluates it and a DL4J-trained model on the 10,000 MNIST test images,",
                "and shows them side by side: accuracy, loss, how often they agree and where they do not.",
                "When Keras's own predictions (test_probs.npy) sit beside the .h5, also checks the import against them."})
public final class CompareCommand implements Callable<Integer> {
    /** Width of the Keras column, unless the Keras file's path is longer. */
    private static final int KERAS_COLUMN = 52;
    /** Disagreeing test indices listed in the output. */
    static final int LISTED = 10;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    DataOptions data;

    @Option(names = "--keras", paramLabel = "FILE.h5", description = "Keras model saved with model.save (default: ${DEFAULT-VALUE}).",
            defaultValue = "models/keras/keras-2.3.1-theano/trained_model.h5")
    Path keras;

    @Option(names = "--model", paramLabel = "DL4J.zip", description = "DL4J model to compare with (default: the latest trained model in models/).")
    Path model;

    @Option(names = "--grid", paramLabel = "FILE.png", description = "Where to draw the first 9 disagreements (default: ${DEFAULT-VALUE}).",
            defaultValue = "models/compare-disagreements.png")
    Path grid;

    @Override
    public Integer call() {
        CompareWithKeras.Result r = CompareWithKeras.run(CompareWithKeras.Request.of(keras, model, data.dataDir(), grid));
        PrintWriter out = spec.commandLine().getOut();
        out.println("MNIST: " + r.data().location().describe() + "; 10000 test images");
        out.println();
        ImportedKerasModel k = r.keras();
        EvaluationResult kt = r.kerasTest();
        EvaluationResult dt = r.dl4jTest();
        String dash = "-";
        int width = Math.max(KERAS_COLUMN, k.source().toString().length() + 1);   // a long path keeps the DL4J column aligned
        row(out, width, "", "Keras", "DL4J");
        row(out, width, "Source", k.source().toString(), r.hasDl4j() ? r.dl4jPath().toString() : "(none)");
        row(out, width, "Keras version, backend", k.kerasVersion() + ", " + k.backend(), r.hasDl4j() ? "trained in DL4J" : dash);
        row(out, width, "Network in DL4J", k.modelClass() + " -> " + k.dl4jType(), r.hasDl4j() ? r.dl4j().getClass().getSimpleName() : dash);
        row(out, width, "Parameters", String.format(Locale.ROOT, "%,d", k.parameterCount()),
                r.hasDl4j() ? String.format(Locale.ROOT, "%,d", r.dl4j().numParams()) : dash);
        row(out, width, "Test loss", fmt(kt.loss()), r.hasDl4j() ? fmt(dt.loss()) : dash);
        row(out, width, "Test accuracy", fmt(kt.accuracy()), r.hasDl4j() ? fmt(dt.accuracy()) : dash);
        KerasReference ref = r.reference();
        row(out, width, "Keras-reported accuracy", ref.reportedAccuracy().isPresent() ? fmt(ref.reportedAccuracy().getAsDouble()) : "unknown", dash);
        out.println();

        PredictionMatch saved = r.savedPredictions();
        if (saved != null) {
            out.printf(Locale.ROOT, "Imported Keras model vs Keras's own predictions (%s): classes %d/%d identical, max abs probability difference %.3g%n",
                    KerasReference.PROBABILITIES_FILE, saved.matching(), saved.total(), saved.maxAbsDifference());
        } else {
            out.println("Keras's own predictions: not found beside " + k.source() + " (" + KerasReference.PROBABILITIES_FILE + "), so the import is checked by accuracy only");
        }
        out.printf(Locale.ROOT, "Import: %d properties checked against the file's configuration; %s%n", k.checks().size(),
                k.trainable() ? "can be trained further in DL4J with " + k.trainingNote() : "cannot be trained further in DL4J: " + k.trainingNote());
        if (!r.hasDl4j()) {
            out.println("No DL4J model at " + r.dl4jPath() + ": evaluated the Keras model alone. Run 'train' to make one"
                    + " (or pass --model FILE.zip), then run 'compare' again.");
            out.flush();
            return 0;
        }
        int total = kt.size();
        out.printf(Locale.ROOT, "Agreement between Keras and DL4J predicted classes: %d/%d (%.2f%%)%n",
                r.agreeing(), total, 100.0 * r.agreeing() / total);
        List<CompareWithKeras.Disagreement> d = r.disagreements();
        if (d.isEmpty()) {
            out.println("The two models predict the same class for every test image.");
        } else {
            out.printf(Locale.ROOT, "Disagreements: %d; first %d: %s%n", d.size(), Math.min(LISTED, d.size()),
                    d.stream().limit(LISTED).map(x -> x.index() + " (" + x.title() + ")").collect(Collectors.joining(", ")));
            out.println("Picture of the first " + Math.min(CompareWithKeras.GRID_TILES, d.size()) + ": " + r.grid());
        }
        out.flush();
        return 0;
    }

    private static void row(PrintWriter out, int width, String label, String keras, String dl4j) {
        out.printf(Locale.ROOT, "%-24s %-" + width + "s %s%n", label, keras, dl4j);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
