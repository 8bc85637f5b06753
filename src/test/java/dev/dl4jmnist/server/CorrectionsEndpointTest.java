package dev.dl4jmnist.server;

import dev.dl4jmnist.FullTier;
import dev.dl4jmnist.TestModels;
import dev.dl4jmnist.app.KeepCorrections;
import dev.dl4jmnist.app.ServeModels;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code POST /api/corrections}: kept with its label, refused without a folder, with a bad label or picture,
 * or, once the management token is set, without it.
 */
@FullTier
class CorrectionsEndpointTest {
    static ServeModels models;
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TempDir
    Path dir;

    @BeforeAll
    static void load() {
        models = ServedModels.loaded(TestModels.quickModelPath());
    }

    private static HttpResponse<String> post(PredictionServer server, String query, byte[] body, String auth) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url() + "api/corrections" + query))
                .header("Content-Type", "image/png").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (auth != null) {
            b.header("Authorization", auth);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private PredictionServer start(KeepCorrections corrections, String token) {
        return PredictionServer.start(models, new PredictionServer.Options("127.0.0.1", 0, 1 << 20, false, token), corrections);
    }

    private long files() throws Exception {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(Files::isRegularFile).count();
        }
    }

    @Test
    void aCorrectionFromThisMachineIsKeptWithItsLabel() throws Exception {
        byte[] one = DrawnDigits.stroke(140, 50, 140, 230);
        try (PredictionServer server = start(new KeepCorrections(dir, 1 << 20), null)) {
            HttpResponse<String> kept = post(server, "?label=7", one, null);
            assertEquals(201, kept.statusCode(), kept.body());
            assertThat(kept.body()).startsWith("{\"label\":7,\"saved\":\"7/");
            assertThat(Files.list(dir.resolve("7")).toList()).hasSize(1);
            assertEquals(400, post(server, "?label=x", one, null).statusCode());
            assertEquals(400, post(server, "", one, null).statusCode());
            HttpResponse<String> garbage = post(server, "?label=3", "not a picture".getBytes(), null);
            assertThat(garbage.statusCode()).isBetween(400, 422);
            assertEquals(1, files(), "only the good one was kept");
        }
    }

    @Test
    void withATokenEveryClientMustSendIt() throws Exception {
        byte[] one = DrawnDigits.stroke(140, 50, 140, 230);
        try (PredictionServer server = start(new KeepCorrections(dir, 1 << 20), "s3cret")) {
            assertEquals(403, post(server, "?label=1", one, null).statusCode());
            assertEquals(403, post(server, "?label=1", one, "Bearer wrong").statusCode());
            assertEquals(201, post(server, "?label=1", one, "Bearer s3cret").statusCode());
            assertEquals(1, files());
        }
    }

    @Test
    void aFullFolderAndNoFolderAreRefused() throws Exception {
        byte[] one = DrawnDigits.stroke(140, 50, 140, 230);
        try (PredictionServer server = start(new KeepCorrections(dir, one.length + 10L), null)) {
            assertEquals(201, post(server, "?label=1", one, null).statusCode());
            HttpResponse<String> full = post(server, "?label=1", one, null);
            assertEquals(507, full.statusCode());
            assertThat(full.body()).contains("the corrections folder is full");
        }
        try (PredictionServer server = start(null, null)) {
            HttpResponse<String> none = post(server, "?label=1", one, null);
            assertEquals(403, none.statusCode());
            assertThat(none.body()).contains("serve --corrections DIR");
        }
    }
}
