package dev.dl4jmnist.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** {@code --model FILE} for the commands that label pictures ({@code predict}, {@code serve}); null means the latest trained model. */
final class PictureModelOption {
    @Option(names = "--model", paramLabel = "FILE",
            description = "A DL4J model zip or a Keras .h5 (default: the latest trained model in models/).")
    Path model;
}
