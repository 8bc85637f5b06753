package dev.dl4jmnist.server;

import dev.dl4jmnist.FullTier;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dl4jmnist.TestData;
import dev.dl4jmnist.TestModels;
import dev.dl4jmnist.cli.CliRunner;
import dev.dl4jmnist.data.MnistImages;
import dev.dl4jmnist.io.Sha256;
import dev.dl4jmnist.prediction.imaging.DigitPipeline;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The HTTP API on a loopback port: every endpoint, every error status, the same answers as {@code predict}, concurrent clients. */
@FullTier
class PredictionServerTest {
    static final long MAX_BODY = 100_000;
    static final int PICTURES = 12;
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static dev.dl4jmnist.app.ServeModels service;
    static PredictionServer server;
    static HttpClient http;
    static List<byte[]> pictures = new ArrayList<>();

    @BeforeAll
    static void start() throws IOException {
        service = ServedModels.loaded(TestModels.quickModelPath());
        server = PredictionServer.start(service, new PredictionServer.Options("127.0.0.1", 0, MAX_BODY, false));
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        MnistImages mnist = TestData.mnist().testImages();
        for (int i = 0; i < PICTURES; i++) {
            pictures.add(DrawnDigits.mnist(mnist, i));
        }
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    static URI uri(String path) {
        return URI.create(server.url()).resolve(path);
    }

    static HttpResponse<String> post(String path, String contentType, byte[] body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> response) throws IOException {
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        return JSON.readTree(response.body());
    }

    /** Asserts status and a one-field {"error": "..."} body; returns the message. */
    static String error(HttpResponse<String> response, int status) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode body = json(response);
        assertThat(body.size()).isEqualTo(1);
        String message = body.get("error").asText();
        assertThat(message).isNotBlank().doesNotContain("\n").doesNotContain("Exception");
        return message;
    }

    @Test
    void healthAndModelDescribeTheLoadedModel() throws Exception {
        HttpResponse<String> health = get("/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(json(health).get("status").asText()).isEqualTo("ok");

        JsonNode model = json(get("/api/model"));
        Path file = TestModels.quickModelPath();
        assertThat(model.get("file").asText()).isEqualTo(file.getFileName().toString());   // no server path in public answers
        assertThat(model.has("path")).isFalse();
        assertThat(model.get("sha256").asText()).isEqualTo(Sha256.of(file));
        assertThat(model.get("parameters").asLong()).isEqualTo(669_706L);
        assertThat(model.get("testAccuracy").isNull()).isTrue();              // no run summary beside it
    }

    @Test
    void modelInfoTakesTheTestAccuracyFromTheRunSummary() throws IOException {
        Path copy = Files.copy(TestModels.quickModelPath(), dir.resolve("run.zip"));
        Files.writeString(dir.resolve("run.json"), "{\"test\": {\"loss\": 0.11, \"accuracy\": 0.9671, \"correct\": 9671, \"total\": 10000}}");
        dev.dl4jmnist.app.ModelInfo info = ServedModels.loaded(copy).model(null, null).info();
        assertThat(info.testAccuracy()).isEqualTo(0.9671);
        assertThat(info.sha256()).isEqualTo(Sha256.of(copy));
    }

    @Test
    void thePageAndItsFilesAreServed() throws Exception {
        HttpResponse<String> page = get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.body()).contains("<canvas id=\"pad\"", "id=\"clear\"", "id=\"upload\"", "id=\"prediction\"",
                "id=\"probabilities\"", "id=\"preprocessed\"", "app.js", "style.css").doesNotContain("http://", "https://");
        assertThat(get("/app.js").statusCode()).isEqualTo(200);
        assertThat(get("/style.css").statusCode()).isEqualTo(200);
    }

    /**
     * Exactly the same JSON as {@code predict --json} on the same file. Each picture on its own: {@code predict}
     * runs the model on batches of pictures, and a batch of one sums in another order than a batch of twelve
     * (the last bits of the probabilities differ).
     */
    @Test
    void givesTheSameAnswersAsPredictJson() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("same"));
        MnistImages mnist = TestData.mnist().testImages();
        int right = 0;
        for (int i = 0; i < PICTURES; i++) {
            Path file = Files.write(folder.resolve("p" + i + ".png"), pictures.get(i));
            CliRunner run = CliRunner.run("predict", "--json", "--model", TestModels.quickModelPath().toString(), file.toString());
            assertThat(run.exitCode()).as(run.err()).isZero();
            ObjectNode expected = (ObjectNode) JSON.readTree(run.out().strip());
            expected.remove("file");
            JsonNode served = json(post("/api/predict", "image/png", pictures.get(i)));
            assertThat(served).as("picture %d", i).isEqualTo(expected);
            right += served.get("prediction").asInt() == mnist.labels()[i] ? 1 : 0;
        }
        assertThat(right).as("MNIST's labels (the test model is 97%% accurate)").isGreaterThanOrEqualTo(PICTURES - 1);
    }

    /**
     * The inference protocol, given the 784 floats that {@code predict} feeds the model for a picture, answers with
     * the very probabilities {@code predict --json} prints for it (its three highest, as the same shortest decimals
     * of the same floats) and {@code /api/predict?probabilities=true} gives for all ten.
     */
    @Test
    void theInferenceProtocolGivesTheCliProbabilitiesBitForBit() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("v2"));
        for (int i = 0; i < 4; i++) {
            Path file = Files.write(folder.resolve("p" + i + ".png"), pictures.get(i));
            CliRunner run = CliRunner.run("predict", "--json", "--model", TestModels.quickModelPath().toString(), file.toString());
            assertThat(run.exitCode()).as(run.err()).isZero();
            JsonNode cli = JSON.readTree(run.out().strip());
            float[] pixels = DigitPipeline.prepare(ImageIO.read(new ByteArrayInputStream(pictures.get(i)))).modelInput();
            JsonNode v2 = json(post("/v2/models/mnist/infer", "application/json",
                    ServeOpenInferenceTest.request(new float[][]{pixels}, "p" + i).getBytes(StandardCharsets.UTF_8)));
            JsonNode probabilities = v2.get("outputs").get(0).get("data");
            assertThat(v2.get("outputs").get(1).get("data").get(0).asInt()).isEqualTo(cli.get("prediction").asInt());
            for (JsonNode candidate : cli.get("top3")) {
                String served = probabilities.get(candidate.get("digit").asInt()).asText();
                assertThat(Float.floatToRawIntBits(Float.parseFloat(served))).as("picture %d digit %d", i, candidate.get("digit").asInt())
                        .isEqualTo(Float.floatToRawIntBits(Float.parseFloat(candidate.get("probability").asText())));
            }
            JsonNode page = json(post("/api/predict?probabilities=true", "image/png", pictures.get(i))).get("probabilities");
            for (int d = 0; d < 10; d++) {
                assertThat(Float.floatToRawIntBits(Float.parseFloat(probabilities.get(d).asText())))
                        .isEqualTo(Float.floatToRawIntBits(Float.parseFloat(page.get(d).asText())));
            }
        }
    }

    @Test
    void multipartUploadGivesTheSameAnswerAndItsFileName() throws Exception {
        String boundary = "----digit-boundary";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"image\"; filename=\"seven.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = concat(head, pictures.get(0), tail);
        JsonNode multipart = json(post("/api/predict", "multipart/form-data; boundary=" + boundary, body));
        ObjectNode raw = (ObjectNode) json(post("/api/predict", "image/png", pictures.get(0)));
        assertThat(multipart.get("file").asText()).isEqualTo("seven.png");
        raw.put("file", "seven.png");
        assertThat(multipart).isEqualTo(raw);

        byte[] wrongField = concat(head, pictures.get(0), tail);
        String renamed = new String(wrongField, StandardCharsets.ISO_8859_1).replace("name=\"image\"", "name=\"photo\"");
        assertThat(error(post("/api/predict", "multipart/form-data; boundary=" + boundary,
                renamed.getBytes(StandardCharsets.ISO_8859_1)), 400)).isEqualTo("the multipart form has no field 'image'");
    }

    @Test
    void preprocessedIsTheModelsInputAsBase64PngAndProbabilitiesAreAllTen() throws Exception {
        JsonNode answer = json(post("/api/predict?preprocessed=true&probabilities=true", "image/png", pictures.get(0)));
        BufferedImage seen = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(answer.get("preprocessed").asText())));
        assertThat(seen.getWidth()).isEqualTo(28);
        assertThat(seen.getHeight()).isEqualTo(28);
        byte[] expected = DigitPipeline.prepare(ImageIO.read(new ByteArrayInputStream(pictures.get(0)))).pixels();
        byte[] actual = new byte[28 * 28];
        seen.getRaster().getDataElements(0, 0, 28, 28, actual);
        assertThat(actual).isEqualTo(expected);

        JsonNode all = answer.get("probabilities");
        assertThat(all.size()).isEqualTo(10);
        double sum = 0;
        int best = 0;
        for (int d = 0; d < 10; d++) {
            sum += all.get(d).asDouble();
            best = all.get(d).asDouble() > all.get(best).asDouble() ? d : best;
        }
        assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(best).isEqualTo(answer.get("prediction").asInt());
        assertThat(all.get(best).asDouble()).isEqualTo(answer.get("probability").asDouble());
        assertThat(json(post("/api/predict", "image/png", pictures.get(0))).has("preprocessed")).isFalse();
    }

    @Test
    void drawnStrokesAreReadAsDigits() throws Exception {
        assertThat(json(post("/api/predict", "image/png", DrawnDigits.stroke(140, 50, 140, 230))).get("prediction").asInt()).isEqualTo(1);
        assertThat(json(post("/api/predict", "image/png", DrawnDigits.loop())).get("prediction").asInt()).isEqualTo(0);
    }

    @Test
    void badPicturesGet400AndABlankPageIsNotADigit() throws Exception {
        assertThat(error(post("/api/predict", "image/png", "these are notes".getBytes(StandardCharsets.UTF_8)), 400))
                .isEqualTo("not a PNG, JPEG, BMP or GIF image");
        assertThat(error(post("/api/predict", "image/png", Arrays.copyOf(pictures.get(0), 80)), 400)).startsWith("cannot decode image");
        HttpResponse<String> blank = post("/api/predict", "image/png", DrawnDigits.png(new BufferedImage(280, 280, BufferedImage.TYPE_INT_RGB)));
        assertThat(blank.statusCode()).as("a blank page is an answer, not an error").isEqualTo(200);
        assertThat(json(blank).toString()).isEqualTo("{\"notADigit\":true,\"reason\":"
                + "\"no digit found: the image is blank (no ink stands out from the background)\"}");
        assertThat(error(post("/api/predict", "image/png", new byte[0]), 400)).isEqualTo("the request body is empty: send the picture's bytes");
    }

    @Test
    void unsupportedContentTypesGet415() throws Exception {
        assertThat(error(post("/api/predict", "text/plain", pictures.get(0)), 415)).startsWith("content type text/plain is not supported");
        assertThat(error(post("/api/predict", "image/webp", pictures.get(0)), 415)).startsWith("content type image/webp is not supported");
        assertThat(error(post("/api/predict", null, pictures.get(0)), 415)).startsWith("no content type");
    }

    @Test
    void unknownPathsGet404AndWrongMethods405() throws Exception {
        assertThat(error(get("/api/nothing"), 404)).isEqualTo("no such page: GET /api/nothing");
        assertThat(error(get("/api/predict"), 405)).isEqualTo("GET is not allowed on /api/predict");
        HttpResponse<String> delete = http.send(HttpRequest.newBuilder(uri("/api/model")).DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(error(delete, 405)).isEqualTo("DELETE is not allowed on /api/model");
        assertThat(error(post("/health", "application/json", new byte[]{'{', '}'}), 405)).isEqualTo("POST is not allowed on /health");
        HttpResponse<String> put = send("PUT", "/api/predict");
        assertThat(error(put, 405)).isEqualTo("PUT is not allowed on /api/predict");
        assertThat(put.headers().firstValue("Allow")).hasValue("POST");
    }

    @Test
    void thePagesFilesTakeOnlyGetAndHead() throws Exception {
        HttpResponse<String> postPage = post("/", "image/png", pictures.get(0));
        assertThat(error(postPage, 405)).isEqualTo("POST is not allowed on /");
        assertThat(postPage.headers().firstValue("Allow")).hasValue("GET, HEAD");
        assertThat(error(send("PUT", "/app.js"), 405)).isEqualTo("PUT is not allowed on /app.js");
        assertThat(error(send("DELETE", "/index.html"), 405)).isEqualTo("DELETE is not allowed on /index.html");
        assertThat(error(post("/nothing.js", "image/png", pictures.get(0)), 404)).isEqualTo("no such page: POST /nothing.js");
        HttpResponse<Void> head = http.send(HttpRequest.newBuilder(uri("/")).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(head.statusCode()).isEqualTo(200);
    }

    /** A request with {@code method} and no body. */
    static HttpResponse<String> send(String method, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).method(method, HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aBodyOverTheLimitGets413FromItsContentLengthBeforeItIsSent() throws IOException {
        String response = raw("POST /api/predict HTTP/1.1\r\nHost: x\r\nContent-Type: image/png\r\nContent-Length: 1000000000\r\n\r\n");
        assertThat(response).startsWith("HTTP/1.1 413 ");
        assertThat(response).endsWith("{\"error\":\"the body is larger than the limit of " + MAX_BODY + " bytes\"}");
    }

    /**
     * A body just over its declared limit, sent whole while the server refuses it: the client reads the 413 every
     * time, never a connection reset by the bytes the server left unread, and its next request works (before the
     * server drained refused bodies, Java's client failed here within a few attempts).
     */
    @Test
    void aClientSendingABodyOverTheLimitReadsThe413EveryTime() throws Exception {
        byte[] tooLarge = new byte[(int) MAX_BODY * 3 / 2];
        for (int i = 0; i < 40; i++) {
            HttpResponse<String> refused = post("/api/predict", "image/png", tooLarge);
            assertThat(refused.statusCode()).as("attempt %d", i).isEqualTo(413);
            assertThat(refused.headers().firstValue("Connection")).hasValue("close");
            assertThat(refused.body()).isEqualTo("{\"error\":\"the body is larger than the limit of " + MAX_BODY + " bytes\"}");
            assertThat(send("GET", "/health").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aStreamedBodyOverTheLimitGets413() throws IOException {
        int size = (int) MAX_BODY + 5000;
        String response = raw("POST /api/predict HTTP/1.1\r\nHost: x\r\nContent-Type: image/png\r\nTransfer-Encoding: chunked\r\n\r\n"
                + Integer.toHexString(size) + "\r\n" + "x".repeat(size) + "\r\n0\r\n\r\n");
        assertThat(response).startsWith("HTTP/1.1 413 ");
        // the whole body was sent, so Jetty could keep the connection: the answer closes it all the same
        assertThat(response).contains("\r\nConnection: close\r\n");
        assertThat(response).endsWith("{\"error\":\"the body is larger than the limit of " + MAX_BODY + " bytes\"}");
    }

    @Test
    void concurrentClientsGetTheSameAnswersAsSequentialOnes() throws Exception {
        List<String> sequential = new ArrayList<>();
        for (byte[] picture : pictures) {
            sequential.add(post("/api/predict?probabilities=true", "image/png", picture).body());
        }
        int clients = 16;
        int rounds = 4;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<List<String>>> futures = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int offset = c;
                futures.add(pool.submit(() -> {
                    List<String> answers = new ArrayList<>();
                    for (int k = 0; k < rounds * PICTURES; k++) {
                        int i = (offset + k) % PICTURES;
                        HttpResponse<String> r = post("/api/predict?probabilities=true", "image/png", pictures.get(i));
                        answers.add(i + " " + r.statusCode() + " " + r.body());
                    }
                    return answers;
                }));
            }
            for (int c = 0; c < clients; c++) {
                List<String> answers = futures.get(c).get(120, TimeUnit.SECONDS);
                for (int k = 0; k < answers.size(); k++) {
                    int i = (c + k) % PICTURES;
                    assertThat(answers.get(k)).isEqualTo(i + " 200 " + sequential.get(i));
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Sends raw bytes over one connection and returns the whole response (the server closes it). */
    static String raw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request.getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            } catch (IOException stoppedEarly) {
                // the server may answer and close before the whole body is written
            }
            socket.shutdownOutput();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            return response.trim();
        }
    }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
