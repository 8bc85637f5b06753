package dev.dl4jmnist.prediction.imaging;

import dev.dl4jmnist.FullTier;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two 36-megapixel photos prepared at once in serve's heap (512 MiB, the parallel collector), one of them
 * stored sideways (EXIF orientation 6): both come out, where decoding them at full size ran out of memory.
 */
@FullTier
class LargePhotosInServeHeapTest {
    @Test
    void twoThirtySixMegapixelPhotosAtOnceFitInServesHeap() throws Exception {
        Process child = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:+UseParallelGC", "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
                PhotoDecodingBenchmark.class.getName(), "--two-at-once-only")).redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(180, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as(output).isZero();
        assertThat(output).containsPattern("two at once: +\\d+ ms, both prepared");
    }
}
