package dev.dl4jmnist.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dl4jmnist.FullTier;
import dev.dl4jmnist.TestData;
import dev.dl4jmnist.app.ServeModels;
import dev.dl4jmnist.cli.CliRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The drawing page's corrections end up served without a restart: a model fine-tuned on them
 * ({@code train --fine-tune}) written as the next version in the model store is served once the store is
 * told to load it, while the server keeps running.
 */
@FullTier
class FineTunedVersionHotLoadTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aFineTunedVersionIsServedAfterALoadWithoutARestart(@TempDir Path store, @TempDir Path corrections) throws Exception {
        Path first = ModelFixtures.mlp(ModelFixtures.slot(store, "mnist", 1, "model.zip"), 1);
        for (int i = 0; i < 3; i++) {
            Files.createDirectories(corrections.resolve("1"));
            Files.write(corrections.resolve("1").resolve("one-" + i + ".png"), DrawnDigits.stroke(140, 50 + i * 5, 140, 230));
        }
        ServeModels models = ServedModels.store(store);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        try (PredictionServer server = PredictionServer.start(models, new PredictionServer.Options("127.0.0.1", 0, 1 << 20, false))) {
            assertThat(servedVersion(http, server)).isEqualTo("1");

            Path second = ModelFixtures.slot(store, "mnist", 2, "fine-tuned.zip");
            CliRunner tuned = CliRunner.run("train", "--fine-tune", first.toString(), "--corrections", corrections.toString(),
                    "--model", second.toString(), "--replay", "500", "--epochs", "1",
                    "--data-dir", TestData.mnist().location().directory().toString());
            assertThat(tuned.exitCode()).as(tuned.err()).isZero();
            assertThat(servedVersion(http, server)).as("not before the load").isEqualTo("1");

            HttpResponse<String> load = http.send(HttpRequest.newBuilder(URI.create(server.url()).resolve("/v2/repository/models/mnist/load"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(load.statusCode()).as(load.body()).isEqualTo(200);
            assertThat(servedVersion(http, server)).isEqualTo("2");
        }
    }

    private static String servedVersion(HttpClient http, PredictionServer server) throws Exception {
        float[] pixels = new float[784];
        Arrays.fill(pixels, 0.5f);
        String body = "{\"inputs\":[{\"name\":\"pixels\",\"shape\":[1,784],\"datatype\":\"FP32\",\"data\":"
                + JSON.writeValueAsString(pixels) + "}]}";
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(server.url()).resolve("/v2/models/mnist/infer"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body()).get("model_version").asText();
    }
}
