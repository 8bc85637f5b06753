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
}
