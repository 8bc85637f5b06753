package dev.dl4jmnist.server;

import dev.dl4jmnist.prediction.imaging.HostilePictures;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Hostile traffic against a running {@code serve} on loopback, case by case: what status each case gets
 * (counts), whether the answer is JSON, and how normal requests fare meanwhile. A benchmark that prints
 * numbers, not a test: it judges nothing, and every case is bounded in count and time.
 * {@code java -cp target/test-classes:target/classes:$(cat cp.txt) dev.dl4jmnist.server.HostileTrafficBenchmark http://127.0.0.1:8080}
 * ({@code --no-bursts} leaves out the eight bursts of 64 large uploads, for a server they would stop).
 */
public final class HostileTrafficBenchmark {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static URI base;

    private HostileTrafficBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        base = URI.create(args.length > 0 ? args[0] : "http://127.0.0.1:8080/");
        if (!InetAddress.getByName(base.getHost()).isLoopbackAddress()) {
            throw new IllegalArgumentException("this benchmark sends traffic to loopback only, not " + base.getHost());
        }
        byte[] normal = DrawnDigits.stroke(80, 60, 200, 60, 130, 230);   // a drawn 7, as the page sends it
        byte[] noise = HostilePictures.noisePng(1750, 1750);                         // about 9 MB
        System.out.printf(Locale.ROOT, "server %s; a normal request is a %d-byte PNG; the burst's PNG is %.1f MB%n",
                base, normal.length, noise.length / 1e6);

        boolean bursts = !List.of(args).contains("--no-bursts");
        for (int burst = 1; bursts && burst <= 8; burst++) {
            report("64 x 9 MB uploads, burst " + burst, concurrently(64, () -> post("/api/predict", "image/png", noise)), normal);
        }
        report("two 36 MP JPEGs at once", concurrently(2, () -> post("/api/predict", "image/jpeg", photo36mp())), normal);
        report("PNG whose zTXt inflates to 1 GiB", one(() -> post("/api/predict", "image/png", zTxtBombPng())), normal);
        report("40 MP RGBA PNG", one(() -> post("/api/predict", "image/png", rgba40mp())), normal);
        report("multipart without a boundary", one(() -> post("/api/predict", "multipart/form-data", "x".getBytes())), normal);
        report("truncated multipart", one(() -> post("/api/predict", "multipart/form-data; boundary=b",
                "--b\r\nContent-Disposition: form-data; name=\"image\"; filename=\"a.png\"\r\n\r\nabc".getBytes())), normal);
        report("multipart with 2000 parts", one(() -> post("/api/predict", "multipart/form-data; boundary=b", HostilePictures.manyParts(2000))), normal);
        report("header of 64 KB", one(() -> get("/api/model", Map.of("X-Big", "a".repeat(64 << 10)))), normal);
        report("URL of 64 KB", one(() -> get("/api/model?" + "a".repeat(64 << 10), Map.of())), normal);
        report("HEAD /api/model", one(() -> head("/api/model")), normal);
        slowClients("bodies (10 MB declared)", 300, Duration.ofSeconds(40), "POST /api/predict HTTP/1.1\r\nHost: " + base.getHost()
                + "\r\nContent-Type: image/png\r\nContent-Length: 10000000\r\n\r\n", normal);
        slowClients("headers", 300, Duration.ofSeconds(40), "GET /api/model HTTP/1.1\r\nHost: " + base.getHost() + "\r\nX-Slow: ", normal);
    }

    /** What one request got. */
    record Outcome(int status, String contentType, String connection, long millis, String error) {
        String key() {
            return error != null ? "error " + error : status + " " + contentType.split(";")[0] + (connection.isEmpty() ? "" : " Connection: " + connection);
        }
    }

    private interface Call {
        Outcome run() throws Exception;
    }

    private static List<Outcome> concurrently(int clients, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<Outcome>> futures = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                futures.add(pool.submit(() -> safely(call)));
            }
            List<Outcome> out = new ArrayList<>();
            for (Future<Outcome> f : futures) {
                out.add(f.get(120, TimeUnit.SECONDS));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<Outcome> one(Call call) {
        return List.of(safely(call));
    }

    private static Outcome safely(Call call) {
        try {
            return call.run();
        } catch (Exception e) {
            return new Outcome(0, "", "", 0, e.getClass().getSimpleName());
        }
    }

    private static void report(String name, List<Outcome> outcomes, byte[] normal) {
        Map<String, Integer> counts = new TreeMap<>();
        outcomes.forEach(o -> counts.merge(o.key(), 1, Integer::sum));
        Outcome after = safely(() -> post("/api/predict", "image/png", normal));
        System.out.printf(Locale.ROOT, "%-36s %s; a normal request afterwards: %s in %d ms%n", name, counts, after.key(), after.millis());
        if ("error ConnectException".equals(after.key())) {
            System.out.println("The server no longer accepts connections: stopping here.");
            System.exit(1);
        }
    }

    private static Outcome post(String path, String type, byte[] body) throws Exception {
        return send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60)).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    private static Outcome get(String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30)).GET();
        headers.forEach(b::header);
        return send(b.build());
    }

    private static Outcome head(String path) throws Exception {
        return send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
    }

    private static Outcome send(HttpRequest request) throws Exception {
        long t = System.nanoTime();
        HttpResponse<byte[]> r = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
        return new Outcome(r.statusCode(), r.headers().firstValue("Content-Type").orElse("-"),
                r.headers().firstValue("Connection").orElse(""), (System.nanoTime() - t) / 1_000_000, null);
    }

    /**
     * {@code clients} sockets that send {@code opening} and then one byte a second for {@code duration}, while a
     * normal request is timed every second: how many the server cut off (answered or closed), how long after their
     * first byte, and the normal latencies.
     */
    private static void slowClients(String what, int clients, Duration duration, String opening, byte[] normal) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        Map<Integer, Long> cutOffMillis = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int i = 0; i < clients; i++) {
            int id = i;
            pool.submit(() -> {
                long start = System.nanoTime();
                try (Socket s = new Socket(base.getHost(), base.getPort())) {
                    s.setSoTimeout(1000);
                    OutputStream out = s.getOutputStream();
                    start = System.nanoTime();
                    out.write(opening.getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    while (!stop.get()) {
                        out.write('a');
                        out.flush();
                        try {
                            s.getInputStream().read();     // an answer, or the end of the stream: the server is done with it
                            cutOffMillis.put(id, (System.nanoTime() - start) / 1_000_000);
                            break;
                        } catch (java.net.SocketTimeoutException stillOpen) {
                            // nothing for a second: the next byte
                        }
                    }
                } catch (IOException e) {
                    cutOffMillis.put(id, (System.nanoTime() - start) / 1_000_000);
                }
                return null;
            });
        }
        List<Long> latencies = new ArrayList<>();
        Map<String, Integer> failed = new TreeMap<>();
        long end = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < end) {
            long sent = System.nanoTime();
            Outcome o = safely(() -> post("/api/predict", "image/png", normal));
            if (o.status() == 200) {
                latencies.add(o.millis());
            } else {
                failed.merge(o.key() + " after " + (System.nanoTime() - sent) / 1_000_000 + " ms", 1, Integer::sum);
            }
            Thread.sleep(1000);
        }
        stop.set(true);
        pool.shutdownNow();
        List<Long> cutOff = new ArrayList<>(cutOffMillis.values());
        System.out.printf(Locale.ROOT, "%d clients that trickle their %s for %d s: %d cut off by the server (%s after their"
                        + " first byte); normal requests: %d answered (%s), failed: %s%n", clients, what, duration.toSeconds(),
                cutOff.size(), medianAndSlowest(cutOff, true), latencies.size(), medianAndSlowest(latencies, false), failed);
    }

    /** The median and the largest of {@code millis}, in seconds ({@code seconds}) or in milliseconds. */
    private static String medianAndSlowest(List<Long> millis, boolean seconds) {
        if (millis.isEmpty()) {
            return "median -, slowest -";
        }
        List<Long> sorted = millis.stream().sorted().toList();
        String format = seconds ? "median %.1f s, slowest %.1f s" : "median %.0f ms, slowest %.0f ms";
        double unit = seconds ? 1000 : 1;
        return String.format(Locale.ROOT, format, sorted.get(sorted.size() / 2) / unit, sorted.get(sorted.size() - 1) / unit);
    }

    private static byte[] photo36mp() throws IOException {
        BufferedImage img = new BufferedImage(7360, 4912, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = img.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setColor(java.awt.Color.BLACK);
        g.setStroke(new java.awt.BasicStroke(200));
        g.drawLine(2500, 1000, 4800, 1000);
        g.drawLine(4800, 1000, 3300, 4000);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "jpg", out);
        return out.toByteArray();
    }

    private static byte[] rgba40mp() throws IOException {
        return HostilePictures.png(new BufferedImage(8000, 5000, BufferedImage.TYPE_INT_ARGB));
    }

    /** A small PNG with a zTXt chunk, right after its header, whose text inflates to 1 GiB. */
    private static byte[] zTxtBombPng() throws IOException {
        return HostilePictures.withChunksAfterHeader(HostilePictures.png(new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB)),
                HostilePictures.zTxtBomb(1L << 30));
    }
}
