package dev.dl4jmnist.cli;

import dev.dl4jmnist.kerasimport.ImportedKerasModel;
import dev.dl4jmnist.app.ImportKeras;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code import-keras}: converts a Keras .h5 model into a DL4J model zip. */
@Command(name = "import-keras",
        description = {"Imports a Keras model (.h5 from model.save, Keras 2 or Keras 3; Sequential or Functional API)",
                "and saves it as a DL4J ModelSerializer zip that the other commands can use."})
public final class ImportKerasCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE.h5", description = "The Keras model file.")
    Path keras;

    @Option(names = "--output", paramLabel = "MODEL.zip", required = true, description = "Where to write the DL4J model.")
    Path output;

    @Override
    public Integer call() {
        ImportKeras.Result r = ImportKeras.run(new ImportKeras.Request(keras, output));
        ImportedKerasModel k = r.imported();
        PrintWriter out = spec.commandLine().getOut();
        out.println("Keras model: " + k.source() + " (" + k.describeKeras() + ", " + k.modelClass() + ")");
        out.println("DL4J network: " + k.dl4jType());
        out.println(k.summary());
        out.println();
        if (!k.translations().isEmpty()) {
            out.println("Configuration rewritten for DL4J's importer:");
            k.translations().forEach(t -> out.println("  - " + t));
        }
        out.printf(Locale.ROOT, "Checked against the file's configuration: %d properties match%n", k.checks().size());
        out.println(k.trainable() ? "Training: can continue in DL4J with " + k.trainingNote()
                : "Training: cannot continue in DL4J: " + k.trainingNote() + " (the model is saved for inference)");
        out.printf(Locale.ROOT, "Saved: %s (sha256 %s)%n", r.output(), r.sha256());
        out.printf(Locale.ROOT, "Reloaded from the zip: max abs output difference %s%n", r.reloadMaxAbsDiff());
        out.flush();
        return 0;
    }
}
