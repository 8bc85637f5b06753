package dev.dl4jmnist.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code serve}'s options: sizes for --max-body, and the one-line errors for bad options (the server itself is tested in the server package). */
class ServeCommandTest {
    @Test
    void sizesReadWithTheirUnits() {
        ByteSize size = new ByteSize();
        assertThat(size.convert("10MB")).isEqualTo(10L << 20);
        assertThat(size.convert("512kb")).isEqualTo(512L << 10);
        assertThat(size.convert("1GB")).isEqualTo(1L << 30);
        assertThat(size.convert("2048")).isEqualTo(2048L);
        assertThat(size.convert("7 B")).isEqualTo(7L);
        assertThatThrownBy(() -> size.convert("ten")).hasMessage("'ten' is not a size (examples: 10MB, 512KB, 2048)");
        assertThatThrownBy(() -> size.convert("0")).hasMessage("'0' is not a positive size");
    }

    @Test
    void aBadSizeIsAUsageError() {
        CliRunner run = CliRunner.run("serve", "--max-body", "10XB");
        assertThat(run.exitCode()).isEqualTo(MnistApp.EXIT_USAGE);
        assertThat(run.errLines().get(0)).startsWith("error: Invalid value for option '--max-body': '10XB' is not a size");
    }

    @Test
    void aMissingModelIsOneLine() {
        CliRunner run = CliRunner.run("serve", "--port", "0", "--model", "no-such-model.zip");
        assertThat(run.exitCode()).isEqualTo(MnistApp.EXIT_FAILURE);
        assertThat(run.errLines()).containsExactly("error: model file " + java.nio.file.Path.of("no-such-model.zip").toAbsolutePath() + " does not exist");
    }

    @Test
    void aPortOutOfRangeIsOneLine() {
        CliRunner run = CliRunner.run("serve", "--port", "70000", "--model", "no-such-model.zip");
        assertThat(run.exitCode()).isNotZero();
        assertThat(run.errLines()).hasSize(1);
    }

    @Test
    void aModelAndAModelStoreTogetherAreAUsageError() {
        CliRunner run = CliRunner.run("serve", "--port", "0", "--model", "a.zip", "--model-store", "store");
        assertThat(run.exitCode()).isEqualTo(MnistApp.EXIT_USAGE);
        assertThat(run.errLines()).containsExactly("error: give --model FILE or --model-store DIR, not both");
    }

    @Test
    void aNegativeDrainIsAUsageError() {
        CliRunner run = CliRunner.run("serve", "--port", "0", "--drain-seconds", "-1");
        assertThat(run.exitCode()).isEqualTo(MnistApp.EXIT_USAGE);
        assertThat(run.errLines()).containsExactly("error: --drain-seconds must be between 0 and 3600, got -1.0");
    }

    @Test
    void aMissingStoreIsOneLine() {
        CliRunner run = CliRunner.run("serve", "--port", "0", "--model-store", "no-such-store");
        assertThat(run.exitCode()).isEqualTo(MnistApp.EXIT_FAILURE);
        assertThat(run.errLines()).containsExactly("error: model store no-such-store is not a directory");
    }

    @Test
    void aStoreWithABrokenModelStopsTheStartInOneLine(@org.junit.jupiter.api.io.TempDir java.nio.file.Path store) throws Exception {
        java.nio.file.Path version = java.nio.file.Files.createDirectories(store.resolve("mnist").resolve("1"));
        java.nio.file.Files.writeString(version.resolve("model.zip"), "not a zip");
        CliRunner run = CliRunner.run("serve", "--port", "0", "--model-store", store.toString());
        assertThat(run.exitCode()).isEqualTo(MnistApp.EXIT_FAILURE);
        assertThat(run.errLines()).containsExactly("error: version 1 of model 'mnist' is refused: cannot load model "
                + version.resolve("model.zip").toAbsolutePath() + ": not a DL4J model zip (it is not a zip file)");
        assertThat(run.out()).doesNotContain("Serving");
    }
}
