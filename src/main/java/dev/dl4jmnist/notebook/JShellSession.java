package dev.dl4jmnist.notebook;

import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.ExpressionSnippet;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.VarSnippet;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One JShell for one notebook, running in this JVM and thread ({@link SameThreadExecution}) with the
 * application's class path: the cells share the application's loaded classes and ND4J's native
 * libraries, which load once per process, instead of starting a second JVM per notebook.
 */
final class JShellSession implements AutoCloseable {
    private static final int MAX_FRAMES = 25;
    private final JShell shell;
    private final Map<String, int[]> snippetLines = new HashMap<>();   // snippet id -> {cell number, first line}

    JShellSession() {
        PrintStream quiet = new PrintStream(PrintStream.nullOutputStream());
        shell = JShell.builder()
                .executionEngine(new SameThreadExecution(), Map.of())
                .in(new ByteArrayInputStream(new byte[0])).out(quiet).err(quiet)
                .build();
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                shell.addToClasspath(entry);
            }
        }
    }

    /**
     * Runs one cell's source, snippet by snippet, adding its outputs to {@code out}; stops at the first
     * snippet that does not compile or throws, and returns false then.
     */
    boolean run(int cellNumber, String source, OutputCollector out) {
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        String remaining = source;
        String value = null;
        while (!remaining.isBlank()) {
            int line = lineOf(source, source.length() - remaining.length() + leadingBlank(remaining));
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
            if (info.completeness() == SourceCodeAnalysis.Completeness.EMPTY) {
                break;
            }
            if (!info.completeness().isComplete()) {
                out.add(compileError(List.of(where(cellNumber, line) + "incomplete statement: " + firstLine(remaining))));
                return false;
            }
            remaining = info.remaining();
            value = null;
            // as in Jupyter, a value is shown only for a last expression written without a closing semicolon
            boolean showValue = !info.source().strip().endsWith(";");
            for (SnippetEvent event : shell.eval(info.source())) {
                if (event.causeSnippet() != null) {
                    continue;                                   // an update of an earlier snippet
                }
                Snippet snippet = event.snippet();
                snippetLines.put(snippet.id(), new int[]{cellNumber, line});
                if (event.status() == Snippet.Status.REJECTED) {
                    out.add(compileError(diagnostics(snippet, cellNumber, line)));
                    return false;
                }
                if (event.exception() != null) {
                    out.add(failure(event.exception()));
                    return false;
                }
                if (event.status() == Snippet.Status.RECOVERABLE_DEFINED
                        || event.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
                    out.add(compileError(List.of(where(cellNumber, line) + "cannot find symbol: "
                            + shell.unresolvedDependencies((jdk.jshell.DeclarationSnippet) snippet)
                            .collect(Collectors.joining(", ")))));
                    return false;
                }
                if (showValue && isExpression(snippet) && event.value() != null) {
                    value = event.value();
                }
            }
        }
        if (value != null) {
            out.add(new CellOutput.Value(value));
        }
        return true;
    }

    /** An expression statement, or a value JShell kept in a temporary variable ($1, $2, ...). */
    private static boolean isExpression(Snippet snippet) {
        return snippet instanceof ExpressionSnippet
                || snippet instanceof VarSnippet v && v.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND;
    }

    /** The compiler's errors, each as "cell N, line L: message". */
    private List<String> diagnostics(Snippet snippet, int cellNumber, int firstLine) {
        List<String> lines = new ArrayList<>();
        String source = snippet.source();
        shell.diagnostics(snippet).filter(Diag::isError).forEach(d -> {
            int at = (int) Math.max(0, Math.min(d.getStartPosition(), source.length()));
            String message = d.getMessage(Locale.ROOT).lines().findFirst().orElse("");
            int skipped = lineOf(source, leadingBlank(source)) - 1;  // the snippet keeps the blank lines before it
            lines.add(where(cellNumber, firstLine + lineOf(source, at) - 1 - skipped) + message);
        });
        return lines.isEmpty() ? List.of(where(cellNumber, firstLine) + "does not compile") : lines;
    }

    private static String where(int cellNumber, int line) {
        return "cell " + cellNumber + ", line " + line + ": ";
    }

    /** A compile error: the first message names it; the traceback lists all. */
    private static CellOutput.Failure compileError(List<String> messages) {
        String first = messages.get(0);
        return new CellOutput.Failure("CompilationError", first.substring(first.indexOf(": ") + 2), messages);
    }

    private CellOutput.Failure failure(JShellException exception) {
        String name;
        String message;
        if (exception instanceof EvalException e) {
            name = e.getExceptionClassName();
            message = e.getMessage() != null ? e.getMessage() : "";
        } else if (exception instanceof UnresolvedReferenceException u) {
            name = "UnresolvedReference";
            message = "used before it is defined: " + u.getSnippet().source().lines().findFirst().orElse("");
        } else {
            name = exception.getClass().getName();
            message = exception.getMessage() != null ? exception.getMessage() : "";
        }
        List<String> traceback = new ArrayList<>();
        traceback.add(message.isEmpty() ? name : name + ": " + message);
        addFrames(exception, traceback);
        for (Throwable cause = exception.getCause(); cause != null; cause = cause.getCause()) {
            String causeName = cause instanceof EvalException e ? e.getExceptionClassName() : cause.getClass().getName();
            traceback.add("Caused by: " + causeName + (cause.getMessage() != null ? ": " + cause.getMessage() : ""));
            addFrames(cause, traceback);
        }
        return new CellOutput.Failure(name, message, traceback);
    }

    /** The frames down to the cell's own code; a frame in a cell reads "at cell N, line L". */
    private void addFrames(Throwable t, List<String> traceback) {
        int shown = 0;
        for (StackTraceElement frame : t.getStackTrace()) {
            String file = frame.getFileName();
            if (file != null && file.startsWith("#")) {
                int[] where = snippetLines.get(file.substring(1));
                traceback.add(where == null ? "\tat " + file : "\tat cell " + where[0] + ", line "
                        + (where[1] + Math.max(frame.getLineNumber(), 1) - 1));
                if (frame.getMethodName().equals("do_it$")) {
                    return;                                     // below this: JShell's machinery
                }
            } else if (frame.getClassName().startsWith("jdk.jshell.") || frame.getClassName().startsWith("jdk.internal.reflect.")) {
                return;
            } else if (shown++ < MAX_FRAMES) {
                traceback.add("\tat " + frame);
            }
        }
    }

    private static int leadingBlank(String s) {
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** 1-based line of character {@code index} in {@code text}. */
    private static int lineOf(String text, int index) {
        int line = 1;
        for (int i = 0; i < index && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static String firstLine(String text) {
        return text.strip().lines().findFirst().orElse("");
    }

    @Override
    public void close() {
        shell.close();
    }
}
