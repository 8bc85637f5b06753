package dev.dl4jmnist.notebook;

import dev.dl4jmnist.AppException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PercentFormatTest {

    @Test
    void splitsCodeAndMarkdownCellsAndStripsTheCommentMarks() {
        List<Cell> cells = PercentFormat.parse("""
                // %% [markdown]
                // # Title
                //
                // Text with `code`.
                //     indented code block

                // %%
                int x = 1;

                // %% A titled code cell
                x + 1
                """, "t.jsh");

        assertThat(cells).containsExactly(
                new Cell(Cell.Kind.MARKDOWN, "# Title\n\nText with `code`.\n    indented code block", 2),
                new Cell(Cell.Kind.CODE, "int x = 1;", 8),
                new Cell(Cell.Kind.CODE, "x + 1", 11));
    }

    @Test
    void codeBeforeTheFirstMarkerIsACellAndBlankCellsAreDropped() {
        List<Cell> cells = PercentFormat.parse("import java.util.List;\n// %%\n\n// %%\nint y = 2;\n", "t.jsh");
        assertThat(cells).containsExactly(new Cell(Cell.Kind.CODE, "import java.util.List;", 1),
                new Cell(Cell.Kind.CODE, "int y = 2;", 5));
    }

    @Test
    void aMarkdownLineThatIsNotACommentIsAnErrorWithItsLine() {
        assertThatThrownBy(() -> PercentFormat.parse("// %%\nint x;\n// %% [markdown]\n// fine\nnot a comment\n", "n.jsh"))
                .isInstanceOf(AppException.class)
                .hasMessage("n.jsh:5: a markdown cell's lines must be // comments, got: not a comment");
    }

    @Test
    void unknownCellTypesAndNotebooksWithoutCodeAreErrors() {
        assertThatThrownBy(() -> PercentFormat.parse("// %% [raw]\nx\n", "r.jsh"))
                .isInstanceOf(AppException.class).hasMessageContaining("r.jsh:1: unknown cell type [raw]");
        assertThatThrownBy(() -> PercentFormat.parse("// %% [markdown]\n// only text\n", "m.jsh"))
                .isInstanceOf(AppException.class).hasMessage("m.jsh: no code cells (a code cell starts with a line '// %%')");
    }
}
