package dev.dl4jmnist.notebook;

import dev.dl4jmnist.AppException;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the "percent" cell format for Java sources: a line {@code // %%} starts a code cell,
 * {@code // %% [markdown]} a markdown cell whose lines are {@code //} comments.
 */
public final class PercentFormat {
    private static final Pattern MARKER = Pattern.compile("^//\\s*%%(?:\\s+(.*?))?\\s*$");
    private static final Pattern KIND = Pattern.compile("^\\[(\\w+)]");
    private static final Pattern COMMENT = Pattern.compile("^\\s*//( ?)(.*)$");

    private PercentFormat() {
    }

    /** The cells of {@code text}; {@code name} is used in error messages. Blank cells are dropped. */
    public static List<Cell> parse(String text, String name) {
        List<Cell> cells = new ArrayList<>();
        List<String> lines = text.lines().toList();
        Cell.Kind kind = Cell.Kind.CODE;
        int start = 1;
        List<String> body = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher marker = MARKER.matcher(line.strip());
            if (marker.matches()) {
                add(cells, kind, body, start);
                kind = kindOf(marker.group(1), name, i + 1);
                body = new ArrayList<>();
                start = i + 2;
            } else if (kind == Cell.Kind.MARKDOWN) {
                body.add(markdownLine(line, name, i + 1));
            } else {
                body.add(line);
            }
        }
        add(cells, kind, body, start);
        if (cells.stream().noneMatch(Cell::isCode)) {
            throw new AppException(name + ": no code cells (a code cell starts with a line '// %%')");
        }
        return List.copyOf(cells);
    }

    private static Cell.Kind kindOf(String title, String name, int lineNumber) {
        if (title == null) {
            return Cell.Kind.CODE;
        }
        Matcher m = KIND.matcher(title);
        if (!m.find()) {
            return Cell.Kind.CODE;                    // '// %% a title' names a code cell
        }
        return switch (m.group(1).toLowerCase(java.util.Locale.ROOT)) {
            case "markdown", "md" -> Cell.Kind.MARKDOWN;
            default -> throw new AppException(name + ":" + lineNumber + ": unknown cell type [" + m.group(1)
                    + "] (use '// %%' for code or '// %% [markdown]')");
        };
    }

    private static String markdownLine(String line, String name, int lineNumber) {
        if (line.isBlank()) {
            return "";
        }
        Matcher m = COMMENT.matcher(line);
        if (!m.matches()) {
            throw new AppException(name + ":" + lineNumber + ": a markdown cell's lines must be // comments, got: "
                    + line.strip());
        }
        return m.group(2);
    }

    /** Adds the cell without its leading and trailing blank lines, unless it is empty. */
    private static void add(List<Cell> cells, Cell.Kind kind, List<String> body, int start) {
        int from = 0;
        int to = body.size();
        while (from < to && body.get(from).isBlank()) {
            from++;
        }
        while (to > from && body.get(to - 1).isBlank()) {
            to--;
        }
        if (from < to) {
            cells.add(new Cell(kind, String.join("\n", body.subList(from, to)), start + from));
        }
    }
}
