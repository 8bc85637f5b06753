package dev.dl4jmnist.io;

import dev.dl4jmnist.FullTier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A real SIGTERM during a unit of writes lets the unit finish: both files or neither, never one. */
@FullTier
class WriteTogetherTest {
    @TempDir
    Path dir;

    /** The child process: writes a.txt, reports, waits, writes b.txt — all as one unit. */
    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        WriteTogether.run(() -> {
            AtomicFiles.writeString(dir.resolve("a.txt"), "first");
            System.out.println("started");
            System.out.flush();
            try {
                Thread.sleep(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            AtomicFiles.writeString(dir.resolve("b.txt"), "second");
        });
        WriteTogether.run(() -> AtomicFiles.writeString(dir.resolve("c.txt"), "a unit started after the signal"));
    }

    @Test
    void sigtermDuringAUnitWaitsForTheWholeUnitAndStartsNoOther() throws IOException, InterruptedException {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), WriteTogetherTest.class.getName(), dir.toString())
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(out.readLine()).isEqualTo("started");
            child.destroy();                                   // SIGTERM, as Ctrl-C or a service manager sends
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(Files.readString(dir.resolve("a.txt"))).isEqualTo("first");
        assertThat(Files.readString(dir.resolve("b.txt"))).isEqualTo("second");
        assertThat(dir.resolve("c.txt")).doesNotExist();
    }
}
