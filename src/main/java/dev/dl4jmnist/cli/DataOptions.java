package dev.dl4jmnist.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Where MNIST is: shared by every command that reads it. */
public final class DataOptions {
    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "${env:MNIST_DIR}",
            description = "Directory with the four MNIST IDX files, plain or .gz (default: $MNIST_DIR, then DL4J's cache"
                    + " ~/.deeplearning4j, then DL4J's download).")
    String dataDir;

    /** The explicit directory, or null to search. */
    public Path dataDir() {
        return dataDir == null || dataDir.isBlank() ? null : Path.of(dataDir);
    }
}
