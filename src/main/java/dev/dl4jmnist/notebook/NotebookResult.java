package dev.dl4jmnist.notebook;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** One executed notebook: its cells with their outputs, the files written, and how long it took. */
public record NotebookResult(Path source, List<ExecutedCell> cells, Path ipynb, Path html, double seconds) {

    /** The failed cell, if a cell failed (the cells after it did not run). */
    public Optional<ExecutedCell> failedCell() {
        return cells.stream().filter(c -> c.failure().isPresent()).findFirst();
    }

    public boolean succeeded() {
        return failedCell().isEmpty();
    }
}
