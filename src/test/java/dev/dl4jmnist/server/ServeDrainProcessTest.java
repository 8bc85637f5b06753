package dev.dl4jmnist.server;

import dev.dl4jmnist.FullTier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code serve --drain-seconds 3} as its own process under the load of 16 clients: on SIGTERM readiness turns false at
 * once while requests are still answered; then the server stops accepting, finishes what is in flight and exits 0.
 * No request that was accepted fails (refused connections, after the stop, are counted apart).
 */
@FullTier
class ServeDrainProcessTest {
    static final Pattern SERVING = Pattern.compile("Serving http://127\\.0\\.0\\.1:(\\d+)/ with (.+)");

    @TempDir
    Path dir;

    @Test
    void sigtermDrainsThenStopsWithoutFailingARequest() throws Exception {
        Path store = dir.resolve("store");
        ModelFixtures.mlp(ModelFixtures.slot(store, "mnist", 1, "model.zip"), 1);
        Path output = dir.resolve("serve.out");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Djava.awt.headless=true", "-Xmx512m",
                "dev.dl4jmnist.cli.MnistApp", "serve", "--port", "0", "--model-store", store.toString(), "--drain-seconds", "3")
                .redirectError(ProcessBuilder.Redirect.DISCARD).redirectOutput(output.toFile()).start();
        ExecutorService clients = Executors.newFixedThreadPool(16);
        try {
            int port = port(output, process);
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
            URI infer = URI.create("http://127.0.0.1:" + port + "/v2/models/mnist/infer");
            URI ready = URI.create("http://127.0.0.1:" + port + "/v2/health/ready");
            assertThat(http.send(HttpRequest.newBuilder(ready).build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
            AtomicInteger answered = new AtomicInteger(), failed = new AtomicInteger(), refused = new AtomicInteger();
            java.util.Map<String, Integer> failures = new java.util.concurrent.ConcurrentHashMap<>();
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            for (int c = 0; c < 16; c++) {
                clients.submit(() -> {
                    while (System.nanoTime() < end && process.isAlive()) {
                        try {
                            HttpResponse<String> r = http.send(HttpRequest.newBuilder(infer).timeout(Duration.ofSeconds(10))
                                    .POST(HttpRequest.BodyPublishers.ofString(ServeModelRepositoryTest.ONE_IMAGE)).build(), HttpResponse.BodyHandlers.ofString());
                            if (r.statusCode() == 200) {
                                answered.incrementAndGet();
                            } else {
                                failed.incrementAndGet();
                                failures.merge(r.statusCode() + " " + r.body(), 1, Integer::sum);
                            }
                        } catch (ConnectException e) {
                            refused.incrementAndGet();

                        } catch (Exception e) {
                            if (e instanceof java.io.IOException && String.valueOf(e.getMessage()).contains("received no bytes")) {
                                // sent on a connection the server had just closed (its last answer said Connection: close,
                                // as every answer does while draining): never read, so never accepted, like a refused one
                                refused.incrementAndGet();
                            } else {
                                failed.incrementAndGet();
                                failures.merge(e.toString(), 1, Integer::sum);
                            }
                        }
                    }
                    return null;
                });
            }
            Thread.sleep(1500);
            long term = System.nanoTime();
            process.destroy();                                                  // SIGTERM
            Thread.sleep(300);
            HttpResponse<String> notReady = http.send(HttpRequest.newBuilder(ready).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(notReady.statusCode()).as("readiness right after SIGTERM").isEqualTo(503);
            assertThat(notReady.body()).isEqualTo("{\"ready\":false}");
            int before = answered.get();
            Thread.sleep(1500);
            assertThat(answered.get()).as("requests still answered while draining").isGreaterThan(before);
            assertThat(process.waitFor(15, TimeUnit.SECONDS)).isTrue();
            double seconds = (System.nanoTime() - term) / 1e9;
            clients.shutdown();
            assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
            System.out.printf("drain: exit %d %.1f s after SIGTERM; %d answered, %d failed, %d refused after the stop%n",
                    process.exitValue(), seconds, answered.get(), failed.get(), refused.get());
            assertThat(process.exitValue()).isZero();
            assertThat(seconds).isBetween(3.0, 3.0 + PredictionServer.STOP_TIMEOUT_MS / 1000.0 + 3);
            assertThat(failed.get()).as("accepted requests that failed: %s", failures).isZero();
            List<String> lines = Files.readAllLines(output);
            assertThat(lines).contains("Draining: not ready, still answering for 3.0 s", "Stopping: finishing requests in flight");
        } finally {
            clients.shutdownNow();
            process.destroyForcibly();
        }
    }

    static int port(Path output, Process process) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline && process.isAlive()) {
            List<String> lines = Files.exists(output) ? Files.readAllLines(output) : List.of();
            if (!lines.isEmpty()) {
                Matcher m = SERVING.matcher(lines.get(0));
                assertThat(m.matches()).as(lines.get(0)).isTrue();
                return Integer.parseInt(m.group(1));
            }
            Thread.sleep(100);
        }
        throw new AssertionError("serve did not start: " + (Files.exists(output) ? Files.readString(output) : ""));
    }
}
