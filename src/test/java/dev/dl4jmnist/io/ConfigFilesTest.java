package dev.dl4jmnist.io;

import dev.dl4jmnist.UsageException;
import dev.dl4jmnist.model.MlpConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Configuration files: which copy is read, and every mistake in them as one line in the user's words. */
class ConfigFilesTest {
    @TempDir
    Path dir;

    private static final String TUTORIAL = """
            {"epochs": 5, "batchSize": 128, "seed": 42, "hidden": [512, 512], "dropout": 0.2,
             "learningRate": 0.001, "beta1": 0.9, "beta2": 0.999, "epsilon": 1e-7}""";

    @Test
    void theUsersCopyWinsOverThePackagedOne() throws IOException {
        Files.writeString(dir.resolve("training.json"), TUTORIAL.replace("\"epochs\": 5", "\"epochs\": 3"));
        ConfigFiles.Loaded<MlpConfig> local = ConfigFiles.readDefault(dir, "training.json", MlpConfig.class);
        assertThat(local.value().epochs()).isEqualTo(3);
        assertThat(local.source()).isEqualTo(dir.resolve("training.json").toString());

        ConfigFiles.Loaded<MlpConfig> packaged = ConfigFiles.readDefault(dir.resolve("none"), "training.json", MlpConfig.class);
        assertThat(packaged.value().epochs()).isEqualTo(5);
        assertThat(packaged.value().hidden()).containsExactly(512, 512);
        assertThat(packaged.source()).isEqualTo("packaged defaults (training.json)");
    }

    @Test
    void theRepositorysConfigIsTheOneReadFromTheProjectDirectory() {
        // tests run in the project directory, as `mvn exec:java` does: ./config/training.json is read
        assertThat(MlpConfig.load(null).source()).isEqualTo(Path.of("config", "training.json").toString());
    }

    @Test
    void wrongTypesAreRefusedInTheUsersWords() throws IOException {
        assertRefused(TUTORIAL.replace("\"epochs\": 5", "\"epochs\": 1.5"), ": \"epochs\" must be a whole number, got 1.5");
        assertRefused(TUTORIAL.replace("\"epochs\": 5", "\"epochs\": \"5\""), ": \"epochs\" must be a whole number, got \"5\"");
        assertRefused(TUTORIAL.replace("\"dropout\": 0.2", "\"dropout\": \"lots\""), ": \"dropout\" must be a number, got \"lots\"");
        assertRefused(TUTORIAL.replace("[512, 512]", "[512, 2.5]"), ": \"hidden[1]\" must be a whole number, got 2.5");
        assertRefused(TUTORIAL.replace("[512, 512]", "512"), ": \"hidden\" must be a list, got 512");
        assertRefused(TUTORIAL.replace("\"seed\": 42", "\"seed\": null"), ": \"seed\" must be a whole number, got null");
        assertRefused(TUTORIAL.replace("\"epochs\": 5", "\"epochs\": 99999999999"), ": \"epochs\" is out of range");
    }

    @Test
    void unknownAndMissingKeysAreNamed() throws IOException {
        assertRefused(TUTORIAL.replace("\"epochs\": 5", "\"epochs\": 5, \"epoch\": 5"), ": unknown key \"epoch\" in the top level (known keys: "
                + "batchSize, beta1, beta2, dropout, epochs, epsilon, hidden, learningRate, seed)");
        assertRefused(TUTORIAL.replace("\"seed\": 42,", ""), ": \"seed\" is missing");
    }

    @Test
    void invalidJsonAndInvalidValuesAreOneLine() throws IOException {
        assertRefused("{\"epochs\": 5,", " line 1, column 14: not valid JSON");
        assertRefused(TUTORIAL + " trailing", " line 2, column 80: not valid JSON");
        assertRefused(TUTORIAL.replace("\"epochs\": 5", "\"epochs\": 0"), ": epochs must be at least 1, got 0");
        assertRefused("null", ": the file holds null instead of an object");
        assertThatThrownBy(() -> MlpConfig.fromFile(dir.resolve("none.json"))).isInstanceOf(UsageException.class)
                .hasMessage("configuration file " + dir.resolve("none.json") + " does not exist");
    }

    private void assertRefused(String json, String expectedAfterFileName) throws IOException {
        Path f = Files.createTempFile(dir, "training", ".json");
        Files.writeString(f, json);
        assertThatThrownBy(() -> MlpConfig.fromFile(f)).isInstanceOf(UsageException.class)
                .hasMessage(f + expectedAfterFileName)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
}
