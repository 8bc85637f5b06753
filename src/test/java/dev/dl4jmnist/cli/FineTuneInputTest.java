package dev.dl4jmnist.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Bad input to {@code train --fine-tune}: one line, exit 2, nothing written (the model is not even loaded). */
class FineTuneInputTest {
    @TempDir
    Path tmp;

    private CliRunner fineTune(Path corrections) {
        return CliRunner.run("train", "--fine-tune", tmp.resolve("source.zip").toString(), "--corrections", corrections.toString(),
                "--model", tmp.resolve("new.zip").toString());
    }

    private void refused(CliRunner r, String line) {
        assertEquals(2, r.exitCode(), r.err());
        assertThat(r.errLines()).containsExactly(line);
        assertThat(tmp.resolve("new.zip")).doesNotExist();
    }

    @Test
    void aFolderThatIsNotADigitIsRefused() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("fixes").resolve("seven"));
        refused(fineTune(dir.getParent()), "error: " + dir + ": corrections go in folders named after their digit (0 to 9), not \"seven\"");
        Files.delete(dir);
        Path ten = Files.createDirectories(tmp.resolve("fixes").resolve("10"));
        refused(fineTune(ten.getParent()), "error: " + ten + ": corrections go in folders named after their digit (0 to 9), not \"10\"");
    }

    @Test
    void anUnreadablePictureIsRefusedNamingIt() throws IOException {
        Path bad = Files.createDirectories(tmp.resolve("fixes").resolve("3")).resolve("scan.png");
        Files.writeString(bad, "not a picture");
        CliRunner r = fineTune(tmp.resolve("fixes"));
        assertEquals(2, r.exitCode(), r.err());
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.errLines().get(0)).startsWith("error: " + bad + ": not a usable picture of a digit (");
        assertThat(tmp.resolve("new.zip")).doesNotExist();
    }

    @Test
    void noCorrectionsAreRefused() throws IOException {
        refused(fineTune(tmp.resolve("none")), "error: corrections folder " + tmp.resolve("none") + " does not exist or is not a directory");
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        refused(fineTune(empty), "error: no corrections in " + empty + " (pictures go in " + empty.resolve("7") + " and the like)");
    }

    @Test
    void theSourceIsNeverOverwrittenAndTheOptionsGoTogether() throws IOException {
        Path source = tmp.resolve("source.zip");
        refused(CliRunner.run("train", "--fine-tune", source.toString(), "--corrections", tmp.toString(), "--model", source.toString()),
                "error: the fine-tuned model would overwrite " + source + "; choose another --model");
        CliRunner alone = CliRunner.run("train", "--corrections", tmp.toString(), "--model", tmp.resolve("new.zip").toString());
        assertEquals(2, alone.exitCode());
        assertEquals("error: --fine-tune and --corrections go together", alone.errLines().get(0));
        CliRunner mixed = CliRunner.run("train", "--fine-tune", source.toString(), "--corrections", tmp.toString(), "--resume",
                "--model", tmp.resolve("new.zip").toString());
        assertEquals(2, mixed.exitCode());
        assertThat(mixed.errLines().get(0)).startsWith("error: --fine-tune takes --corrections, --replay, ");
    }

    @Test
    void aLearningRateThatIsNotPositiveIsRefused() throws IOException {
        Path fixes = Files.createDirectories(tmp.resolve("fixes").resolve("3")).getParent();
        refused(CliRunner.run("train", "--fine-tune", tmp.resolve("source.zip").toString(), "--corrections", fixes.toString(),
                "--learning-rate", "0", "--model", tmp.resolve("new.zip").toString()), "error: learning rate must be positive, got 0.0");
    }
}
