package dev.dl4jmnist.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dl4jmnist.FullTier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A hot swap under load (a benchmark that prints its counts, with assertions on outcomes only): 32 clients send
 * inference requests without pause while version 2 is written into the store and loaded. No request fails, every
 * answer names its version, and every request sent after the load has answered is answered by version 2.
 */
@FullTier
class HotSwapUnderLoadTest {
    static final int CLIENTS = 32;
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path store;

    @Test
    void zeroFailedRequestsAcrossASwap() throws Exception {
        ModelFixtures.mlp(ModelFixtures.slot(store, "mnist", 1, "model.zip"), 1);
        try (PredictionServer server = PredictionServer.start(ServedModels.store(store),
                new PredictionServer.Options("127.0.0.1", 0, 1_000_000, false))) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
            URI infer = URI.create(server.url()).resolve("/v2/models/mnist/infer");
            AtomicLong swappedAt = new AtomicLong(Long.MAX_VALUE);
            Map<String, AtomicInteger> byVersion = new ConcurrentHashMap<>();
            AtomicInteger failed = new AtomicInteger();
            AtomicInteger oldAfterSwap = new AtomicInteger();
            AtomicInteger sent = new AtomicInteger();
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(8);
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            for (int c = 0; c < CLIENTS; c++) {
                clients.submit(() -> {
                    while (System.nanoTime() < end && sent.incrementAndGet() <= 50_000) {
                        long started = System.nanoTime();
                        try {
                            HttpResponse<String> response = http.send(HttpRequest.newBuilder(infer).timeout(Duration.ofSeconds(20))
                                    .POST(HttpRequest.BodyPublishers.ofString(ServeModelRepositoryTest.ONE_IMAGE)).build(),
                                    HttpResponse.BodyHandlers.ofString());
                            if (response.statusCode() != 200) {
                                failed.incrementAndGet();
                                continue;
                            }
                            String version = JSON.readTree(response.body()).get("model_version").asText();
                            byVersion.computeIfAbsent(version, v -> new AtomicInteger()).incrementAndGet();
                            if (started > swappedAt.get() && !version.equals("2")) {
                                oldAfterSwap.incrementAndGet();
                            }
                        } catch (Exception e) {
                            failed.incrementAndGet();
                        }
                    }
                    return null;
                });
            }
            Thread.sleep(3000);
            ModelFixtures.mlp(ModelFixtures.slot(store, "mnist", 2, "model.zip"), 2);
            long loadStarted = System.nanoTime();
            HttpResponse<String> load = http.send(HttpRequest.newBuilder(URI.create(server.url()).resolve("/v2/repository/models/mnist/load"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            swappedAt.set(System.nanoTime());
            assertThat(load.statusCode()).as(load.body()).isEqualTo(200);
            clients.shutdown();
            assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
            int v1 = byVersion.getOrDefault("1", new AtomicInteger()).get();
            int v2 = byVersion.getOrDefault("2", new AtomicInteger()).get();
            System.out.printf("hot swap under %d clients: %d requests answered (%d by version 1, %d by version 2), %d failed;"
                            + " the load took %.2f s%n", CLIENTS, v1 + v2, v1, v2, failed.get(), (swappedAt.get() - loadStarted) / 1e9);
            assertThat(failed.get()).as("failed requests").isZero();
            assertThat(byVersion.keySet()).containsExactlyInAnyOrder("1", "2");
            assertThat(oldAfterSwap.get()).as("requests sent after the load answered, answered by version 1").isZero();
            assertThat(v1).isPositive();
            assertThat(v2).isPositive();
        }
    }
}
