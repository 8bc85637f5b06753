package dev.dl4jmnist.server;

import dev.dl4jmnist.FullTier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /metrics}, after answers and errors of every kind, passes {@code promtool check metrics} (Debian's prometheus). */
@FullTier
class MetricsPromtoolTest {
    static final Path PROMTOOL = Path.of("/usr/bin/promtool");

    @TempDir
    Path store;

    @Test
    void theMetricsPassPromtool() throws Exception {
        assertThat(PROMTOOL).as("promtool checks the metrics: apt-get install prometheus").isExecutable();
        ModelFixtures.mlp(ModelFixtures.slot(store, "mnist", 1, "model.zip"), 1);
        ModelFixtures.cnn(ModelFixtures.slot(store, "convnet", 1, "model.zip"));
        String metrics;
        try (PredictionServer server = PredictionServer.start(ServedModels.store(store),
                new PredictionServer.Options("127.0.0.1", 0, 1_000_000, false))) {
            HttpClient http = HttpClient.newHttpClient();
            URI base = URI.create(server.url());
            for (String path : new String[]{"/v2/models/mnist/infer", "/v2/models/convnet/infer", "/v2/models/nine/infer"}) {
                http.send(HttpRequest.newBuilder(base.resolve(path)).POST(HttpRequest.BodyPublishers.ofString(ServeModelRepositoryTest.ONE_IMAGE)).build(),
                        HttpResponse.BodyHandlers.discarding());
            }
            http.send(HttpRequest.newBuilder(base.resolve("/v2/models/mnist/infer")).POST(HttpRequest.BodyPublishers.ofString("{")).build(),
                    HttpResponse.BodyHandlers.discarding());
            http.send(HttpRequest.newBuilder(base.resolve("/")).build(), HttpResponse.BodyHandlers.discarding());
            http.send(HttpRequest.newBuilder(base.resolve("/api/predict")).header("Content-Type", "image/png")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(DrawnDigits.stroke(140, 50, 140, 230))).build(), HttpResponse.BodyHandlers.discarding());
            metrics = http.send(HttpRequest.newBuilder(base.resolve("/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
        }
        assertThat(metrics).containsPattern("mnist_inferences_total\\{model=\"convnet\",version=\"1\"} [1-9]")
                .contains("mnist_errors_total{reason=\"not_found\"} 1.0").contains("mnist_errors_total{reason=\"invalid_request\"} 1.0");
        Path file = Files.writeString(store.resolve("metrics.txt"), metrics);
        Process promtool = new ProcessBuilder(PROMTOOL.toString(), "check", "metrics").redirectInput(file.toFile())
                .redirectErrorStream(true).start();
        assertThat(promtool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String said = new String(promtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        System.out.printf("promtool check metrics: exit %d, %d lines checked%s%n", promtool.exitValue(), metrics.lines().count(),
                said.isBlank() ? "" : ": " + said.strip());
        assertThat(said).as("promtool's findings").isBlank();
        assertThat(promtool.exitValue()).isZero();
    }
}
