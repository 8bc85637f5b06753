package dev.dl4jmnist.server;

import dev.dl4jmnist.FullTier;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dl4jmnist.TestData;
import dev.dl4jmnist.app.ServeModels;
import dev.dl4jmnist.data.MnistImages;
import dev.dl4jmnist.model.DigitClassifier;
import dev.dl4jmnist.persistence.ModelStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Open Inference Protocol on a loopback port, over a model store of untrained networks (two MLP versions and a
 * CNN): server and model metadata, health, inference with flat and nested data bit for bit as the Java API, the
 * CNN's image shape, and every refusal as one JSON error.
 */
@FullTier
class ServeOpenInferenceTest {
    static final long MAX_BODY = 2_000_000;
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path store;
    static ServeModels models;
    static PredictionServer server;
    static HttpClient http;
    static float[][] images;

    @BeforeAll
    static void start() throws IOException {
        ModelFixtures.mlp(ModelFixtures.slot(store, "mnist", 1, "model.zip"), 1);
        ModelFixtures.mlp(ModelFixtures.slot(store, "mnist", 2, "any-name.zip"), 2);
        ModelFixtures.cnn(ModelFixtures.slot(store, "convnet", 1, "cnn.zip"));
        models = ServeModels.store(store, "mnist");
        models.loadAll();
        server = PredictionServer.start(models, new PredictionServer.Options("127.0.0.1", 0, MAX_BODY, false));
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        MnistImages mnist = TestData.mnist().testImages();
        images = new float[3][];
        for (int i = 0; i < images.length; i++) {
            images[i] = mnist.scaled(i);
        }
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    static HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.url()).resolve(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.url()).resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode ok(HttpResponse<String> response) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    static String error(HttpResponse<String> response, int status) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.size()).as(response.body()).isEqualTo(1);
        String message = body.get("error").asText();
        assertThat(message).isNotBlank().doesNotContain("\n").doesNotContain("Exception").doesNotContain("\tat ");
        return message;
    }

    /** An inference request for {@code images}, data flat, each pixel written as its shortest float decimal. */
    static String request(float[][] images, String id) {
        StringBuilder data = new StringBuilder();
        for (float[] image : images) {
            for (float p : image) {
                data.append(data.isEmpty() ? "" : ",").append(p);
            }
        }
        return "{" + (id != null ? "\"id\":\"" + id + "\"," : "") + "\"inputs\":[{\"name\":\"pixels\",\"shape\":[" + images.length
                + ",784],\"datatype\":\"FP32\",\"data\":[" + data + "]}]}";
    }

    @Test
    void serverMetadataAndHealth() throws Exception {
        JsonNode meta = ok(get("/v2"));
        assertThat(meta.get("name").asText()).isEqualTo("dl4j-mnist");
        assertThat(meta.get("version").asText()).isNotBlank();
        assertThat(meta.get("extensions").toString()).isEqualTo("[\"model_repository\"]");
        assertThat(ok(get("/v2/health/live")).toString()).isEqualTo("{\"live\":true}");
        assertThat(ok(get("/v2/health/ready")).toString()).isEqualTo("{\"ready\":true}");
        assertThat(ok(get("/v2/models/mnist/ready")).toString()).isEqualTo("{\"name\":\"mnist\",\"ready\":true}");
        assertThat(ok(get("/v2/models/mnist/versions/1/ready")).get("ready").asBoolean()).isTrue();
    }

    @Test
    void modelMetadataListsVersionsPlatformAndTensors() throws Exception {
        JsonNode meta = ok(get("/v2/models/mnist"));
        assertThat(meta.get("name").asText()).isEqualTo("mnist");
        assertThat(meta.get("versions").toString()).isEqualTo("[\"1\",\"2\"]");
        assertThat(meta.get("platform").asText()).isEqualTo("deeplearning4j_zip");
        assertThat(meta.get("inputs").toString()).isEqualTo("[{\"name\":\"pixels\",\"datatype\":\"FP32\",\"shape\":[-1,784]}]");
        assertThat(meta.get("outputs").toString()).isEqualTo("[{\"name\":\"probabilities\",\"datatype\":\"FP32\",\"shape\":[-1,10]},"
                + "{\"name\":\"label\",\"datatype\":\"INT64\",\"shape\":[-1]},{\"name\":\"not_a_digit\",\"datatype\":\"BOOL\",\"shape\":[-1]}]");
        assertThat(ok(get("/v2/models/mnist/versions/1"))).isEqualTo(meta);
    }

    @Test
    void inferenceIsBitIdenticalToTheJavaApiForEachVersion() throws Exception {
        for (int version = 1; version <= 2; version++) {
            DigitClassifier java = ModelStore.loadClassifier(store.resolve("mnist").resolve(Integer.toString(version))
                    .resolve(version == 1 ? "model.zip" : "any-name.zip"));
            JsonNode answer = ok(post("/v2/models/mnist/versions/" + version + "/infer", request(images, "req-" + version)));
            assertThat(answer.get("model_name").asText()).isEqualTo("mnist");
            assertThat(answer.get("model_version").asText()).isEqualTo(Integer.toString(version));
            assertThat(answer.get("id").asText()).isEqualTo("req-" + version);
            JsonNode probabilities = answer.get("outputs").get(0);
            JsonNode labels = answer.get("outputs").get(1);
            assertThat(probabilities.get("name").asText()).isEqualTo("probabilities");
            assertThat(probabilities.get("datatype").asText()).isEqualTo("FP32");
            assertThat(probabilities.get("shape").toString()).isEqualTo("[3,10]");
            assertThat(labels.get("name").asText()).isEqualTo("label");
            assertThat(labels.get("datatype").asText()).isEqualTo("INT64");
            assertThat(labels.get("shape").toString()).isEqualTo("[3]");
            for (int i = 0; i < images.length; i++) {
                float[] expected = java.probabilities(new float[][]{images[i]})[0];
                for (int d = 0; d < 10; d++) {
                    float served = Float.parseFloat(probabilities.get("data").get(i * 10 + d).asText());
                    assertThat(Float.floatToRawIntBits(served)).as("image %d digit %d", i, d).isEqualTo(Float.floatToRawIntBits(expected[d]));
                }
                assertThat(labels.get("data").get(i).asInt()).isEqualTo(DigitClassifier.argMax(expected));
            }
        }
    }

    @Test
    void requestsNamingNoVersionGetTheHighest() throws Exception {
        assertThat(ok(post("/v2/models/mnist/infer", request(images, null))).get("model_version").asText()).isEqualTo("2");
        assertThat(ok(post("/v2/models/mnist/infer", request(images, null))).has("id")).isFalse();
    }

    @Test
    void nestedDataAndTheCnnImageShapeGiveTheSameAnswer() throws Exception {
        String flat = post("/v2/models/convnet/infer", request(new float[][]{images[0]}, "a")).body();
        StringBuilder image = new StringBuilder("[[");
        for (int y = 0; y < 28; y++) {
            image.append(y > 0 ? "," : "").append("[");
            for (int x = 0; x < 28; x++) {
                image.append(x > 0 ? "," : "").append("[").append(images[0][y * 28 + x]).append("]");
            }
            image.append("]");
        }
        image.append("]]");
        String nested = "{\"id\":\"a\",\"inputs\":[{\"name\":\"pixels\",\"shape\":[1,28,28,1],\"datatype\":\"FP32\",\"data\":" + image + "}]}";
        assertThat(ok(post("/v2/models/convnet/infer", nested))).isEqualTo(JSON.readTree(flat));
        StringBuilder rows = new StringBuilder("[[");
        for (int i = 0; i < 784; i++) {
            rows.append(i > 0 ? "," : "").append(images[0][i]);
        }
        rows.append("]]");
        String nestedRows = "{\"id\":\"a\",\"inputs\":[{\"name\":\"pixels\",\"shape\":[1,784],\"datatype\":\"FP32\",\"data\":" + rows + "}]}";
        assertThat(ok(post("/v2/models/convnet/infer", nestedRows))).isEqualTo(JSON.readTree(flat));
        assertThat(error(post("/v2/models/mnist/infer", nested), 400)).isEqualTo("input 'pixels' has shape [1,28,28,1], but this model takes [N, 784]");
    }

    @Test
    void parametersAreEchoedAndOutputsCanBeChosen() throws Exception {
        String body = request(new float[][]{images[1]}, "x").replace("\"inputs\"", "\"parameters\":{\"trace\":true,\"n\":2},"
                + "\"outputs\":[{\"name\":\"label\"}],\"inputs\"");
        JsonNode answer = ok(post("/v2/models/mnist/infer", body));
        assertThat(answer.get("parameters").toString()).isEqualTo("{\"trace\":true,\"n\":2}");
        assertThat(answer.get("outputs").size()).isEqualTo(1);
        assertThat(answer.get("outputs").get(0).get("name").asText()).isEqualTo("label");
    }

    @Test
    void badRequestsGetOneJsonError() throws Exception {
        String good = request(new float[][]{images[0]}, null);
        assertThat(error(post("/v2/models/mnist/infer", "{\"inputs\": ["), 400)).startsWith("the body is not valid JSON");
        assertThat(error(post("/v2/models/mnist/infer", "[]"), 400)).isEqualTo("the body must be a JSON object with \"inputs\"");
        assertThat(error(post("/v2/models/mnist/infer", "{}"), 400)).isEqualTo("\"inputs\" must be an array of one tensor, 'pixels'");
        assertThat(error(post("/v2/models/mnist/infer", good.replace("FP32", "INT32")), 400))
                .isEqualTo("input 'pixels' must have datatype FP32, not INT32");
        assertThat(error(post("/v2/models/mnist/infer", good.replace("\"pixels\"", "\"input0\"")), 400))
                .isEqualTo("unknown input 'input0': the model takes one input, 'pixels'");
        assertThat(error(post("/v2/models/mnist/infer", good.replace("[1,784]", "[1,783]")), 400))
                .isEqualTo("input 'pixels' has shape [1,783], but this model takes [N, 784]");
        assertThat(error(post("/v2/models/mnist/infer", good.replace("[1,784]", "[1025,784]")), 400))
                .isEqualTo("input 'pixels' has shape [1025,784]: at most 1024 images per request");
        assertThat(error(post("/v2/models/mnist/infer", good.replace("[1,784]", "[2,784]")), 400))
                .isEqualTo("input 'pixels' has 784 values, but its shape [2,784] needs 1568");
        assertThat(error(post("/v2/models/mnist/infer", good.replace("\"data\":[", "\"data\":[NaN,")), 400))
                .isEqualTo("input 'pixels' has 785 values, but its shape [1,784] needs 784");
        String withNaN = good.replace("\"data\":[0.0,", "\"data\":[NaN,");
        assertThat(withNaN).isNotEqualTo(good);
        assertThat(error(post("/v2/models/mnist/infer", withNaN), 400)).isEqualTo("input 'pixels' element 0 is NaN: pixels are finite numbers from 0 to 1");
        assertThat(error(post("/v2/models/mnist/infer", good.replace("\"data\":[0.0,", "\"data\":[Infinity,")), 400))
                .isEqualTo("input 'pixels' element 0 is Infinity: pixels are finite numbers from 0 to 1");
        assertThat(error(post("/v2/models/mnist/infer", good.replace("\"data\":[0.0,", "\"data\":[1e39,")), 400))
                .startsWith("input 'pixels' element 0 is ");
        assertThat(error(post("/v2/models/mnist/infer", good.replace("\"data\":[0.0,", "\"data\":[255,")), 400))
                .isEqualTo("input 'pixels' element 0 is 255: pixels are from 0 to 1 (MNIST's scale, not 0 to 255)");
        assertThat(error(post("/v2/models/mnist/infer", good.replace("\"data\":[0.0,", "\"data\":[\"0\",")), 400))
                .isEqualTo("input 'pixels' element 0 is \"0\", not a number: FP32 data are numbers");
        assertThat(error(post("/v2/models/mnist/infer", good.replace("\"inputs\"", "\"outputs\":[{\"name\":\"logits\"}],\"inputs\"")), 400))
                .isEqualTo("unknown output 'logits': the model gives probabilities, label and not_a_digit");
        assertThat(error(post("/v2/models/mnist/infer", good.replace("{\"inputs\"", "{\"id\":5,\"inputs\"")), 400))
                .isEqualTo("\"id\" must be a string");
        assertThat(error(post("/v2/models/mnist/infer", ""), 400)).isEqualTo("the request body is empty: send an inference request (JSON)");
    }

    @Test
    void unknownModelsAndVersionsGet404() throws Exception {
        String good = request(new float[][]{images[0]}, null);
        assertThat(error(post("/v2/models/nine/infer", good), 404)).isEqualTo("no model 'nine' is loaded");
        assertThat(error(post("/v2/models/mnist/versions/7/infer", good), 404)).isEqualTo("model 'mnist' has no version 7 loaded (loaded: [1, 2])");
        assertThat(error(post("/v2/models/mnist/versions/v1/infer", good), 404))
                .isEqualTo("model 'mnist' has no version 'v1' (versions are positive integers)");
        assertThat(error(get("/v2/models/nine"), 404)).isEqualTo("no model 'nine' is loaded");
        assertThat(error(get("/v2/models/nine/ready"), 404)).isEqualTo("no model 'nine' is loaded");
        assertThat(error(get("/v2/models/mnist/versions/0"), 404)).isEqualTo("model 'mnist' has no version '0' (versions are positive integers)");
    }

    @Test
    void oversizedBodiesGet413() throws Exception {
        List<float[]> many = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            many.add(images[0]);
        }
        String body = request(many.toArray(new float[0][]), null);
        assertThat(body.length()).isGreaterThan((int) MAX_BODY);
        assertThat(error(post("/v2/models/mnist/infer", body), 413)).isEqualTo("the body is larger than the limit of " + MAX_BODY + " bytes");
        assertThat(ok(get("/v2/health/ready")).get("ready").asBoolean()).isTrue();
    }

    @Test
    void everyAnswerCarriesTheProtectiveHeaders() throws Exception {
        for (HttpResponse<String> response : List.of(get("/"), get("/v2"), get("/nothing"), post("/v2/models/nine/infer", "{}"))) {
            assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(response.headers().firstValue("Content-Security-Policy").orElse("").toLowerCase(Locale.ROOT))
                    .contains("default-src 'self'").contains("img-src 'self' data:");
        }
    }

    @Test
    void thePageApiPicksAModelByNameAndVersion() throws Exception {
        JsonNode list = ok(get("/api/models"));
        assertThat(list.get("default").asText()).isEqualTo("mnist");
        List<String> entries = new ArrayList<>();
        list.get("models").forEach(m -> entries.add(m.get("name").asText() + "/" + m.get("version").asInt() + "/" + m.get("architecture").asText()));
        assertThat(entries).containsExactly("convnet/1/cnn", "mnist/1/mlp", "mnist/2/mlp");
        byte[] picture = DrawnDigits.stroke(140, 50, 140, 230);
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(server.url()).resolve("/api/predict?model=convnet"))
                .header("Content-Type", "image/png").POST(HttpRequest.BodyPublishers.ofByteArray(picture)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.headers().firstValue("X-Model-Name")).hasValue("convnet");
        assertThat(answer.headers().firstValue("X-Model-Version")).hasValue("1");
        HttpResponse<String> byDefault = http.send(HttpRequest.newBuilder(URI.create(server.url()).resolve("/api/predict"))
                .header("Content-Type", "image/png").POST(HttpRequest.BodyPublishers.ofByteArray(picture)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(byDefault.headers().firstValue("X-Model-Version")).hasValue("2");
        assertThat(ok(get("/api/model?model=mnist&version=1")).get("version").asInt()).isEqualTo(1);
        assertThat(error(get("/api/model?model=nine"), 404)).isEqualTo("no model 'nine' is loaded");
        assertThat(error(get("/api/model?model=mnist&version=x"), 400)).isEqualTo("version must be a positive integer, not 'x'");
    }

    @Test
    void metricsAreInPrometheusTextFormat() throws Exception {
        ok(post("/v2/models/mnist/infer", request(images, null)));
        HttpResponse<String> metrics = get("/metrics");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        String text = metrics.body();
        assertThat(text).contains("# TYPE http_server_requests_seconds histogram")
                .containsPattern("http_server_requests_seconds_count\\{[^}]*route=\"/v2/models/\\{name\\}/infer\"[^}]*status=\"200\"")
                .containsPattern("mnist_inferences_total\\{model=\"mnist\",version=\"2\"} [1-9]")
                .contains("mnist_predicted_labels_total{")
                .contains("mnist_model_served_version{model=\"mnist\"} 2.0")
                .contains("mnist_model_served_version{model=\"convnet\"} 1.0")
                .containsPattern("mnist_model_load_duration_seconds\\{model=\"mnist\",version=\"1\"}")
                .contains("jvm_memory_used_bytes").contains("jvm_threads_live_threads").contains("jvm_gc_");
        error(post("/v2/models/nine/infer", "{}"), 404);
        assertThat(get("/metrics").body()).containsPattern("mnist_errors_total\\{reason=\"not_found\"} [1-9]");
    }
}
