package dev.dl4jmnist.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dl4jmnist.TestData;
import dev.dl4jmnist.model.CnnConfig;
import dev.dl4jmnist.model.MnistCnn;
import dev.dl4jmnist.model.MlpConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code experiment} from the command line: tiny real sweeps (the MLP; the MLP and the CNN), a rerun, and refusals before training. */
class ExperimentCommandTest {
    private static final String NL = System.lineSeparator();
    private static final String HEADER = "configuration          network  batch epochs    train s   s/epoch train loss"
            + " test loss  test acc      errors  parameters";

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
        assertTrue(out.contains("[1/2] b100-h64-e1: mlp, batch 100, hidden 64, 1 epoch" + NL), out);
        assertTrue(out.contains("      epoch 1/1: 20/20 - "), out);
        assertTrue(out.contains("[2/2] b400-h64-e1: mlp, batch 400, hidden 64, 1 epoch" + NL), out);
        assertTrue(out.matches("(?s).*\\[2/2] b400-h64-e1: done - [0-9.]+s training - test loss [0-9.]+ - test accuracy [0-9.]+\\R.*"), out);
        assertTrue(out.contains(HEADER), out);
        assertTrue(out.matches("(?s).*\\Rb100-h64-e1 +mlp +100 +1 .* [0-9]+/500 +50,890\\R.*"), out);
        assertTrue(out.contains("Wrote " + dir.resolve("out/validation-loss.png")), out);
        List<String> csv = Files.readAllLines(dir.resolve("out/results.csv"));
        assertEquals(3, csv.size());
        // The test accuracy printed in the table is the one in the CSV.
        double acc = Double.parseDouble(csv.get(1).split(",")[9]);
        assertTrue(out.contains(String.format(java.util.Locale.ROOT, "%.4f", acc)), out);

        CliRunner again = CliRunner.run(tiny("--batch-sizes", "100,400", "--hidden", "64"));
        assertEquals(0, again.exitCode(), again.err());
        assertTrue(again.out().contains("[1/2] b100-h64-e1: finished earlier, skipped"), again.out());
        assertTrue(again.out().contains("Reused from an earlier run: b100-h64-e1, b400-h64-e1"), again.out());
        assertFalse(again.out().contains("epoch 1/1"), again.out());
    }

    @Test
    void sweepsTheMlpAndTheCnnEachAtItsOwnDefaultsOnTheSameImages() throws IOException {
        CliRunner r = CliRunner.run(tiny("--network", "mlp,cnn"));
        assertEquals(0, r.exitCode(), r.err());
        assertThat(r.err()).isEmpty();

        MlpConfig mlp = MlpConfig.defaults().withEpochs(1);
        CnnConfig cnn = CnnConfig.defaults().withEpochs(1);        // augmentation as configured
        String mlpName = "b" + mlp.batchSize() + "-h512-512-e1";
        String cnnName = "cnn-b" + cnn.batchSize() + "-e1" + (cnn.augmentation().enabled() ? "" : "-noaug");
        long cnnParameters = MnistCnn.create(cnn).numParams();    // whatever the CNN is today
        assertThat(r.out()).containsSubsequence("2 configurations; results in " + dir.resolve("out"),
                "[1/2] " + mlpName + ": mlp, batch " + mlp.batchSize() + ", hidden 512-512, 1 epoch",
                "[2/2] " + cnnName + ": cnn, batch " + cnn.batchSize() + ", ", HEADER);

        // results.json: both networks, each with its own full settings, on the same images
        JsonNode json = new ObjectMapper().readTree(dir.resolve("out/results.json").toFile());
        assertEquals(2, json.get("finished").asInt());
        assertEquals(2000, json.get("trainExamples").asInt());
        assertEquals(500, json.get("testExamples").asInt());
        JsonNode m = json.get("results").get(0);
        JsonNode c = json.get("results").get(1);
        assertEquals(List.of(mlpName, "mlp", cnnName, "cnn"),
                List.of(m.get("name").asText(), m.get("network").asText(), c.get("name").asText(), c.get("network").asText()));
        ObjectMapper mapper = new ObjectMapper();
        assertEquals(mlp, mapper.treeToValue(withoutNetwork(m.get("config")), MlpConfig.class));
        assertEquals(cnn, mapper.treeToValue(withoutNetwork(c.get("config")), CnnConfig.class));
        assertEquals(669_706, m.get("parameters").asLong());
        assertEquals(cnnParameters, c.get("parameters").asLong());
        // one epoch on 2,000 images (measured: MLP 0.80, CNN 0.71 on 1,000 test images); chance is 0.1
        assertThat(m.get("testAccuracy").asDouble()).isGreaterThan(0.7);
        assertThat(c.get("testAccuracy").asDouble()).isGreaterThan(0.5);
        for (JsonNode row : List.of(m, c)) {
            assertEquals(1, row.get("epochs").asInt());
            assertEquals(1, row.get("history").size());
            assertEquals(500 - row.get("testCorrect").asInt(), row.get("testErrors").asInt());
            assertEquals(Math.round(row.get("testAccuracy").asDouble() * 500), row.get("testCorrect").asLong());
            assertThat(row.get("trainSeconds").asDouble()).isPositive();
            assertEquals(row.get("trainSeconds").asDouble(), row.get("secondsPerEpoch").asDouble());
        }

        // results.csv holds the same numbers, and the printed table rounds them
        List<String> csv = Files.readAllLines(dir.resolve("out/results.csv"));
        assertEquals(3, csv.size());
        for (int i = 0; i < 2; i++) {
            JsonNode row = json.get("results").get(i);
            String[] cells = csv.get(i + 1).split(",", -1);
            assertEquals(List.of(row.get("name").asText(), row.get("network").asText(), i == 0 ? "512-512" : "", "1",
                            row.get("trainSeconds").asText(), row.get("testAccuracy").asText(),
                            row.get("testErrors").asText(), "500", row.get("parameters").asText()),
                    List.of(cells[0], cells[1], cells[3], cells[4], cells[5], cells[9], cells[10], cells[11], cells[12]));
            String line = r.out().lines().filter(l -> l.startsWith(row.get("name").asText() + " ")).findFirst().orElseThrow();
            assertThat(line).contains(" " + row.get("network").asText() + " ")
                    .contains(String.format(Locale.ROOT, "%.4f", row.get("testAccuracy").asDouble()))
                    .contains(String.format(Locale.ROOT, "%.4f", row.get("testLoss").asDouble()))
                    .contains(" " + row.get("testErrors").asInt() + "/500 ")
                    .endsWith(String.format(Locale.ROOT, "%,d", row.get("parameters").asLong()));
        }
        for (String chart : List.of("test-accuracy-vs-batch-size.png", "training-time-vs-batch-size.png",
                "validation-loss.png", "test-accuracy-vs-training-time.png", "test-accuracy-vs-parameters.png")) {
            assertThat(r.out()).contains("Wrote " + dir.resolve("out").resolve(chart));
            assertThat(ImageIO.read(dir.resolve("out").resolve(chart).toFile()).getWidth()).isEqualTo(900);
        }
        assertThat(dir.resolve("out/runs/" + cnnName + ".json")).isRegularFile();
    }

    private static JsonNode withoutNetwork(JsonNode config) {
        return ((ObjectNode) config.deepCopy()).without("network");
    }

    @Test
    void badNetworksAreOneClearUsageErrorBeforeTraining() {
        assertThat(refusal("--network", "rnn"))
                .startsWith("error: Invalid value for option '--network' (NAME): expected one of [mlp, cnn]");
        assertThat(refusal("--network", "mlp,cnn,mlp")).isEqualTo("error: --network names mlp more than once");
        assertThat(refusal("--network", ",")).isEqualTo("error: --network needs mlp, cnn or mlp,cnn");
        assertThat(refusal("--network", "cnn", "--hidden", "64")).isEqualTo("error: --hidden applies to --network mlp only");
        assertThat(refusal("--network", "cnn", "--config", "config/experiments.json"))
                .isEqualTo("error: use either --config or --network/--batch-sizes/--hidden, not both");
    }

    /** The first error line of a refused run, after checking it is a usage error that wrote nothing. */
    private String refusal(String... options) {
        CliRunner r = CliRunner.run(tiny(options));
        assertEquals(MnistApp.EXIT_USAGE, r.exitCode(), r.err());
        assertThat(r.out()).isEmpty();
        assertThat(r.errLines()).hasSize(2);                          // the message and the usage hint
        assertThat(r.errLines().get(1)).isEqualTo("Try 'dl4j-mnist experiment --help' for usage.");
        assertThat(dir.resolve("out")).doesNotExist();
        return r.errLines().get(0);
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
        assertTrue(both.err().startsWith("error: use either --config or --network/--batch-sizes/--hidden, not both" + NL), both.err());

        CliRunner epochs = CliRunner.run("experiment", "--epochs", "0", "--output", dir.resolve("out").toString());
        assertEquals(MnistApp.EXIT_USAGE, epochs.exitCode());
        assertTrue(epochs.err().startsWith("error: epochs must be at least 1, got 0" + NL), epochs.err());
        assertFalse(Files.exists(dir.resolve("out")), "nothing written");
    }
}
