package dev.dl4jmnist.app;

import dev.dl4jmnist.notebook.NotebookObserver;
import dev.dl4jmnist.notebook.NotebookRequest;
import dev.dl4jmnist.notebook.NotebookResult;
import dev.dl4jmnist.notebook.NotebookRunner;

import java.util.List;

/** {@code notebook}: executes notebook sources cell by cell and writes each as .ipynb and .html. */
public final class RunNotebooks {
    private RunNotebooks() {
    }

    /** Every notebook's outcome, in the order of the request. */
    public record Result(List<NotebookResult> notebooks) {
        public Result {
            notebooks = List.copyOf(notebooks);
        }

        public boolean allSucceeded() {
            return notebooks.stream().allMatch(NotebookResult::succeeded);
        }
    }

    public static Result run(NotebookRequest request, NotebookObserver observer) {
        return new Result(new NotebookRunner(observer).run(request));
    }
}
