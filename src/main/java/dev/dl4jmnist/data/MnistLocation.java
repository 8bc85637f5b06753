package dev.dl4jmnist.data;

import java.nio.file.Path;

/** A directory holding the four verified, uncompressed MNIST files, and how it was found. */
public record MnistLocation(Path directory, String source) {
}
