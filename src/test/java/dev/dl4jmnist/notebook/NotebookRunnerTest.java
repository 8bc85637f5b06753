package dev.dl4jmnist.notebook;

import dev.dl4jmnist.FullTier;
import dev.dl4jmnist.AppException;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@FullTier
class NotebookRunnerTest {

    static final String SHOWING = """
            // %% [markdown]
            // # Showing things
            //
            // A *markdown* cell with <b>raw html</b> that stays text.

            // %%
            import dev.dl4jmnist.notebook.Show;
            int answer = 6 * 7;
            System.out.println("answer = " + answer);
            System.out.printf("%s%n", "formatted");
            System.err.println("a warning");

            // %%
            var image = new java.awt.image.BufferedImage(30, 20, java.awt.image.BufferedImage.TYPE_INT_RGB);
            System.out.println("before");
            Show.image(image);
            System.out.println("after");
            answer + 1

            // %% [markdown]
            // ## A chart

            // %%
            var chart = new org.knowm.xchart.XYChartBuilder().width(200).height(120).build();
            chart.addSeries("y", new double[]{1, 2, 3}, new double[]{3, 1, 2});
            Show.chart(chart);
            """;

    @TempDir
    Path dir;

    private NotebookResult run(String name, String text) throws IOException {
        Path source = Files.writeString(dir.resolve(name), text);
        return new NotebookRunner(NotebookObserver.NONE).run(new NotebookRequest(List.of(source), null)).get(0);
    }

    @Test
    void textPicturesValuesAndMarkdownBecomeOutputsInOrder() throws IOException {
        NotebookResult r = run("showing.jsh", SHOWING);

        assertThat(r.succeeded()).isTrue();
        assertThat(r.cells()).extracting(c -> c.cell().kind()).containsExactly(Cell.Kind.MARKDOWN, Cell.Kind.CODE,
                Cell.Kind.CODE, Cell.Kind.MARKDOWN, Cell.Kind.CODE);
        assertThat(r.cells()).extracting(ExecutedCell::executionCount).containsExactly(null, 1, 2, null, 3);
        assertThat(r.cells().get(1).outputs()).containsExactly(
                new CellOutput.Text("stdout", "answer = 42\nformatted\n"), new CellOutput.Text("stderr", "a warning\n"));
        // printf returns a PrintStream, but a statement ending in ';' shows no value (as in Jupyter)
        List<CellOutput> second = r.cells().get(2).outputs();
        assertThat(second).hasSize(4);
        assertThat(second.get(0)).isEqualTo(new CellOutput.Text("stdout", "before\n"));
        assertThat(second.get(1)).isInstanceOf(CellOutput.Picture.class);
        assertThat(second.get(2)).isEqualTo(new CellOutput.Text("stdout", "after\n"));
        assertThat(second.get(3)).isEqualTo(new CellOutput.Value("43"));
        assertThat(r.cells().get(4).outputs()).singleElement().isInstanceOf(CellOutput.Picture.class);

        assertThat(r.ipynb()).isEqualTo(dir.resolve("showing.ipynb"));
        assertThat(r.html()).isEqualTo(dir.resolve("showing.html"));
        NotebookChecks.assertValidIpynb(r);
        Document page = NotebookChecks.assertCompleteHtml(r);
        assertThat(page.title()).isEqualTo("Showing things");
        assertThat(page.select("section.markdown h1").text()).isEqualTo("Showing things");
        assertThat(page.select("section.markdown em").text()).isEqualTo("markdown");
        assertThat(page.select("section.markdown b")).as("raw html in markdown is escaped").isEmpty();
        assertThat(page.select("section.markdown").text()).contains("<b>raw html</b>");
    }

    @Test
    void aThrowingCellStopsTheNotebookAndIsKeptAsAnError() throws IOException {
        NotebookResult r = run("failing.jsh", """
                // %%
                System.out.println("first");

                // %%
                int[] numbers = new int[2];
                void fill() { numbers[5] = 1; }
                fill();

                // %%
                System.out.println("never printed");
                """);

        assertThat(r.succeeded()).isFalse();
        ExecutedCell failed = r.failedCell().orElseThrow();
        assertThat(failed.number()).isEqualTo(2);
        CellOutput.Failure f = failed.failure().orElseThrow();
        assertThat(f.name()).isEqualTo("java.lang.ArrayIndexOutOfBoundsException");
        assertThat(f.message()).isEqualTo("Index 5 out of bounds for length 2");
        assertThat(f.traceback()).containsExactly("java.lang.ArrayIndexOutOfBoundsException: Index 5 out of bounds"
                + " for length 2", "\tat cell 2, line 2", "\tat cell 2, line 3");
        ExecutedCell after = r.cells().get(2);
        assertThat(after.executionCount()).isNull();
        assertThat(after.outputs()).isEmpty();

        var nb = NotebookChecks.assertValidIpynb(r);
        var error = nb.path("cells").get(1).path("outputs").get(0);
        assertThat(error.path("output_type").asText()).isEqualTo("error");
        assertThat(error.path("ename").asText()).isEqualTo("java.lang.ArrayIndexOutOfBoundsException");
        assertThat(nb.path("cells").get(2).path("execution_count").isNull()).isTrue();
        Document page = NotebookChecks.assertCompleteHtml(r);
        assertThat(page.select("pre.error").text()).contains("Index 5 out of bounds for length 2");
        assertThat(page.text()).doesNotContain("never printed\n");
    }

    @Test
    void aCompileErrorNamesTheCellLineAndCompilerMessage() throws IOException {
        NotebookResult r = run("typo.jsh", """
                // %%
                int a = 1;
                String s = "x";
                int b = a + undefinedName;

                // %%
                System.out.println("never");
                """);

        CellOutput.Failure f = r.failedCell().orElseThrow().failure().orElseThrow();
        assertThat(f.name()).isEqualTo("CompilationError");
        assertThat(f.message()).isEqualTo("cannot find symbol");
        assertThat(f.traceback()).containsExactly("cell 1, line 3: cannot find symbol");
        assertThat(r.cells().get(1).outputs()).isEmpty();
        NotebookChecks.assertValidIpynb(r);
    }

    @Test
    void everyCodeCellIsReportedToTheObserver() throws IOException {
        Path source = Files.writeString(dir.resolve("two.jsh"), "// %%\nint x = 1;\n// %%\nx + 1\n");
        List<String> seen = new ArrayList<>();
        NotebookObserver observer = new NotebookObserver() {
            @Override
            public void cellFinished(Path s, ExecutedCell cell, int codeIndex, int codeCells) {
                seen.add(codeIndex + "/" + codeCells + " " + cell.cell().firstLine());
            }
        };
        Path out = dir.resolve("out");
        new NotebookRunner(observer).run(new NotebookRequest(List.of(source), out));
        assertThat(seen).containsExactly("1/2 int x = 1;", "2/2 x + 1");
        assertThat(out.resolve("two.ipynb")).isRegularFile();
        assertThat(out.resolve("two.html")).isRegularFile();
    }

    @Test
    void aMissingSourceIsReportedBeforeAnythingRuns() throws IOException {
        Path good = Files.writeString(dir.resolve("good.jsh"), "// %%\nint x = 1;\n");
        assertThatThrownBy(() -> new NotebookRunner(NotebookObserver.NONE)
                .run(new NotebookRequest(List.of(good, dir.resolve("missing.jsh")), null)))
                .isInstanceOf(AppException.class).hasMessageContaining("no such notebook").hasMessageContaining("missing.jsh");
        assertThat(dir.resolve("good.ipynb")).doesNotExist();
    }

    @Test
    void cellsRunOnOneThreadSoASeedSetInOneCellHoldsInTheNext() throws IOException {
        String seeded = """
                // %%
                long thread = Thread.currentThread().getId();
                org.nd4j.linalg.factory.Nd4j.getRandom().setSeed(7);

                // %%
                System.out.println(Thread.currentThread().getId() == thread);
                System.out.println(java.util.Arrays.toString(org.nd4j.linalg.factory.Nd4j.rand(
                        org.nd4j.linalg.api.buffer.DataType.FLOAT, 4).toFloatVector()));
                """;
        List<CellOutput> first = run("seeded.jsh", seeded).cells().get(1).outputs();
        List<CellOutput> second = run("seeded-again.jsh", seeded).cells().get(1).outputs();
        assertThat(first).singleElement().isInstanceOfSatisfying(CellOutput.Text.class,
                t -> assertThat(t.text()).startsWith("true\n["));
        assertThat(second).isEqualTo(first);   // ND4J's generator is per thread: seeded in the first cell, used in the second
    }
}
