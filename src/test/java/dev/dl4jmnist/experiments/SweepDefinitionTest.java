package dev.dl4jmnist.experiments;

import dev.dl4jmnist.AppException;
import dev.dl4jmnist.model.CnnConfig;
import dev.dl4jmnist.model.MlpConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Reading sweep files and building sweeps from options: the default sweep, and every kind of refusal. */
class SweepDefinitionTest {
    @TempDir
    Path dir;

    @Test
    void defaultSweepIsTheTutorialsQuestions() {
        List<ExperimentConfig> c = SweepDefinition.defaults().configurations();
        assertEquals(List.of("b32-h512-512-e5", "b128-h512-512-e5", "b10000-h512-512-e5", "b128-h512-e5",
                "b128-h512-512-512-e5", "b128-h256-256-e5", "b128-h1024-1024-e5"),
                c.stream().map(ExperimentConfig::name).toList());
        MlpConfig tutorial = MlpConfig.defaults();
        for (ExperimentConfig e : c) {
            // Only batch size and hidden widths differ from the tutorial; seed, dropout and Adam are shared.
            assertEquals(tutorial.withBatchSize(e.batchSize()).withHidden(e.hidden()), e.training(), e.name());
        }
    }

    @Test
    void fileKeysOverrideTheSweepsEpochsAndTheTutorialsDefaults() throws IOException {
        Path f = write("""
                {"_comment": "x", "epochs": 2, "configurations": [
                  {"batchSize": 64},
                  {"name": "deep", "hidden": [100, 50, 25], "epochs": 3, "_comment": "y"}
                ]}""");
        List<ExperimentConfig> c = SweepDefinition.fromFile(f).configurations();
        assertEquals("b64-h512-512-e2", c.get(0).name());
        assertEquals(MlpConfig.defaults().withEpochs(2).withBatchSize(64), c.get(0).training());
        assertEquals("deep", c.get(1).name());
        assertEquals(List.of(100, 50, 25), c.get(1).hidden());
        assertEquals(3, c.get(1).epochs());
        assertEquals(128, c.get(1).batchSize());
    }

    @Test
    void optionsMakeEveryCombinationAndEpochsRenameDerivedNames() {
        SweepDefinition grid = SweepDefinition.grid(MlpConfig.defaults(), List.of(32, 10000),
                List.of(List.of(512), List.of(256, 256)));
        assertEquals(List.of("b32-h512-e5", "b10000-h512-e5", "b32-h256-256-e5", "b10000-h256-256-e5"),
                grid.configurations().stream().map(ExperimentConfig::name).toList());
        SweepDefinition one = grid.withEpochs(1);
        assertEquals("b10000-h256-256-e1", one.configurations().get(3).name());
        assertEquals(1, one.configurations().get(3).epochs());
        assertEquals(List.of("b128-h512-512-e5"),
                SweepDefinition.grid(MlpConfig.defaults(), null, null).configurations().stream()
                        .map(ExperimentConfig::name).toList());
    }

    @Test
    void aConfigurationNamesItsNetworkAndStartsFromThatNetworksDefaults() throws IOException {
        Path f = write("""
                {"epochs": 2, "configurations": [
                  {"network": "mlp"},
                  {"network": "cnn"},
                  {"network": "cnn", "batchSize": 64, "augment": false, "epochs": 1}
                ]}""");
        List<ExperimentConfig> c = SweepDefinition.fromFile(f).configurations();
        CnnConfig cnn = CnnConfig.defaults();
        assertEquals(MlpConfig.defaults().withEpochs(2), c.get(0).training());
        assertEquals("b128-h512-512-e2", c.get(0).name());
        assertEquals("mlp", c.get(0).network());
        // the CNN's settings are config/training-cnn.json's, with the sweep's epochs
        assertEquals(cnn.withEpochs(2), c.get(1).training());
        assertEquals("cnn", c.get(1).network());
        assertEquals(List.of(), c.get(1).hidden());
        assertEquals("cnn-b" + cnn.batchSize() + "-e2" + (cnn.augmentation().enabled() ? "" : "-noaug"), c.get(1).name());
        assertEquals(cnn.withBatchSize(64).withEpochs(1).withAugmentation(cnn.augmentation().withEnabled(false)),
                c.get(2).training());
        assertEquals("cnn-b64-e1-noaug", c.get(2).name());
        assertEquals("cnn, batch 64, not augmented, 1 epoch", c.get(2).describe());
        assertEquals("mlp, batch 128, hidden 512-512, 2 epochs", c.get(0).describe());
    }

    @Test
    void networkOptionsMakeOneConfigurationPerNetworkAtItsDefaults() {
        CnnConfig cnn = CnnConfig.defaults();
        SweepDefinition both = SweepDefinition.grid(List.of(MlpConfig.defaults(), cnn), null, null);
        assertEquals(List.of(MlpConfig.defaults(), cnn),
                both.configurations().stream().map(ExperimentConfig::training).toList());
        // batch sizes apply to every network, hidden layouts to the MLP only
        SweepDefinition grid = SweepDefinition.grid(List.of(MlpConfig.defaults(), cnn), List.of(32, 256),
                List.of(List.of(64)));
        assertEquals(List.of("b32-h64-e5", "b256-h64-e5", ExperimentConfig.defaultName(cnn.withBatchSize(32)),
                ExperimentConfig.defaultName(cnn.withBatchSize(256))),
                grid.configurations().stream().map(ExperimentConfig::name).toList());
        SweepDefinition one = grid.withEpochs(1);
        assertEquals(cnn.withBatchSize(256).withEpochs(1), one.configurations().get(3).training());
        assertThat(one.configurations().get(3).name()).startsWith("cnn-b256-e1");
    }

    @Test
    void networkKeysAreCheckedLikeEveryOther() throws IOException {
        assertRefused("{\"configurations\": [{}, {\"network\": \"rnn\"}]}",
                ": configurations[1]: unknown network \"rnn\" (known: mlp, cnn)");
        assertRefused("{\"configurations\": [{\"network\": \"cnn\", \"hidden\": [64]}]}",
                ": configurations[0]: \"hidden\" applies to the mlp only, not the cnn");
        assertRefused("{\"configurations\": [{\"augment\": false}]}",
                ": configurations[0]: \"augment\" applies to the cnn only, not the mlp");
        assertRefused("{\"configurations\": [{\"network\": [\"cnn\"]}]}",
                ": \"configurations[0].network\" must be text in quotes, got a list");
        assertRefused("{\"configurations\": [{\"network\": \"cnn\", \"augment\": \"no\"}]}",
                ": \"configurations[0].augment\" must be true or false, got \"no\"");
        assertRefused("{\"configurations\": [{\"network\": \"cnn\"}, {\"network\": \"cnn\", \"name\": \"again\"}]}",
                ": configurations[1] repeats configurations[0] (" + SweepDefinition.grid(List.of(CnnConfig.defaults()),
                        null, null).configurations().get(0).describe() + "); list each configuration once");
    }

    @Test
    void batchSizeZeroIsRefused() throws IOException {
        assertRefused("{\"configurations\": [{\"batchSize\": 128}, {\"batchSize\": 0}]}",
                ": configurations[1]: batch size must be at least 1, got 0");
    }

    @Test
    void emptyHiddenListIsRefused() throws IOException {
        assertRefused("{\"configurations\": [{\"hidden\": []}]}", ": configurations[0]: hidden layers must not be empty");
        assertRefused("{\"configurations\": [{\"hidden\": [512, 0]}]}",
                ": configurations[0]: hidden layer sizes must be positive, got [512, 0]");
    }

    @Test
    void unknownKeysAreRefusedByName() throws IOException {
        assertRefused("{\"configurations\": [{\"batchSize\": 32}, {\"batch_size\": 32}]}",
                ": unknown key \"batch_size\" in configurations[1] (known keys: augment, batchSize, epochs, hidden, name, network)");
        assertRefused("{\"epochs\": 5, \"learningRate\": 0.1, \"configurations\": [{}]}",
                ": unknown key \"learningRate\" in the top level (known keys: configurations, epochs)");
    }

    @Test
    void otherMistakesAreRefusedWithOneClearLine() throws IOException {
        assertRefused("{\"configurations\": []}", ": a sweep needs at least one configuration");
        assertRefused("{\"epochs\": 5}", ": no \"configurations\" list");
        assertRefused("{\"epochs\": 0, \"configurations\": [{}]}", ": epochs must be at least 1, got 0");
        assertRefused("{\"configurations\": [{\"batchSize\": 12.5}]}",
                ": \"configurations[0].batchSize\" must be a whole number, got 12.5");
        assertRefused("{\"configurations\": [{\"hidden\": \"512\"}]}", ": \"configurations[0].hidden\" must be a list, got \"512\"");
        assertRefused("{\"configurations\": [{\"batchSize\": 128}", " line 1, column 39: not valid JSON");
        assertRefused("{\"configurations\": [{\"batchSize\": 128}, {\"hidden\": [512, 512]}]}",
                ": configurations[1] repeats configurations[0] (mlp, batch 128, hidden 512-512, 5 epochs); list each configuration once");
        assertRefused("{\"configurations\": [{\"name\": \"a\"}, {\"name\": \"a\", \"batchSize\": 64}]}",
                ": configurations[1] has the same name as configurations[0] (a); names must be unique");
        assertRefused("{\"configurations\": [{\"name\": \"../escape\"}]}",
                ": configurations[0]: configuration name must be 1-64 letters, digits, '.', '_' or '-' (starting with"
                        + " a letter or digit), got \"../escape\"");
        AppException missing = assertThrows(AppException.class, () -> SweepDefinition.fromFile(dir.resolve("none.json")));
        assertEquals("experiment file " + dir.resolve("none.json") + " does not exist", missing.getMessage());
    }

    private void assertRefused(String json, String expectedAfterFileName) throws IOException {
        Path f = write(json);
        AppException e = assertThrows(AppException.class, () -> SweepDefinition.fromFile(f));
        assertEquals(f + expectedAfterFileName, e.getMessage());
    }

    private Path write(String json) throws IOException {
        Path f = Files.createTempFile(dir, "sweep", ".json");
        Files.writeString(f, json);
        return f;
    }
}
