package dev.dl4jmnist.notebook;

import java.nio.file.Path;

/** Hears about a notebook run as it goes (the command prints a line per cell). */
public interface NotebookObserver {
    /** A code cell is about to run; {@code codeIndex} counts code cells from 1. */
    default void cellStarted(Path source, ExecutedCell pending, int codeIndex, int codeCells) {
    }

    /** A code cell finished (successfully or not). */
    default void cellFinished(Path source, ExecutedCell cell, int codeIndex, int codeCells) {
    }

    /** A notebook finished and its files are written. */
    default void notebookFinished(NotebookResult result) {
    }

    NotebookObserver NONE = new NotebookObserver() {
    };
}
