package dev.dl4jmnist.server;

import dev.dl4jmnist.FullTier;
import dev.dl4jmnist.app.ServeModels;
import dev.dl4jmnist.prediction.imaging.HostilePictures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Traffic meant to break the server, each case bounded: malformed multipart, oversized headers and URLs,
 * HEAD, clients that trickle their headers or their bodies, and (in serve's own 512 MiB JVM) a burst of large
 * uploads; and what held before still holds (path traversal, TRACE, no Server header, no CORS grant, request
 * smuggling).
 * Every answer is one JSON error with a 4xx or a 503, never a 500 or a stack trace, and normal requests
 * keep being answered.
 */
@FullTier
class HostileTrafficTest {
    private static final Pattern SERVING = Pattern.compile("Serving http://127\\.0\\.0\\.1:(\\d+)/ with (.+)");
    @TempDir
    static Path store;
    static PredictionServer server;
    static HttpClient http;
    static byte[] drawnSeven;

    @BeforeAll
    static void start() throws IOException {
        Path model = ModelFixtures.mlp(store.resolve("model.zip"), 1);
        ServeModels models = ServedModels.loaded(model);
        server = PredictionServer.start(models, new PredictionServer.Options("127.0.0.1", 0, 10 << 20, false, null));
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        drawnSeven = DrawnDigits.stroke(80, 60, 200, 60, 130, 230);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void malformedMultipartIsA400JsonErrorThatClosesTheConnection() throws Exception {
        for (String[] form : new String[][]{
                {"multipart/form-data", "x"},
                {"multipart/form-data; boundary=b", "--b\r\nContent-Disposition: form-data; name=\"image\"; filename=\"a.png\"\r\n\r\nabc"},
                {"multipart/form-data; boundary=b", new String(HostilePictures.manyParts(2000), StandardCharsets.US_ASCII)}}) {
            HttpResponse<String> r = post(form[0], form[1].getBytes(StandardCharsets.ISO_8859_1));
            assertThat(r.statusCode()).as(form[1].substring(0, Math.min(20, form[1].length()))).isEqualTo(400);
            assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
            assertThat(r.headers().firstValue("Connection")).hasValue("close");
            assertThat(r.body()).startsWith("{\"error\":\"the multipart form is malformed").doesNotContain("Exception");
        }
        assertThat(post("image/png", drawnSeven).statusCode()).isEqualTo(200);
    }

    @Test
    void jettysOwnErrorsAreJsonToo() throws Exception {
        String header = raw("GET /api/model HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(64 << 10) + "\r\n\r\n");
        assertThat(header).startsWith("HTTP/1.1 431 ").contains("Content-Type: application/json")
                .endsWith("{\"error\":\"request header fields too large\"}");
        String url = raw("GET /api/model?" + "a".repeat(64 << 10) + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertThat(url).startsWith("HTTP/1.1 414 ").contains("Content-Type: application/json").endsWith("{\"error\":\"uri too long\"}");
    }

    @Test
    void whatHeldBeforeStillHolds() throws Exception {
        for (String path : List.of("/../../../../etc/passwd", "/..%2f..%2f..%2fetc%2fpasswd", "/%2e%2e/%2e%2e/etc/passwd",
                "/web/../../../../etc/passwd")) {
            String answer = raw("GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            assertThat(answer).as(path).doesNotStartWith("HTTP/1.1 200").doesNotContain("root:");
        }
        assertThat(raw("TRACE / HTTP/1.1\r\nHost: x\r\nX-Secret: s3cret\r\nConnection: close\r\n\r\n"))
                .doesNotStartWith("HTTP/1.1 200").doesNotContain("s3cret");
        String model = raw("GET /api/model HTTP/1.1\r\nHost: x\r\nOrigin: http://elsewhere.example\r\nConnection: close\r\n\r\n");
        assertThat(model).startsWith("HTTP/1.1 200").doesNotContainIgnoringCase("\r\nServer:")
                .doesNotContainIgnoringCase("Access-Control-Allow-Origin");
        String smuggled = raw("POST /api/predict HTTP/1.1\r\nHost: x\r\nContent-Type: image/png\r\nContent-Length: 4\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\nGET /api/model HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(smuggled).startsWith("HTTP/1.1 400").doesNotContain("\"sha256\"");
    }

    @Test
    void headAnswersWithTheContentTypeOfGet() throws Exception {
        for (String path : List.of("/api/model", "/health", "/v2", "/v2/health/ready")) {
            HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(server.url()).resolve(path))
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type")).as(path).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        }
    }

    @Test
    void bodiesThatTrickleGet408WhileNormalRequestsAreAnswered() throws Exception {
        // bytes read before count for nothing: the rate is each request's own (Jetty's handler divided the server's total)
        assertThat(post("image/png", new byte[2 << 20]).statusCode()).isEqualTo(400);
        int clients = 20;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<Trickled>> slow = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                slow.add(pool.submit(HostileTrafficTest::trickleBodyUntilCutOff));
            }
            for (int i = 0; i < 5; i++) {
                Thread.sleep(1000);
                assertThat(post("image/png", drawnSeven).statusCode()).isEqualTo(200);
            }
            for (Future<Trickled> f : slow) {
                Trickled t = f.get(60, TimeUnit.SECONDS);
                // well before the 30 s idle timeout, which closes a connection whose body nobody reads
                assertThat(t.seconds()).as("seconds until the server cut the client off").isLessThan(20);
                if (!t.answer().isEmpty()) {
                    assertThat(t.answer()).startsWith("HTTP/1.1 408 ").contains("Content-Type: application/json")
                            .contains("\r\nConnection: close\r\n")
                            .endsWith("{\"error\":\"the request body arrived slower than 2048 bytes a second\"}");
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void headersThatTrickleGet408AtTheDeadlineWhileNormalRequestsAndIdleConnectionsAreAnswered() throws Exception {
        int port = URI.create(server.url()).getPort();
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try (Socket silent = new Socket("127.0.0.1", port); Socket keptAlive = new Socket("127.0.0.1", port)) {
            // neither has begun a request: the idle timeout governs them, not the header deadline
            assertThat(exchange(keptAlive, "GET /api/model HTTP/1.1\r\nHost: x\r\n\r\n")).startsWith("HTTP/1.1 200");
            List<Future<Trickled>> slow = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                slow.add(pool.submit(() -> {
                    try (Socket socket = new Socket("127.0.0.1", port)) {
                        return trickleHeaders(socket);
                    }
                }));
            }
            slow.add(pool.submit(() -> {                  // the next request on a kept-alive connection, after 2 s idle
                try (Socket socket = new Socket("127.0.0.1", port)) {
                    assertThat(exchange(socket, "GET /health HTTP/1.1\r\nHost: x\r\n\r\n")).startsWith("HTTP/1.1 200");
                    Thread.sleep(2000);
                    return trickleHeaders(socket);
                }
            }));
            for (int i = 0; i < 5; i++) {
                Thread.sleep(1000);
                assertThat(post("image/png", drawnSeven).statusCode()).isEqualTo(200);
            }
            double deadline = PredictionServer.HEADER_MILLIS / 1000.0;
            for (Future<Trickled> f : slow) {
                Trickled t = f.get(60, TimeUnit.SECONDS);
                // the deadline counts from the headers' first byte (never earlier), the sweep and the client's reads add a little
                assertThat(t.seconds()).as("seconds from the first byte until the server answered or closed")
                        .isBetween(deadline, deadline + 10);
                if (!t.answer().isEmpty()) {                // else closed before the answer was read
                    assertThat(t.answer()).startsWith("HTTP/1.1 408 ").contains("Content-Type: application/json")
                            .contains("Connection: close").endsWith("{\"error\":\"request timeout\"}");
                }
            }
            assertThat(exchange(keptAlive, "GET /api/model HTTP/1.1\r\nHost: x\r\n\r\n")).startsWith("HTTP/1.1 200");
            assertThat(exchange(silent, "GET /health HTTP/1.1\r\nHost: x\r\n\r\n")).startsWith("HTTP/1.1 200");
            String metrics = http.send(HttpRequest.newBuilder(URI.create(server.url()).resolve("/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(metrics).as("each refused once").containsPattern("(?m)^mnist_errors_total\\{reason=\"slow_headers\"} 9(\\.0)?$");
        } finally {
            pool.shutdownNow();
        }
    }

    /** How long a trickling client was held, and what it was answered (empty: nothing, the connection closed). */
    private record Trickled(double seconds, String answer) {
    }

    /** Sends a request line and a header a byte a second, never ending the headers. */
    private static Trickled trickleHeaders(Socket socket) throws IOException {
        return trickle(socket, "GET /api/model HTTP/1.1\r\nHost: x\r\nX-Slow: ");
    }

    /** Sends {@code opening}, then a byte a second; the seconds from the first byte until the server answers or closes. */
    private static Trickled trickle(Socket socket, String opening) throws IOException {
        socket.setSoTimeout(1000);
        OutputStream out = socket.getOutputStream();
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        long start = System.nanoTime();
        out.write(opening.getBytes(StandardCharsets.ISO_8859_1));
        for (int second = 0; second < 55; second++) {
            try {
                out.write('a');
                out.flush();
                int first = in.read();                  // the answer, or -1: the server closed the connection
                double seconds = (System.nanoTime() - start) / 1e9;
                if (first >= 0) {
                    answer.write(first);
                    socket.setSoTimeout(5000);
                    answer.write(in.readAllBytes());
                }
                return new Trickled(seconds, answer.toString(StandardCharsets.ISO_8859_1));
            } catch (java.net.SocketTimeoutException stillOpen) {
                // nothing for a second: send the next byte
            } catch (SocketException closed) {
                return new Trickled((System.nanoTime() - start) / 1e9, answer.toString(StandardCharsets.ISO_8859_1));
            }
        }
        return new Trickled(Double.POSITIVE_INFINITY, "");
    }

    /** Sends one request on a kept-alive connection and reads its answer, headers and Content-Length's body. */
    private static String exchange(Socket socket, String request) throws IOException {
        socket.setSoTimeout(10_000);
        socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
        InputStream in = socket.getInputStream();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed after " + head);
            }
            head.append((char) b);
        }
        Matcher length = Pattern.compile("(?i)\r\nContent-Length: (\\d+)\r\n").matcher(head);
        int bytes = length.find() ? Integer.parseInt(length.group(1)) : 0;
        return head + new String(in.readNBytes(bytes), StandardCharsets.ISO_8859_1);
    }

    @Test
    void aRequestThatOutlastsTheTimeLimitHasItsConnectionClosed() throws Exception {
        try (PredictionServer limited = PredictionServer.start(ServedModels.loaded(ModelFixtures.mlp(store.resolve("limited.zip"), 1)),
                new PredictionServer.Options("127.0.0.1", 0, 10 << 20, false, null, 3));
             Socket socket = new Socket("127.0.0.1", URI.create(limited.url()).getPort())) {
            socket.setSoTimeout(100);
            OutputStream out = socket.getOutputStream();
            out.write("POST /api/predict HTTP/1.1\r\nHost: x\r\nContent-Type: image/png\r\nContent-Length: 200000\r\n\r\n"
                    .getBytes(StandardCharsets.ISO_8859_1));
            long start = System.nanoTime();
            double seconds = -1;
            for (int tick = 0; tick < 200 && seconds < 0; tick++) {      // 8 KB/s: well above the minimum rate, 20 s or more
                try {
                    out.write(new byte[800]);
                    out.flush();
                    if (socket.getInputStream().read() < 0) {
                        seconds = (System.nanoTime() - start) / 1e9;
                    }
                } catch (java.net.SocketTimeoutException stillOpen) {
                    // nothing yet
                } catch (SocketException closed) {
                    seconds = (System.nanoTime() - start) / 1e9;
                }
            }
            assertThat(seconds).as("seconds until the connection was closed").isBetween(2.5, 10.0);
        }
    }

    /** Declares a 1 MB body and sends a byte a second; the seconds until the server answers or closes, and its answer. */
    private static Trickled trickleBodyUntilCutOff() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", URI.create(server.url()).getPort())) {
            return trickle(socket, "POST /api/predict HTTP/1.1\r\nHost: x\r\nContent-Type: image/png\r\nContent-Length: 1000000\r\n\r\n");
        }
    }

    @Test
    void aBurstOfLargeUploadsInServesHeapGetsAnswersNotAnOutOfMemoryError(@TempDir Path dir) throws Exception {
        Path output = dir.resolve("serve.out");
        Path model = ModelFixtures.mlp(dir.resolve("model.zip"), 1);
        // the jar's launcher: serve in its own JVM with the 512 MiB heap it is run with
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Djava.awt.headless=true", "dev.dl4jmnist.cli.Launcher",
                "serve", "--port", "0", "--model", model.toString())
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        ExecutorService pool = Executors.newFixedThreadPool(64);
        try {
            int port = port(output, process);
            byte[] noise = HostilePictures.noisePng(1750, 1750);                       // about 9 MB
            HttpRequest upload = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/predict"))
                    .header("Content-Type", "image/png").POST(HttpRequest.BodyPublishers.ofByteArray(noise)).build();
            int busy = 0;
            for (int burst = 0; burst < 2; burst++) {
                List<Future<HttpResponse<String>>> answers = new ArrayList<>();
                for (int i = 0; i < 64; i++) {
                    answers.add(pool.submit(() -> http.send(upload, HttpResponse.BodyHandlers.ofString())));
                }
                for (Future<HttpResponse<String>> a : answers) {
                    HttpResponse<String> r = a.get(120, TimeUnit.SECONDS);
                    assertThat(r.statusCode()).as(r.body()).isIn(200, 503);      // noise is not a digit, or come back later
                    if (r.statusCode() == 200) {
                        assertThat(r.body()).contains("\"notADigit\":true");
                    } else {
                        busy++;
                        assertThat(r.body()).startsWith("{\"error\":");
                        assertThat(r.headers().firstValue("Retry-After")).hasValue("1");
                    }
                }
            }
            HttpResponse<String> normal = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/predict"))
                    .header("Content-Type", "image/png").POST(HttpRequest.BodyPublishers.ofByteArray(drawnSeven)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(normal.statusCode()).isEqualTo(200);
            assertThat(process.isAlive()).isTrue();
            String log = Files.readString(output);
            assertThat(log).doesNotContain("OutOfMemoryError").doesNotContain("\tat ");          // no stack trace, ever
            if (busy > 0) {
                assertThat(log).containsPattern("(?m)^WARN .* - POST /api/predict answered 503 \\(busy\\)$");
            }
        } finally {
            pool.shutdownNow();
            process.descendants().forEach(ProcessHandle::destroyForcibly);    // the launcher's serve JVM
            process.destroyForcibly();
        }
    }

    private static int port(Path output, Process process) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && process.isAlive()) {
            for (String line : Files.readAllLines(output)) {
                Matcher m = SERVING.matcher(line);
                if (m.matches()) {
                    return Integer.parseInt(m.group(1));
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("serve did not start: " + Files.readString(output));
    }

    private static HttpResponse<String> post(String type, byte[] body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.url()).resolve("/api/predict")).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Sends {@code request} as written and returns the whole answer (the server closes after an error). */
    private static String raw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", URI.create(server.url()).getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
