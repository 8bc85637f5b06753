package dev.dl4jmnist.server;

import dev.dl4jmnist.FullTier;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dl4jmnist.TestData;
import dev.dl4jmnist.data.MnistImages;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code serve} with the Keras-written keras.io convnet loaded straight from its .h5: the page's API labels
 * pictures of MNIST test digits through the imported CNN, fed the same 784 pixel values as any other model.
 */
@FullTier
class ServeKerasConvnetTest {
    private static final Path CONVNET = Path.of("models/keras/keras-3.11.3-torch-convnet/trained_model.h5");

    @Test
    void theImportedConvnetLabelsPostedPictures() throws Exception {
        dev.dl4jmnist.app.ServeModels service = ServedModels.loaded(CONVNET);
        assertThat(service.model(null, null).info().parameters()).isEqualTo(34_826L);
        MnistImages mnist = TestData.mnist().testImages();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        try (PredictionServer server = PredictionServer.start(service, new PredictionServer.Options("127.0.0.1", 0, 100_000, false))) {
            int right = 0;
            for (int i = 0; i < 5; i++) {
                HttpRequest post = HttpRequest.newBuilder(URI.create(server.url()).resolve("/api/predict"))
                        .header("Content-Type", "image/png").POST(HttpRequest.BodyPublishers.ofByteArray(DrawnDigits.mnist(mnist, i))).build();
                HttpResponse<String> response = http.send(post, HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                JsonNode answer = new ObjectMapper().readTree(response.body());
                right += answer.get("prediction").asInt() == mnist.labels()[i] ? 1 : 0;
            }
            assertThat(right).as("test images 0-4 (7, 2, 1, 0, 4), redrawn at 280×280 and read back").isEqualTo(5);
        }
    }
}
