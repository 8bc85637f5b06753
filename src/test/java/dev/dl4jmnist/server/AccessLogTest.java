package dev.dl4jmnist.server;

import dev.dl4jmnist.FullTier;
import dev.dl4jmnist.TestModels;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Access log lines (method, path, status, ms) on standard error only when asked for, through the application's logging set-up. */
@FullTier
class AccessLogTest {

    private static String standardErrorWhileServing(boolean accessLog) throws Exception {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try (PredictionServer server = PredictionServer.start(ServedModels.loaded(TestModels.quickModelPath()),
                new PredictionServer.Options("127.0.0.1", 0, 100_000, accessLog))) {
            HttpResponse<String> health = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(server.url()).resolve("/health")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
        } finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    @Test
    void quietByDefaultAndOneLinePerRequestWhenAsked() throws Exception {
        assertThat(standardErrorWhileServing(false)).doesNotContain("/health");
        assertThat(standardErrorWhileServing(true)).containsPattern("(?m)^INFO  d\\.d\\.server\\.access - GET /health 200 \\d+\\.\\d ms$");
    }
}
