package dev.dl4jmnist.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Atomic writes: the temporaries a killed process leaves are cleaned up; a live writer's are not. */
class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void temporariesOfDeadProcessesAreRemovedByTheNextWrite() throws IOException, InterruptedException {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        long deadPid = gone.pid();
        Path stale = dir.resolve(AtomicFiles.temporaryPrefix("m.zip", deadPid) + "123456.tmp");
        Path live = dir.resolve(AtomicFiles.temporaryPrefix("m.zip", ProcessHandle.current().pid()) + "99.tmp");
        Path otherFile = dir.resolve(AtomicFiles.temporaryPrefix("other.zip", deadPid) + "7.tmp");
        Path user = dir.resolve(".m.zip.notes.tmp");
        for (Path p : new Path[]{stale, live, otherFile, user}) {
            Files.writeString(p, "x");
        }

        AtomicFiles.writeString(dir.resolve("m.zip"), "model");

        assertThat(Files.readString(dir.resolve("m.zip"))).isEqualTo("model");
        assertThat(stale).doesNotExist();
        assertThat(live).exists();              // a run that is still writing keeps its temporary
        assertThat(otherFile).exists();         // only the target's own temporaries are touched
        assertThat(user).exists();              // names not of our making are never deleted
    }

    @Test
    void checkingWhetherAFileCanBeWrittenCreatesNothing() throws IOException {
        Path deep = dir.resolve("new").resolve("sub").resolve("m.zip");
        AtomicFiles.checkWritable(deep);
        assertThat(dir.resolve("new")).doesNotExist();

        Path file = dir.resolve("file");
        Files.writeString(file, "x");
        assertThatThrownBy(() -> AtomicFiles.checkWritable(file.resolve("sub").resolve("m.zip")))
                .isInstanceOf(dev.dl4jmnist.AppException.class)
                .hasMessage("cannot write " + file.resolve("sub").resolve("m.zip") + ": " + file + " is a file, not a directory");
        assertThatThrownBy(() -> AtomicFiles.checkWritable(dir)).hasMessage("cannot write " + dir + ": it is a directory");
    }

    @Test
    void aFinishedWriteLeavesOnlyTheTarget() throws IOException {
        AtomicFiles.writeString(dir.resolve("a.txt"), "hello");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("a.txt");
        }
    }
}
