package dev.dl4jmnist.training;

import dev.dl4jmnist.Bits;
import dev.dl4jmnist.FullTier;
import dev.dl4jmnist.TestData;
import dev.dl4jmnist.persistence.ModelStore;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code train} killed with SIGKILL in the middle of epoch 2 of 3, then {@code train --resume}: the
 * resumed run ends with parameters and Adam's state bit-identical to an uninterrupted run's. Every run
 * is its own JVM, started the same way (so with the same thread count).
 */
@FullTier
class ResumeAfterKillTest {
    @TempDir
    Path dir;

    private List<String> command(Path model, String... extra) {
        List<String> c = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Djava.awt.headless=true", "dev.dl4jmnist.cli.MnistApp",
                "train", "--data-dir", TestData.mnist().location().directory().toString(), "--train-examples", "3000",
                "--test-examples", "500", "--epochs", "3", "--batch-size", "32", "--seed", "11", "--model", model.toString()));
        c.addAll(List.of(extra));
        return c;
    }

    /** Runs to the end; returns its output. */
    private String runToEnd(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    @Test
    void aRunKilledInEpochTwoResumesToTheSameBits() throws Exception {
        Path whole = dir.resolve("whole.zip");
        runToEnd(command(whole));

        Path model = dir.resolve("killed.zip");
        Path runDir = dir.resolve("killed.run");
        Process p = new ProcessBuilder(command(model)).redirectErrorStream(true).start();
        List<String> seen = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                seen.add(line);
                if (line.equals("Epoch 2/3")) {
                    p.destroyForcibly();                                   // SIGKILL, as kill -9
                    break;
                }
            }
        } finally {
            p.destroyForcibly();
        }
        assertThat(p.waitFor(1, TimeUnit.MINUTES)).isTrue();
        assertThat(seen).as("the run reached epoch 2").contains("Epoch 2/3");
        assertThat(model).as("no model from the killed run").doesNotExist();
        assertThat(runDir.resolve("epoch-0001.ckpt")).exists();
        assertThat(runDir.resolve("epoch-0002.ckpt")).as("killed before epoch 2 ended").doesNotExist();

        String out = runToEnd(command(model, "--resume"));
        assertThat(out).contains("Resuming after epoch 1 from " + runDir.resolve("epoch-0001.ckpt"))
                .doesNotContain("Epoch 1/3").contains("Epoch 2/3", "Epoch 3/3");

        MultiLayerNetwork a = (MultiLayerNetwork) ModelStore.load(whole);
        MultiLayerNetwork b = (MultiLayerNetwork) ModelStore.load(model);
        Bits.assertBitIdentical(a.params(), b.params(), "parameters");
        Bits.assertBitIdentical(a.getUpdater().getStateViewArray(), b.getUpdater().getStateViewArray(), "Adam's state");
        assertThat(Files.readString(dir.resolve("killed.json"))).contains("\"resumedAfterEpoch\" : 1");
    }
}
