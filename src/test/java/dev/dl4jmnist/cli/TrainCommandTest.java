package dev.dl4jmnist.cli;

import dev.dl4jmnist.TestData;
import dev.dl4jmnist.persistence.RunSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

class TrainCommandTest {
    @TempDir
    Path tmp;

    private String data() {
        return TestData.mnist().location().directory().toString();
    }

    @Test
    void quickRunPrintsTheStoryInOrderAndWritesModelAndSummary() {
        Path model = tmp.resolve("m.zip");
        CliRunner r = CliRunner.run("train", "--data-dir", data(), "--epochs", "1", "--train-examples", "2000",
                "--test-examples", "500", "--seed", "3", "--model", model.toString());

        assertEquals(0, r.exitCode(), r.err());
        String out = r.out();
        assertThat(out).containsSubsequence(
                "X_train: (2000, 784)   y_train: (2000, 10)",
                "X_test:  (500, 784)   y_test:  (500, 10)",
                "Total params: 669,706",
                "Epoch 1/1",
                "16/16 - ",
                " - loss: ", " - accuracy: ", " - val_loss: ", " - val_accuracy: ",
                "Test score: ",
                "Test accuracy: ",
                "Saved model: " + model,
                "Reloaded model predictions match: 500/500 (max abs probability difference 0.0)",
                "Run summary: " + tmp.resolve("m.json"));
        RunSummary s = RunSummary.read(tmp.resolve("m.json"));
        assertEquals(3, s.hyperparameters().seed());
        assertEquals(1, s.history().size());
        assertThat(out).contains("Test accuracy: " + s.test().accuracy());
        assertThat(r.err()).isEmpty();
    }

    @Test
    void invalidValuesAreUsageErrorsWithOneLine() {
        String[][] cases = {
                {"--epochs", "0", "error: epochs must be at least 1, got 0"},
                {"--batch-size", "-5", "error: batch size must be at least 1, got -5"},
                {"--dropout", "1", "error: dropout (the fraction dropped) must be in [0, 1), got 1.0"},
                {"--dropout", "-0.1", "error: dropout (the fraction dropped) must be in [0, 1), got -0.1"},
                {"--learning-rate", "0", "error: learning rate must be positive, got 0.0"},
                {"--epochs", "five", "error: Invalid value for option '--epochs': 'five' is not an int"},
                {"--train-examples", "0", "error: --train-examples must be between 1 and 60000, got 0"},
                {"--test-examples", "10001", "error: --test-examples must be between 1 and 10000, got 10001"},
        };
        for (String[] c : cases) {
            CliRunner r = CliRunner.run("train", c[0], c[1], "--model", tmp.resolve("x.zip").toString());
            assertEquals(2, r.exitCode(), c[0] + " " + c[1]);
            assertEquals(c[2], r.errLines().get(0));
            assertEquals("Try 'dl4j-mnist train --help' for usage.", r.errLines().get(1));
            assertEquals(2, r.errLines().size());
            assertThat(Files.exists(tmp.resolve("x.zip"))).isFalse();
        }
    }

    @Test
    void anImageCountOutOfRangeIsAUsageErrorForEveryCommand() {
        String model = tmp.resolve("x.zip").toString();
        String[][] commands = {{"train", "--model", model}, {"experiment", "--output", tmp.toString()}, {"evaluate", "--model", model}};
        for (String[] c : commands) {
            CliRunner r = CliRunner.run(c[0], c[1], c[2], "--test-examples", "0");
            assertEquals(2, r.exitCode(), c[0]);
            assertEquals("error: --test-examples must be between 1 and 10000, got 0", r.errLines().get(0), c[0]);
        }
        CliRunner r = CliRunner.run("experiment", "--train-examples", "0");
        assertEquals(2, r.exitCode());
        assertEquals("error: --train-examples must be between 1 and 60000, got 0", r.errLines().get(0));
    }

    @Test
    void unknownOptionIsAUsageError() {
        CliRunner r = CliRunner.run("train", "--epoch", "3");
        assertEquals(2, r.exitCode());
        assertEquals("error: Unknown options: '--epoch', '3' (did you mean --epochs?)", r.errLines().get(0));
        assertEquals(2, r.errLines().size());
    }

    @Test
    void missingDataDirectoryIsOneLineAndExitOne() {
        CliRunner r = CliRunner.run("train", "--data-dir", tmp.resolve("none").toString(), "--model", tmp.resolve("m.zip").toString());
        assertEquals(1, r.exitCode());
        assertEquals(java.util.List.of("error: MNIST directory " + tmp.resolve("none")
                + " (from --data-dir / MNIST_DIR) does not exist or is not a directory"), r.errLines());
    }

    @Test
    void corruptDataIsOneLineAndExitOne() throws IOException {
        Path bad = tmp.resolve("bad");
        Files.createDirectories(bad);
        try (Stream<Path> files = Files.list(TestData.mnist().location().directory())) {
            for (Path f : files.toList()) {
                Files.copy(f, bad.resolve(f.getFileName()));
            }
        }
        Path labels = bad.resolve("t10k-labels-idx1-ubyte");
        byte[] b = Files.readAllBytes(labels);
        Files.write(labels, java.util.Arrays.copyOf(b, 5000));
        CliRunner r = CliRunner.run("train", "--data-dir", bad.toString(), "--model", tmp.resolve("m.zip").toString());
        assertEquals(1, r.exitCode());
        assertEquals(java.util.List.of("error: " + labels + ": truncated: 5,000 bytes, expected 10,008"), r.errLines());
    }

    @Test
    void unwritableModelPathFailsBeforeTraining() throws IOException {
        Path file = tmp.resolve("plain-file");
        Files.writeString(file, "x");
        CliRunner r = CliRunner.run("train", "--data-dir", data(), "--model", file.resolve("m.zip").toString());
        assertEquals(1, r.exitCode());
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.errLines().get(0)).startsWith("error: cannot write " + file.resolve("m.zip") + ": ");
        assertThat(r.out()).doesNotContain("Epoch");
    }

    @Test
    void badConfigFileNamesTheFileAndTheProblem() throws IOException {
        Path cfg = tmp.resolve("cfg.json");
        Files.writeString(cfg, "{\"epochs\": 5, \"batchSize\": 128, \"seed\": 1, \"hidden\": [512], \"dropout\": 0.2,"
                + " \"learningRate\": 0.001, \"beta1\": 0.9, \"beta2\": 0.999, \"epsilon\": 1e-7, \"momentum\": 3}");
        CliRunner r = CliRunner.run("train", "--config", cfg.toString());
        assertEquals(1, r.exitCode());
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.errLines().get(0)).startsWith("error: " + cfg + ": Unrecognized field \"momentum\"");
    }

    @Test
    void helpAndVersionWork() {
        CliRunner help = CliRunner.run("train", "--help");
        assertEquals(0, help.exitCode());
        assertThat(help.out()).contains("--epochs=N", "--batch-size=N", "--seed=N", "--learning-rate=LR", "--data-dir=DIR",
                "--model=FILE", "$MNIST_DIR");
        CliRunner version = CliRunner.run("--version");
        assertEquals(0, version.exitCode());
        assertThat(version.out()).startsWith("dl4j-mnist 1.0.0").contains("Deeplearning4j 1.0.0-M2.1");
        CliRunner none = CliRunner.run();
        assertEquals(2, none.exitCode());
        assertThat(none.errLines().get(0)).isEqualTo("error: a command is required (try 'train')");
    }
}
