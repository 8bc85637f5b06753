package dev.dl4jmnist.cli;

import dev.dl4jmnist.app.RunNotebooks;
import dev.dl4jmnist.notebook.CellOutput;
import dev.dl4jmnist.notebook.ExecutedCell;
import dev.dl4jmnist.notebook.NotebookObserver;
import dev.dl4jmnist.notebook.NotebookRequest;
import dev.dl4jmnist.notebook.NotebookResult;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code notebook}: executes notebooks ({@code .jsh}, percent cells) and writes each as .ipynb and .html. */
@Command(name = "notebook", header = "Executes Java notebooks (JShell, percent format) and writes each as .ipynb and .html.",
        description = {"Executes notebooks - JShell scripts whose cells start with '// %%' (code) or",
                "'// %% [markdown]' - cell by cell, and writes each as NAME.ipynb (Jupyter) and NAME.html",
                "(one self-contained page) with every cell's output and pictures."})
public final class NotebookCommand implements Callable<Integer> {
    private static final int SHOWN_SOURCE = 60;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Notebook sources (.jsh).")
    List<Path> sources;

    @Option(names = "--output", paramLabel = "DIR", description = "Where to write the .ipynb and .html files"
            + " (default: beside each source).")
    Path output;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RunNotebooks.Result result = RunNotebooks.run(new NotebookRequest(sources, output), new CellLines(out, err));
        out.flush();
        err.flush();
        return result.allSucceeded() ? 0 : MnistApp.EXIT_FAILURE;
    }

    /** One line per code cell (its position, time and first line), then the files written or the failure. */
    private record CellLines(PrintWriter out, PrintWriter err) implements NotebookObserver {
        @Override
        public void cellStarted(Path source, ExecutedCell pending, int codeIndex, int codeCells) {
            if (codeIndex == 1) {
                out.println(source + ": " + codeCells + " code cells");
                out.flush();
            }
        }

        @Override
        public void cellFinished(Path source, ExecutedCell cell, int codeIndex, int codeCells) {
            String first = cell.cell().firstLine();
            if (first.length() > SHOWN_SOURCE) {
                first = first.substring(0, SHOWN_SOURCE - 3) + "...";
            }
            out.printf(Locale.ROOT, "  [%2d/%d] %6.1fs %s %s%n", codeIndex, codeCells, cell.seconds(),
                    cell.failure().isPresent() ? "FAILED" : "ok    ", first);
            out.flush();
        }

        @Override
        public void notebookFinished(NotebookResult r) {
            r.failedCell().ifPresent(cell -> {
                CellOutput.Failure failure = cell.failure().orElseThrow();
                err.printf("error: %s: cell %d failed (%s): %s%n", r.source(), cell.number(),
                        cell.cell().firstLine(), failure.summary());
                failure.traceback().stream().skip(1).limit(6).forEach(l -> err.println("  " + l.strip()));
                err.flush();
            });
            out.printf(Locale.ROOT, "%s: %s in %.1fs%n", r.source(), r.succeeded() ? "done" : "FAILED", r.seconds());
            out.println("Wrote " + r.ipynb());
            out.println("Wrote " + r.html());
            out.flush();
        }
    }
}
