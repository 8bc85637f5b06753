package dev.dl4jmnist.notebook;

import java.nio.file.Path;
import java.util.List;

/** Which notebook sources to execute, and where to write their results (null: beside each source). */
public record NotebookRequest(List<Path> sources, Path outputDir) {
    public NotebookRequest {
        sources = List.copyOf(sources);
    }

    /** Where {@code source}'s outputs go, with {@code extension} (".ipynb", ".html") in place of ".jsh". */
    public Path outputFor(Path source, String extension) {
        String name = source.getFileName().toString();
        String base = name.endsWith(".jsh") ? name.substring(0, name.length() - 4) : name;
        return outputDir != null ? outputDir.resolve(base + extension) : source.resolveSibling(base + extension);
    }
}
