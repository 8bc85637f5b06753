package dev.dl4jmnist.io;

import java.nio.file.Path;

/**
 * The one rule for a file's stem (its name without the last extension: {@code models/mnist-mlp.zip} →
 * {@code mnist-mlp}) and for the directory of files written beside it.
 */
public final class FileNames {
    private FileNames() {
    }

    /** The stem of a path's file name. */
    public static String stem(Path file) {
        return stem(file.getFileName().toString());
    }

    /** The stem of a file name (anything up to the last {@code /} or {@code \} is dropped; a leading dot is kept). */
    public static String stem(String name) {
        String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        int dot = base.lastIndexOf('.');
        return dot > 0 ? base.substring(0, dot) : base;
    }

    /**
     * The directory a file is in, as the user gave it: {@code models} for {@code models/m.zip}, the
     * current directory (an empty path) for {@code m.zip}; so files written beside it are printed as
     * the user would write them.
     */
    public static Path directoryOf(Path file) {
        Path parent = file.getParent();
        return parent != null ? parent : Path.of("");
    }
}
