package dev.dl4jmnist.io;

import dev.dl4jmnist.AppException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One writer per model file: a second claim is refused in one line; a stale lock file is taken over. */
class ExclusiveFileTest {
    @TempDir
    Path dir;

    @Test
    void aSecondClaimIsRefusedUntilTheFirstIsReleased() {
        Path model = dir.resolve("m.zip");
        try (ExclusiveFile first = ExclusiveFile.claim(model, "another train run")) {
            assertThatThrownBy(() -> ExclusiveFile.claim(model, "another train run"))
                    .isInstanceOf(AppException.class)
                    .hasMessage(model + " is being written by another train run (process " + ProcessHandle.current().pid()
                            + "); wait for it to finish or choose another file");
        }
        try (ExclusiveFile again = ExclusiveFile.claim(model, "another train run")) {
            assertThat(ExclusiveFile.lockFileFor(model)).exists();
        }
        assertThat(ExclusiveFile.lockFileFor(model)).isEmptyFile();          // released: no holder named
    }

    @Test
    void aLockFileLeftByAKilledProcessDoesNotBlock() throws IOException {
        Path model = dir.resolve("m.zip");
        Files.writeString(ExclusiveFile.lockFileFor(model), "999999");    // written, never locked: what a kill -9 leaves
        try (ExclusiveFile claim = ExclusiveFile.claim(model, "another train run")) {
            assertThat(Files.readString(ExclusiveFile.lockFileFor(model))).isEqualTo(Long.toString(ProcessHandle.current().pid()));
        }
    }

    @Test
    void differentFilesDoNotBlockEachOther() {
        try (ExclusiveFile a = ExclusiveFile.claim(dir.resolve("a.zip"), "x");
             ExclusiveFile b = ExclusiveFile.claim(dir.resolve("b.zip"), "x")) {
            assertThat(ExclusiveFile.lockFileFor(dir.resolve("a.zip"))).exists();
            assertThat(ExclusiveFile.lockFileFor(dir.resolve("b.zip"))).exists();
        }
    }
}
