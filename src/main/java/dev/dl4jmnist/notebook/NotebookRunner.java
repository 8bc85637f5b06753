package dev.dl4jmnist.notebook;

import dev.dl4jmnist.AppException;
import dev.dl4jmnist.io.AtomicFiles;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Executes notebooks: each {@code .jsh} source is split into cells, its code cells run in order in one
 * JShell, and the cells with their outputs are written as {@code .ipynb} and {@code .html}. A failing
 * cell ends its notebook (the cells after it do not run); the notebook is still written, with the error.
 */
public final class NotebookRunner {
    private final NotebookObserver observer;

    public NotebookRunner(NotebookObserver observer) {
        this.observer = observer;
    }

    /** Runs every notebook of the request, one after the other; returns one result per source. */
    public List<NotebookResult> run(NotebookRequest request) {
        List<ParsedSource> parsed = new ArrayList<>();
        for (Path source : request.sources()) {
            parsed.add(read(source));                   // every source is checked before anything runs
        }
        List<NotebookResult> results = new ArrayList<>();
        for (ParsedSource p : parsed) {
            results.add(execute(p, request));
        }
        return results;
    }

    private record ParsedSource(Path path, List<Cell> cells) {
    }

    private static ParsedSource read(Path source) {
        if (!Files.isRegularFile(source)) {
            throw new AppException("no such notebook: " + source);
        }
        try {
            String text = Files.readString(source, StandardCharsets.UTF_8);
            return new ParsedSource(source, PercentFormat.parse(text, source.toString()));
        } catch (IOException e) {
            throw new AppException("cannot read " + source + ": " + AtomicFiles.describe(e), e);
        }
    }

    private NotebookResult execute(ParsedSource source, NotebookRequest request) {
        long start = System.nanoTime();
        List<ExecutedCell> done = new ArrayList<>();
        int codeCells = (int) source.cells().stream().filter(Cell::isCode).count();
        int codeIndex = 0;
        boolean failed = false;
        PrintStream out = System.out;                   // JShell's local engine may replace them: restored below
        PrintStream err = System.err;
        try (JShellSession session = new JShellSession()) {
            for (Cell cell : source.cells()) {
                int number = done.size() + 1;
                if (!cell.isCode() || failed) {
                    done.add(ExecutedCell.notRun(number, cell));
                    continue;
                }
                codeIndex++;
                observer.cellStarted(source.path(), ExecutedCell.notRun(number, cell), codeIndex, codeCells);
                ExecutedCell executed = runCell(session, number, codeIndex, cell, out, err);
                failed = executed.failure().isPresent();
                done.add(executed);
                observer.cellFinished(source.path(), executed, codeIndex, codeCells);
            }
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Path ipynb = request.outputFor(source.path(), ".ipynb");
        Path html = request.outputFor(source.path(), ".html");
        NotebookResult result = new NotebookResult(source.path(), List.copyOf(done), ipynb, html, seconds);
        AtomicFiles.writeString(ipynb, IpynbWriter.toJson(result));
        AtomicFiles.writeString(html, HtmlWriter.toHtml(result));
        observer.notebookFinished(result);
        return result;
    }

    /** Runs one code cell with stdout, stderr and pictures captured into its outputs. */
    private static ExecutedCell runCell(JShellSession session, int number, int executionCount, Cell cell,
                                        PrintStream out, PrintStream err) {
        OutputCollector collector = new OutputCollector();
        long start = System.nanoTime();
        System.setOut(collector.printStream(CellOutput.Text.STDOUT));
        System.setErr(collector.printStream(CellOutput.Text.STDERR));
        Show.displayTo(collector::picture);
        try {
            session.run(number, cell.source(), collector);
        } catch (RuntimeException e) {                  // JShell itself failed, not the cell's code
            collector.add(new CellOutput.Failure(e.getClass().getName(), String.valueOf(e.getMessage()),
                    List.of(e.toString())));
        } finally {
            System.out.flush();
            System.err.flush();
            System.setOut(out);
            System.setErr(err);
            Show.displayTo(null);
        }
        return new ExecutedCell(number, cell, executionCount, collector.outputs(), (System.nanoTime() - start) / 1e9);
    }
}
