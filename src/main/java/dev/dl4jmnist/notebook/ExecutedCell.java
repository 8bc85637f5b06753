package dev.dl4jmnist.notebook;

import java.util.List;
import java.util.Optional;

/**
 * A cell after a run: its number (1-based, counting all cells), its outputs, its execution count
 * (null for markdown cells and for code cells that did not run) and how long it took.
 */
public record ExecutedCell(int number, Cell cell, Integer executionCount, List<CellOutput> outputs, double seconds) {

    /** A cell that was not executed (markdown, or after a failure). */
    public static ExecutedCell notRun(int number, Cell cell) {
        return new ExecutedCell(number, cell, null, List.of(), 0);
    }

    public Optional<CellOutput.Failure> failure() {
        return outputs.stream().filter(CellOutput.Failure.class::isInstance).map(CellOutput.Failure.class::cast)
                .findFirst();
    }
}
