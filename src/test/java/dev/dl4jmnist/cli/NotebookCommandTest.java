package dev.dl4jmnist.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class NotebookCommandTest {
    @TempDir
    Path dir;

    @Test
    void printsALinePerCellAndThePathsItWrote() throws IOException {
        Path source = Files.writeString(dir.resolve("hello.jsh"), "// %% [markdown]\n// # Hello\n// %%\n"
                + "System.out.println(\"hello\");\n// %%\nint x = 2;\n");
        Path out = dir.resolve("out");

        CliRunner r = CliRunner.run("notebook", source.toString(), "--output", out.toString());

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains(source + ": 2 code cells")
                .containsPattern("\\[ 1/2\\] +\\d+\\.\\ds ok +System.out.println\\(\"hello\"\\);")
                .containsPattern("\\[ 2/2\\] +\\d+\\.\\ds ok +int x = 2;")
                .contains("Wrote " + out.resolve("hello.ipynb"), "Wrote " + out.resolve("hello.html"));
        assertThat(r.err()).isEmpty();
        assertThat(out.resolve("hello.ipynb")).content().contains("\"hello\\n\"");
    }

    @Test
    void aFailingCellGivesItsNumberFirstLineAndErrorAndExitCode1() throws IOException {
        Path source = Files.writeString(dir.resolve("broken.jsh"), "// %%\nint x = 1;\n// %%\n"
                + "Object o = \"text\";\nInteger i = (Integer) o;\n// %%\nSystem.out.println(\"after\");\n");

        CliRunner r = CliRunner.run("notebook", source.toString());

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.errLines().get(0)).isEqualTo("error: " + source + ": cell 2 failed (Object o = \"text\";): "
                + "java.lang.ClassCastException: class java.lang.String cannot be cast to class java.lang.Integer"
                + " (java.lang.String and java.lang.Integer are in module java.base of loader 'bootstrap')");
        assertThat(r.errLines()).contains("  at cell 2, line 2");
        assertThat(r.out()).contains(source + ": FAILED").doesNotContain("[ 3/3]")
                .contains("Wrote " + dir.resolve("broken.ipynb"));
        assertThat(dir.resolve("broken.ipynb")).content().contains("\"output_type\" : \"error\"")
                .doesNotContain("after\\n\"");
    }

    @Test
    void aMissingNotebookIsOneLineAndExitCode1() {
        CliRunner r = CliRunner.run("notebook", dir.resolve("nope.jsh").toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.errLines()).containsExactly("error: no such notebook: " + dir.resolve("nope.jsh"));
    }
}
