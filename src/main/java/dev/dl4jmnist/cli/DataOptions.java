package dev.dl4jmnist.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;

/** Where MNIST is: shared by every command that reads it. */
public final class DataOptions {
    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "${env:MNIST_DIR}",
            description = "Directory with the four MNIST IDX files, plain or .gz (default: $MNIST_DIR, then DL4J's cache"
                    + " ~/.deeplearning4j, then DL4J's download).")
    String dataDir;

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    /** The explicit directory, or null to search. */
    public Path dataDir() {
        if (dataDir == null || dataDir.isBlank()) {
            return null;
        }
        try {
            return PathConverter.parse(dataDir);
        } catch (CommandLine.TypeConversionException e) {
            throw new CommandLine.ParameterException(mixee.commandLine(), "Invalid value for --data-dir / MNIST_DIR: " + e.getMessage(), e, null, dataDir);
        }
    }
}
