package dev.dl4jmnist.cli;

import dev.dl4jmnist.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code experiment} from the command line: a tiny real sweep, a rerun, and refusals before training. */
class ExperimentCommandTest {
    private static final String NL = System.lineSeparator();

    @TempDir
    Path dir;

    private String[] tiny(String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("experiment", "--data-dir", TestData.mnist().location().directory().toString(),
                "--epochs", "1", "--train-examples", "2000", "--test-examples", "500", "--output", dir.resolve("out").toString()));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    @Test
    void tinySweepPrintsProgressAndTableAndRerunSkipsIt() throws IOException {
        CliRunner first = CliRunner.run(tiny("--batch-sizes", "100,400", "--hidden", "64"));
        assertEquals(0, first.exitCode(), first.err());
        assertEquals("", first.err());
        String out = first.out();
        assertTrue(out.contains("2 configurations; results in " + dir.resolve("out")), out);
        assertTrue(out.contains("[1/2] b100-h64-e1: batch 100, hidden 64, 1 epoch" + NL), out);
        assertTrue(out.contains("      epoch 1/1: 20/20 - "), out);
        assertTrue(out.contains("[2/2] b400-h64-e1: batch 400, hidden 64, 1 epoch" + NL), out);
        assertTrue(out.matches("(?s).*\\[2/2] b400-h64-e1: done - [0-9.]+s training - test loss [0-9.]+ - test accuracy [0-9.]+\\R.*"), out);
        assertTrue(out.contains("configuration           batch epochs    train s   s/epoch train loss test loss  test acc  parameters"), out);
        assertTrue(out.matches("(?s).*\\Rb100-h64-e1 +100 +1 .* 50,890\\R.*"), out);
        assertTrue(out.contains("Wrote " + dir.resolve("out/validation-loss.png")), out);
        List<String> csv = Files.readAllLines(dir.resolve("out/results.csv"));
        assertEquals(3, csv.size());
        // The test accuracy printed in the table is the one in the CSV.
        double acc = Double.parseDouble(csv.get(1).split(",")[8]);
        assertTrue(out.contains(String.format(java.util.Locale.ROOT, "%.4f", acc)), out);

        CliRunner again = CliRunner.run(tiny("--batch-sizes", "100,400", "--hidden", "64"));
        assertEquals(0, again.exitCode(), again.err());
        assertTrue(again.out().contains("[1/2] b100-h64-e1: finished earlier, skipped"), again.out());
        assertTrue(again.out().contains("Reused from an earlier run: b100-h64-e1, b400-h64-e1"), again.out());
        assertFalse(again.out().contains("epoch 1/1"), again.out());
    }

    @Test
    void invalidFileIsRefusedBeforeTraining() throws IOException {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, "{\"configurations\": [{\"batchSize\": 32}, {\"batchSize\": 0}]}");
        CliRunner r = CliRunner.run(tiny("--config", file.toString()));
        assertEquals(MnistApp.EXIT_USAGE, r.exitCode());
        assertEquals("error: " + file + ": configurations[1]: batch size must be at least 1, got 0" + NL, r.err());
        assertEquals("", r.out());
        assertFalse(Files.exists(dir.resolve("out")), "nothing written");
    }

    @Test
    void invalidOptionsAreUsageErrors() {
        CliRunner zero = CliRunner.run(tiny("--batch-sizes", "32,0"));
        assertEquals(MnistApp.EXIT_USAGE, zero.exitCode());
        assertTrue(zero.err().startsWith("error: batch size must be at least 1, got 0" + NL), zero.err());

        CliRunner hidden = CliRunner.run(tiny("--hidden", "512,x"));
        assertEquals(MnistApp.EXIT_USAGE, hidden.exitCode());
        assertTrue(hidden.err().startsWith("error: --hidden expects widths like 512,512, got '512,x'" + NL), hidden.err());

        CliRunner both = CliRunner.run(tiny("--config", "config/experiments.json", "--batch-sizes", "32"));
        assertEquals(MnistApp.EXIT_USAGE, both.exitCode());
        assertTrue(both.err().startsWith("error: use either --config or --batch-sizes/--hidden, not both" + NL), both.err());

        CliRunner epochs = CliRunner.run("experiment", "--epochs", "0", "--output", dir.resolve("out").toString());
        assertEquals(MnistApp.EXIT_USAGE, epochs.exitCode());
        assertTrue(epochs.err().startsWith("error: epochs must be at least 1, got 0" + NL), epochs.err());
        assertFalse(Files.exists(dir.resolve("out")), "nothing written");
    }
}
