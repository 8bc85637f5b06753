package dev.dl4jmnist.data;

import java.nio.file.Path;

/**
 * A directory holding the four verified, uncompressed MNIST files, and how it was found.
 *
 * @param problem what was wrong with the source even though verified files were found, or null
 */
public record MnistLocation(Path directory, String source, String problem) {

    public MnistLocation(Path directory, String source) {
        this(directory, source, null);
    }

    /** The one line every command prints: where MNIST came from, that it was verified, and any problem with the source. */
    public String describe() {
        return source + (problem == null ? " (verified)" : " (verified; " + problem + ")");
    }
}
