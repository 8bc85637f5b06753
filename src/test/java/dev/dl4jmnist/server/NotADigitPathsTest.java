package dev.dl4jmnist.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dl4jmnist.FullTier;
import dev.dl4jmnist.TestData;
import dev.dl4jmnist.TestModels;
import dev.dl4jmnist.cli.CliRunner;
import dev.dl4jmnist.data.NonDigits;
import dev.dl4jmnist.model.DigitClassifier;
import dev.dl4jmnist.persistence.ModelStore;
import dev.dl4jmnist.prediction.DigitPredictor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Not a digit" is the same answer on every path: the Java API ({@link DigitPredictor}), {@code predict --json},
 * {@code POST /api/predict} and the inference protocol's {@code not_a_digit} output, with the same calibrated
 * probabilities to the bit, for a picture the calibrated model refuses and for one it accepts.
 */
@FullTier
class NotADigitPathsTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static PredictionServer server;
    static HttpClient http;
    static DigitPredictor predictor;

    @BeforeAll
    static void start() {
        Path model = TestModels.calibratedModelPath();
        server = PredictionServer.start(ServedModels.loaded(model), new PredictionServer.Options("127.0.0.1", 0, 1_000_000, false));
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        DigitClassifier classifier = ModelStore.loadClassifier(model);
        assertThat(classifier.calibration()).as("the test model is calibrated").isPresent();
        predictor = new DigitPredictor(classifier, DigitPredictor.Options.defaults());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aPictureTheModelRefusesIsNotADigitEverywhere() throws Exception {
        byte[] refused = null;
        float[][] candidates = NonDigits.images(200, 7);
        for (int i = 0; i < candidates.length && refused == null; i++) {
            byte[] png = enlarged(candidates[i]);
            if (!predictor.predict("candidate", png).isDigit()) {
                refused = png;
            }
        }
        assertThat(refused).as("one of 200 pictures that are not digits is refused").isNotNull();
        JsonNode answer = sameOnEveryPath(refused, "refused.png");
        assertThat(answer.has("prediction")).isFalse();
        assertThat(answer.get("notADigit").asBoolean()).isTrue();
        assertThat(answer.get("reason").asText()).isEqualTo(dev.dl4jmnist.prediction.DigitPrediction.UNLIKE_DIGITS);
        assertThat(answer.get("bestGuess").asInt()).isEqualTo(answer.get("top3").get(0).get("digit").asInt());
        assertThat(answer.get("calibrated").asBoolean()).isTrue();
    }

    @Test
    void aDigitIsADigitEverywhere() throws Exception {
        JsonNode answer = sameOnEveryPath(DrawnDigits.mnist(TestData.mnist().testImages(), 0), "seven.png");
        assertThat(answer.get("prediction").asInt()).isEqualTo(7);
        assertThat(answer.get("notADigit").asBoolean()).isFalse();
        assertThat(answer.get("calibrated").asBoolean()).isTrue();
    }

    /** Checks every path gives the Java API's answer for the picture; returns that answer as JSON (without its file). */
    private static JsonNode sameOnEveryPath(byte[] png, String name) throws Exception {
        DigitPredictor.Labelled java = predictor.label(name, png);

        Path file = Files.write(dir.resolve(name), png);
        CliRunner run = CliRunner.run("predict", "--json", "--model", TestModels.calibratedModelPath().toString(), file.toString());
        assertThat(run.exitCode()).as("an answer, not an error: " + run.err()).isZero();
        ObjectNode cli = (ObjectNode) JSON.readTree(run.out().strip());
        cli.remove("file");
        ObjectNode expected = (ObjectNode) JSON.valueToTree(java.prediction());
        expected.remove("file");
        assertThat(cli).isEqualTo(expected);

        HttpResponse<String> page = http.send(HttpRequest.newBuilder(uri("/api/predict?probabilities=true"))
                .header("Content-Type", "image/png").POST(HttpRequest.BodyPublishers.ofByteArray(png)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        ObjectNode served = (ObjectNode) JSON.readTree(page.body());
        JsonNode all = served.remove("probabilities");
        assertThat(served).isEqualTo(expected);

        String request = ServeOpenInferenceTest.request(new float[][]{java.digit().modelInput()}, "x");
        HttpResponse<String> v2 = http.send(HttpRequest.newBuilder(uri("/v2/models/mnist/infer"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(request, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(v2.statusCode()).as(v2.body()).isEqualTo(200);
        JsonNode outputs = JSON.readTree(v2.body()).get("outputs");
        assertThat(outputs.get(2).get("name").asText()).isEqualTo("not_a_digit");
        assertThat(outputs.get(2).get("datatype").asText()).isEqualTo("BOOL");
        assertThat(outputs.get(2).get("data").get(0).asBoolean()).isEqualTo(!java.prediction().isDigit());
        for (int d = 0; d < 10; d++) {
            int bits = Float.floatToRawIntBits(java.probabilities()[d]);
            assertThat(Float.floatToRawIntBits(Float.parseFloat(outputs.get(0).get("data").get(d).asText()))).isEqualTo(bits);
            assertThat(Float.floatToRawIntBits(Float.parseFloat(all.get(d).asText()))).isEqualTo(bits);
        }
        return expected;
    }

    /** A 28×28 picture (ink 1 on black 0) as a 280×280 PNG, each pixel a 10×10 block. */
    private static byte[] enlarged(float[] pixels) {
        BufferedImage image = new BufferedImage(280, 280, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 280; y++) {
            for (int x = 0; x < 280; x++) {
                int v = Math.round(255 * pixels[(y / 10) * 28 + x / 10]);
                image.getRaster().setSample(x, y, 0, v);
            }
        }
        return DrawnDigits.png(image);
    }

    private static URI uri(String path) {
        return URI.create(server.url()).resolve(path);
    }
}
