package dev.dl4jmnist.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dl4jmnist.app.ServeModels;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Triton's model repository extension over a model store: a new version is loaded without a restart and answers
 * from then on; broken versions (a damaged zip, 5 outputs, NaN weights) and junk in the store are refused with one
 * JSON error while the old version keeps serving; unload; loads of one model at once; the management token.
 */
class ServeModelRepositoryTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String ONE_IMAGE = "{\"inputs\":[{\"name\":\"pixels\",\"shape\":[1,784],\"datatype\":\"FP32\",\"data\":"
            + "[" + "0.5,".repeat(783) + "0.5]}]}";

    @TempDir
    Path store;
    PredictionServer server;
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeEach
    void start() throws IOException {
        ModelFixtures.mlp(ModelFixtures.slot(store, "mnist", 1, "model.zip"), 1);
        Files.writeString(store.resolve("README.txt"), "not a model");
        Files.createDirectories(store.resolve("mnist").resolve("notes"));
        server = PredictionServer.start(ServedModels.store(store), new PredictionServer.Options("127.0.0.1", 0, 1_000_000, false));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.url()).resolve(path)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    String servedVersion() throws Exception {
        HttpResponse<String> answer = post("/v2/models/mnist/infer", ONE_IMAGE);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body()).get("model_version").asText();
    }

    String error(HttpResponse<String> response, int status) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.size()).isEqualTo(1);
        assertThat(body.get("error").asText()).doesNotContain("\n").doesNotContain("Exception");
        return body.get("error").asText();
    }

    @Test
    void aNewVersionIsServedAfterLoadWithoutARestart() throws Exception {
        assertThat(servedVersion()).isEqualTo("1");
        ModelFixtures.mlp(ModelFixtures.slot(store, "mnist", 2, "weights.bin"), 2);
        assertThat(servedVersion()).as("not before the load").isEqualTo("1");
        HttpResponse<String> load = post("/v2/repository/models/mnist/load", "");
        assertThat(load.statusCode()).as(load.body()).isEqualTo(200);
        assertThat(JSON.readTree(load.body()).get("serving").asText()).isEqualTo("2");
        assertThat(servedVersion()).isEqualTo("2");
        assertThat(post("/v2/models/mnist/versions/1/infer", ONE_IMAGE).statusCode()).isEqualTo(200);
        JsonNode index = JSON.readTree(post("/v2/repository/index", "{}").body());
        assertThat(index.toString()).isEqualTo("[{\"name\":\"mnist\",\"version\":\"1\",\"state\":\"READY\",\"reason\":\"\"},"
                + "{\"name\":\"mnist\",\"version\":\"2\",\"state\":\"READY\",\"reason\":\"\"}]");
    }

    @Test
    void brokenVersionsAreRefusedAndTheOldOneKeepsServing() throws Exception {
        ModelFixtures.damaged(ModelFixtures.slot(store, "mnist", 2, "model.zip"));
        assertThat(error(post("/v2/repository/models/mnist/load", ""), 400))
                .startsWith("version 2 of model 'mnist' is refused (versions [1] keep serving): cannot load model ");
        assertThat(servedVersion()).isEqualTo("1");

        Files.delete(store.resolve("mnist/2/model.zip"));
        ModelFixtures.fiveOutputs(store.resolve("mnist/2/model.zip"));
        assertThat(error(post("/v2/repository/models/mnist/load", ""), 400)).contains("does not output 10 digit probabilities");
        assertThat(servedVersion()).isEqualTo("1");

        Files.delete(store.resolve("mnist/2/model.zip"));
        ModelFixtures.nanWeights(store.resolve("mnist/2/model.zip"));
        assertThat(error(post("/v2/repository/models/mnist/load", ""), 400)).startsWith("version 2 of model 'mnist' is refused");
        assertThat(servedVersion()).isEqualTo("1");

        Files.writeString(store.resolve("mnist/2/second.zip"), "x");
        assertThat(error(post("/v2/repository/models/mnist/load", ""), 400)).endsWith("holds 2 entries: model.zip, second.zip");
        assertThat(servedVersion()).isEqualTo("1");
        assertThat(JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(server.url()).resolve("/v2/health/ready")).build(),
                HttpResponse.BodyHandlers.ofString()).body()).get("ready").asBoolean()).isTrue();
    }

    @Test
    void unloadAndUnknownModels() throws Exception {
        assertThat(error(post("/v2/repository/models/nine/load", ""), 404)).isEqualTo("the model store has no model 'nine'");
        assertThat(error(post("/v2/repository/models/bad%20name/load", ""), 404)).isEqualTo("the model store has no model 'bad name'");
        assertThat(post("/v2/repository/models/mnist/unload", "").statusCode()).isEqualTo(200);
        assertThat(error(post("/v2/models/mnist/infer", ONE_IMAGE), 404)).isEqualTo("no model 'mnist' is loaded");
        assertThat(error(post("/v2/repository/models/mnist/unload", ""), 404)).isEqualTo("no model 'mnist' is loaded");
        assertThat(JSON.readTree(post("/v2/repository/index", "").body()).toString())
                .isEqualTo("[{\"name\":\"mnist\",\"state\":\"UNAVAILABLE\",\"reason\":\"unloaded\"}]");
        assertThat(post("/v2/repository/models/mnist/load", "").statusCode()).isEqualTo(200);
        assertThat(servedVersion()).isEqualTo("1");
    }

    @Test
    void loadsOfOneModelAtOnceAreRefusedWith409() throws Exception {
        ModelFixtures.mlp(ModelFixtures.slot(store, "mnist", 2, "model.zip"), 2);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<HttpResponse<String>>> loads = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                loads.add(pool.submit((Callable<HttpResponse<String>>) () -> post("/v2/repository/models/mnist/load", "")));
            }
            int done = 0;
            for (Future<HttpResponse<String>> load : loads) {
                HttpResponse<String> response = load.get();
                if (response.statusCode() == 200) {
                    done++;
                } else {
                    assertThat(error(response, 409)).isEqualTo("model 'mnist' is already being loaded or unloaded: try again when that has finished");
                }
            }
            assertThat(done).isPositive();
        } finally {
            pool.shutdownNow();
        }
        assertThat(servedVersion()).isEqualTo("2");
    }

    @Test
    void aTokenOpensTheManagementEndpointsOnlyToThoseWhoSendIt() throws Exception {
        try (PredictionServer guarded = PredictionServer.start(ServedModels.store(store),
                new PredictionServer.Options("127.0.0.1", 0, 1_000_000, false, "s3cret"))) {
            URI load = URI.create(guarded.url()).resolve("/v2/repository/models/mnist/load");
            HttpResponse<String> without = http.send(HttpRequest.newBuilder(load).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(error(without, 403)).startsWith("the model repository endpoints need the management token");
            HttpResponse<String> wrong = http.send(HttpRequest.newBuilder(load).header("Authorization", "Bearer s3cre")
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            error(wrong, 403);
            HttpResponse<String> with = http.send(HttpRequest.newBuilder(load).header("Authorization", "Bearer s3cret")
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(with.statusCode()).as(with.body()).isEqualTo(200);
        }
    }

    @Test
    void aStoreWithAnEmptyModelOrNoModelsIsRefusedAtStart(@TempDir Path other) throws IOException {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ServeModels.store(other, null))
                .hasMessage("model store " + other.toAbsolutePath().normalize() + " has no models: put each in NAME/VERSION/FILE");
        Files.createDirectories(other.resolve("empty"));
        ServeModels models = ServeModels.store(other, null);
        org.assertj.core.api.Assertions.assertThatThrownBy(models::loadAll)
                .hasMessage("model 'empty' has no versions in the model store (a version is a directory named 1, 2, … holding one model file)");
        assertThat(models.ready()).isFalse();
    }
}
