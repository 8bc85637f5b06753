package dev.dl4jmnist.notebook;

/** One cell of a notebook source: code or markdown, its text, and the source line where its text starts. */
public record Cell(Kind kind, String source, int line) {

    /** What a cell holds. */
    public enum Kind { CODE, MARKDOWN }

    public boolean isCode() {
        return kind == Kind.CODE;
    }

    /** The cell's first non-blank line, for messages. */
    public String firstLine() {
        return source.lines().filter(l -> !l.isBlank()).findFirst().orElse("").strip();
    }
}
