package dev.dl4jmnist.server;

import dev.dl4jmnist.FullTier;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dl4jmnist.app.ServeModels;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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
@FullTier
class ServeModelRepositoryTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String ONE_IMAGE = "{\"inputs\":[{\"name\":\"pixels\",\"shape\":[1,784],\"datatype\":\"FP32\",\"data\":"
            + "[" + "0.5,".repeat(783) + "0.5]}]}";

    /** One server for the class; each test works on a model of its own. */
    @TempDir
    static Path store;
    static PredictionServer server;
    static HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() throws IOException {
        for (String name : new String[]{"swap", "broken", "unload", "race"}) {
            ModelFixtures.mlp(ModelFixtures.slot(store, name, 1, "model.zip"), 1);
            Files.createDirectories(store.resolve(name).resolve("notes"));
        }
        Files.writeString(store.resolve("README.txt"), "not a model");
        server = PredictionServer.start(ServedModels.store(store), new PredictionServer.Options("127.0.0.1", 0, 1_000_000, false));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.url()).resolve(path)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    String servedVersion(String model) throws Exception {
        HttpResponse<String> answer = post("/v2/models/" + model + "/infer", ONE_IMAGE);
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
        assertThat(servedVersion("swap")).isEqualTo("1");
        ModelFixtures.mlp(ModelFixtures.slot(store, "swap", 2, "weights.bin"), 2);
        assertThat(servedVersion("swap")).as("not before the load").isEqualTo("1");
        HttpResponse<String> load = post("/v2/repository/models/swap/load", "");
        assertThat(load.statusCode()).as(load.body()).isEqualTo(200);
        assertThat(JSON.readTree(load.body()).get("serving").asText()).isEqualTo("2");
        assertThat(servedVersion("swap")).isEqualTo("2");
        assertThat(post("/v2/models/swap/versions/1/infer", ONE_IMAGE).statusCode()).isEqualTo(200);
        assertThat(index("swap")).isEqualTo("[{\"name\":\"swap\",\"version\":\"1\",\"state\":\"READY\",\"reason\":\"\"},"
                + "{\"name\":\"swap\",\"version\":\"2\",\"state\":\"READY\",\"reason\":\"\"}]");
    }

    /** The repository index's entries for one model. */
    String index(String model) throws Exception {
        com.fasterxml.jackson.databind.node.ArrayNode mine = JSON.createArrayNode();
        JSON.readTree(post("/v2/repository/index", "{}").body()).forEach(entry -> {
            if (entry.get("name").asText().equals(model)) {
                mine.add(entry);
            }
        });
        return mine.toString();
    }

    @Test
    void brokenVersionsAreRefusedAndTheOldOneKeepsServing() throws Exception {
        ModelFixtures.damaged(ModelFixtures.slot(store, "broken", 2, "model.zip"));
        assertThat(error(post("/v2/repository/models/broken/load", ""), 400))
                .startsWith("version 2 of model 'broken' is refused (versions [1] keep serving): cannot load model ");
        assertThat(servedVersion("broken")).isEqualTo("1");

        Files.delete(store.resolve("broken/2/model.zip"));
        ModelFixtures.fiveOutputs(store.resolve("broken/2/model.zip"));
        assertThat(error(post("/v2/repository/models/broken/load", ""), 400)).contains("does not output 10 digit probabilities");
        assertThat(servedVersion("broken")).isEqualTo("1");

        Files.delete(store.resolve("broken/2/model.zip"));
        ModelFixtures.nanWeights(store.resolve("broken/2/model.zip"));
        assertThat(error(post("/v2/repository/models/broken/load", ""), 400)).startsWith("version 2 of model 'broken' is refused");
        assertThat(servedVersion("broken")).isEqualTo("1");

        Files.writeString(store.resolve("broken/2/second.zip"), "x");
        assertThat(error(post("/v2/repository/models/broken/load", ""), 400)).endsWith("holds 2 entries: model.zip, second.zip");
        assertThat(servedVersion("broken")).isEqualTo("1");
        assertThat(JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(server.url()).resolve("/v2/health/ready")).build(),
                HttpResponse.BodyHandlers.ofString()).body()).get("ready").asBoolean()).isTrue();
    }

    @Test
    void unloadAndUnknownModels() throws Exception {
        assertThat(error(post("/v2/repository/models/nine/load", ""), 404)).isEqualTo("the model store has no model 'nine'");
        assertThat(error(post("/v2/repository/models/bad%20name/load", ""), 404)).isEqualTo("the model store has no model 'bad name'");
        assertThat(post("/v2/repository/models/unload/unload", "").statusCode()).isEqualTo(200);
        assertThat(error(post("/v2/models/unload/infer", ONE_IMAGE), 404)).isEqualTo("no model 'unload' is loaded");
        assertThat(error(post("/v2/repository/models/unload/unload", ""), 404)).isEqualTo("no model 'unload' is loaded");
        assertThat(index("unload")).isEqualTo("[{\"name\":\"unload\",\"state\":\"UNAVAILABLE\",\"reason\":\"unloaded\"}]");
        assertThat(post("/v2/repository/models/unload/load", "").statusCode()).isEqualTo(200);
        assertThat(servedVersion("unload")).isEqualTo("1");
    }

    @Test
    void loadsOfOneModelAtOnceAreRefusedWith409() throws Exception {
        ModelFixtures.mlp(ModelFixtures.slot(store, "race", 2, "model.zip"), 2);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<HttpResponse<String>>> loads = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                loads.add(pool.submit((Callable<HttpResponse<String>>) () -> post("/v2/repository/models/race/load", "")));
            }
            int done = 0;
            for (Future<HttpResponse<String>> load : loads) {
                HttpResponse<String> response = load.get();
                if (response.statusCode() == 200) {
                    done++;
                } else {
                    assertThat(error(response, 409)).isEqualTo("model 'race' is already being loaded or unloaded: try again when that has finished");
                }
            }
            assertThat(done).isPositive();
        } finally {
            pool.shutdownNow();
        }
        assertThat(servedVersion("race")).isEqualTo("2");
    }

    @Test
    void aTokenOpensTheManagementEndpointsOnlyToThoseWhoSendIt(@TempDir Path own) throws Exception {
        ModelFixtures.mlp(ModelFixtures.slot(own, "token", 1, "model.zip"), 1);
        try (PredictionServer guarded = PredictionServer.start(ServedModels.store(own),
                new PredictionServer.Options("127.0.0.1", 0, 1_000_000, false, "s3cret"))) {
            URI load = URI.create(guarded.url()).resolve("/v2/repository/models/token/load");
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
    void repositoryRequestsWithBadBodiesGetOneJsonError() throws Exception {
        assertThat(error(post("/v2/repository/models/swap/load", "{"), 400)).isEqualTo("the body must be empty or a JSON object");
        assertThat(error(post("/v2/repository/models/swap/load", "[1]"), 400)).isEqualTo("the body must be empty or a JSON object");
        assertThat(error(post("/v2/repository/models/swap/load", "{\"parameters\": {\"config\": \"{}\"}}"), 400))
                .startsWith("load takes no parameters");
        assertThat(error(post("/v2/repository/index", "{\"ready\": \"yes\"}"), 400)).isEqualTo("\"ready\" must be true or false");
        assertThat(error(post("/v2/repository/models/swap/unload", "x".repeat(1_000_001)), 413))
                .isEqualTo("the body is larger than the limit of 1000000 bytes");
        assertThat(post("/v2/repository/models/race/load", "{\"parameters\": {}}").statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(post("/v2/repository/index", "{\"ready\": true}").body()).findValuesAsText("state"))
                .isNotEmpty().containsOnly("READY");
        assertThat(servedVersion("swap")).isNotBlank();
    }

    /** Live as soon as HTTP is served; ready only once every model is loaded and warmed up. */
    @Test
    void readyOnlyOnceEveryModelIsLoaded(@TempDir Path own) throws Exception {
        ModelFixtures.mlp(ModelFixtures.slot(own, "first", 1, "model.zip"), 1);
        ModelFixtures.mlp(ModelFixtures.slot(own, "second", 4, "model.zip"), 2);
        ServeModels models = ServeModels.store(own, null);
        try (PredictionServer loading = PredictionServer.start(models, new PredictionServer.Options("127.0.0.1", 0, 1_000_000, false))) {
            URI base = URI.create(loading.url());
            assertThat(get(base.resolve("/v2/health/live")).body()).isEqualTo("{\"live\":true}");
            HttpResponse<String> notYet = get(base.resolve("/v2/health/ready"));
            assertThat(notYet.statusCode()).isEqualTo(503);
            assertThat(notYet.body()).isEqualTo("{\"ready\":false}");
            assertThat(get(base.resolve("/health")).body()).isEqualTo("{\"status\":\"loading\"}");
            assertThat(error(http.send(HttpRequest.newBuilder(base.resolve("/v2/models/first/infer"))
                    .POST(HttpRequest.BodyPublishers.ofString(ONE_IMAGE)).build(), HttpResponse.BodyHandlers.ofString()), 503))
                    .isEqualTo("model 'first' is still loading");
            models.load("first");
            assertThat(get(base.resolve("/v2/health/ready")).statusCode()).as("one model of two").isEqualTo(503);
            models.load("second");
            assertThat(get(base.resolve("/v2/health/ready")).body()).isEqualTo("{\"ready\":true}");
            loading.drain();
            assertThat(get(base.resolve("/v2/health/ready")).statusCode()).as("draining").isEqualTo(503);
            assertThat(get(base.resolve("/health")).body()).isEqualTo("{\"status\":\"draining\"}");
            HttpResponse<String> stillAnswered = http.send(HttpRequest.newBuilder(base.resolve("/v2/models/second/infer"))
                    .POST(HttpRequest.BodyPublishers.ofString(ONE_IMAGE)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(stillAnswered.statusCode()).as("answered while draining").isEqualTo(200);
            assertThat(JSON.readTree(stillAnswered.body()).get("model_version").asText()).isEqualTo("4");
            assertThat(stillAnswered.headers().firstValue("Connection")).hasValue("close");
        }
    }

    HttpResponse<String> get(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
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
