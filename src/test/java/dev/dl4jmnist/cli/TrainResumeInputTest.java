package dev.dl4jmnist.cli;

import dev.dl4jmnist.TestData;
import dev.dl4jmnist.io.Sha256;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Bad input to {@code train}'s checkpoint, early-stopping and live-page options: one line, exit 2, and
 * nothing written or overwritten.
 */
class TrainResumeInputTest {
    @TempDir
    Path tmp;

    private String data() {
        return TestData.mnist().location().directory().toString();
    }

    private CliRunner train(String... options) {
        List<String> args = new java.util.ArrayList<>(List.of("train", "--data-dir", data(), "--train-examples", "600",
                "--test-examples", "200", "--epochs", "1", "--model", tmp.resolve("m.zip").toString()));
        args.addAll(List.of(options));
        return CliRunner.run(args.toArray(String[]::new));
    }

    @Test
    void resumingWithoutACheckpointIsOneLine() {
        CliRunner r = train("--resume");
        assertEquals(2, r.exitCode(), r.err());
        assertThat(r.errLines()).containsExactly("error: no checkpoint to resume from in " + tmp.resolve("m.run")
                + " (train without --resume to start afresh)");
        assertThat(tmp.resolve("m.zip")).doesNotExist();
    }

    @Test
    void anotherRunsCheckpointIsRefusedAndNothingIsOverwritten() throws Exception {
        CliRunner first = train("--seed", "4");
        assertEquals(0, first.exitCode(), first.err());
        Path checkpoint = tmp.resolve("m.run").resolve("epoch-0001.ckpt");
        assertThat(checkpoint).exists();
        assertThat(first.out()).contains("Checkpoints: 1 written (");
        String model = Sha256.of(tmp.resolve("m.zip"));
        String saved = Sha256.of(checkpoint);

        CliRunner seed = train("--seed", "5", "--resume");
        assertEquals(2, seed.exitCode(), seed.err());
        assertThat(seed.errLines()).containsExactly("error: checkpoint " + checkpoint + " belongs to another run"
                + " (config.seed: 4 there, 5 here); resume with that run's options, or train without --resume to start afresh");

        CliRunner network = train("--network", "cnn", "--resume");
        assertEquals(2, network.exitCode(), network.err());
        assertThat(network.errLines()).hasSize(1);
        assertThat(network.errLines().get(0)).startsWith("error: checkpoint " + checkpoint + " belongs to another run (network: mlp there, cnn here)");

        CliRunner images = CliRunner.run("train", "--data-dir", data(), "--train-examples", "700", "--test-examples", "200",
                "--epochs", "1", "--seed", "4", "--model", tmp.resolve("m.zip").toString(), "--resume");
        assertEquals(2, images.exitCode(), images.err());
        assertThat(images.errLines().get(0)).contains("(trainExamples: 600 there, 700 here)");

        assertEquals(model, Sha256.of(tmp.resolve("m.zip")), "the model is untouched");
        assertEquals(saved, Sha256.of(checkpoint), "the checkpoint is untouched");
    }

    @Test
    void optionsThatDoNotGoTogetherAreUsageErrors() {
        String[][] cases = {
                {"--min-delta", "0.1", "error: --min-delta applies with --early-stopping only"},
                {"--resume", "--no-checkpoints", "error: --resume needs checkpoints; drop --no-checkpoints"},
                {"--early-stopping", "0", "error: early-stopping patience must be at least 1 epoch, got 0"},
                {"--watch", "70000", "error: --watch: the port must be between 0 and 65535, got 70000"},
        };
        for (String[] c : cases) {
            CliRunner r = train(c[0], c[1]);
            assertEquals(2, r.exitCode(), String.join(" ", c));
            assertEquals(c[2], r.errLines().get(0));
            assertThat(tmp.resolve("m.zip")).doesNotExist();
        }
    }

    @Test
    void aWatchPortInUseIsOneLineBeforeAnythingIsWritten() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CliRunner r = train("--watch", String.valueOf(taken.getLocalPort()));
            assertEquals(2, r.exitCode(), r.err());
            assertThat(r.errLines()).hasSize(1);
            assertThat(r.errLines().get(0)).startsWith("error: cannot serve the live page on 127.0.0.1:" + taken.getLocalPort() + ": ");
            assertThat(tmp.resolve("m.zip")).doesNotExist();
            assertThat(Files.exists(tmp.resolve("m.run"))).isFalse();
        }
    }

    @Test
    void watchingARunWithoutHistoryIsOneLine() {
        CliRunner r = CliRunner.run("watch", "--model", tmp.resolve("none.zip").toString(), "--port", "0");
        assertEquals(2, r.exitCode(), r.err());
        assertThat(r.errLines()).containsExactly("error: no training history at " + tmp.resolve("none.run").resolve("history.jsonl")
                + " (train writes it, unless --no-checkpoints)");
    }
}
