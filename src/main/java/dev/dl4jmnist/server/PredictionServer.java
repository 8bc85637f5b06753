package dev.dl4jmnist.server;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dl4jmnist.AppException;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Semaphore;

/**
 * The HTTP server: the drawing page ({@code /}, static files from {@code web/} in the resources), the
 * prediction API ({@code POST /api/predict}, {@code GET /api/model}, {@code GET /health}) and its JSON
 * errors. Stopping it stops accepting connections and lets requests in flight finish (up to
 * {@link #STOP_TIMEOUT_MS}).
 */
public final class PredictionServer implements AutoCloseable {
    /** How long a stop waits for requests in flight. */
    public static final long STOP_TIMEOUT_MS = 4000;
    /** The logger of access lines (method, path, status, ms); at INFO only when asked for. */
    public static final String ACCESS_LOG = "dev.dl4jmnist.server.access";

    private static final Logger ACCESS = LoggerFactory.getLogger(ACCESS_LOG);
    private static final Logger LOG = LoggerFactory.getLogger(PredictionServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Where the page's files (HTML, CSS, JS) are in the resources. */
    private static final String WEB_FILES = "/web";

    /**
     * @param port         0 picks a free port
     * @param maxBodyBytes larger request bodies get 413
     * @param accessLog    log one line per request at INFO
     */
    public record Options(String host, int port, long maxBodyBytes, boolean accessLog) {
        public Options {
            if (maxBodyBytes < 1) {
                throw new AppException("the body limit must be positive, got " + maxBodyBytes);
            }
            if (port < 0 || port > 65535) {
                throw new AppException("the port must be between 0 and 65535, got " + port);
            }
        }
    }

    /**
     * How many predictions compute at once: one per core. Jetty runs every request on its own thread;
     * unbounded, 32 clients on 2 cores shared the CPU 32 ways and some requests waited far longer than
     * others (p50 28 ms, p99 277 ms). The rest wait here in arrival order (a fair semaphore), so a
     * request's latency is about the queue ahead of it times one prediction's time.
     */
    static final int COMPUTING_AT_ONCE = Runtime.getRuntime().availableProcessors();

    private final DigitService service;
    private final Options options;
    private final Javalin app;
    private final Semaphore computing = new Semaphore(COMPUTING_AT_ONCE, true);

    private final CorrectionsEndpoint corrections;

    private PredictionServer(DigitService service, Options options, CorrectionsEndpoint corrections) {
        this.service = service;
        this.options = options;
        this.corrections = corrections;
        this.app = Javalin.create(this::configure);
    }

    /** Starts serving; returns once the port is bound. */
    public static PredictionServer start(DigitService service, Options options) {
        return start(service, options, null);
    }

    /** Starts serving, keeping the page's corrections as {@code corrections} says (null: none); returns once the port is bound. */
    public static PredictionServer start(DigitService service, Options options, CorrectionsEndpoint corrections) {
        if (options.accessLog()) {
            ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(ACCESS_LOG)).setLevel(Level.INFO);
        }
        PredictionServer server = new PredictionServer(service, options, corrections);
        try {
            server.app.start(options.host(), options.port());
        } catch (RuntimeException e) {
            throw new AppException("cannot serve on " + options.host() + ":" + options.port() + ": " + rootMessage(e), e);
        }
        return server;
    }

    /** The bound port (the real one when 0 was asked for). */
    public int port() {
        return app.port();
    }

    /** The page's address, e.g. {@code http://127.0.0.1:8080/}. */
    public String url() {
        String host = options.host().contains(":") ? "[" + options.host() + "]" : options.host();
        return "http://" + host + ":" + port() + "/";
    }

    /** Stops accepting, finishes the requests in flight, then stops. */
    @Override
    public void close() {
        app.stop();
    }

    private void configure(JavalinConfig config) {
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
        config.http.prefer405over404 = true;
        config.http.maxRequestSize = options.maxBodyBytes();
        config.jetty.multipartConfig.maxFileSize(options.maxBodyBytes(), SizeUnit.BYTES);
        config.jetty.multipartConfig.maxTotalRequestSize(options.maxBodyBytes(), SizeUnit.BYTES);
        config.jetty.multipartConfig.maxInMemoryFileSize((int) Math.min(Integer.MAX_VALUE, options.maxBodyBytes()), SizeUnit.BYTES);
        config.jetty.modifyServer(server -> {
            server.setStopTimeout(STOP_TIMEOUT_MS);
            server.setHandler(new GracefulHandler());     // Javalin attaches its context inside it
        });
        config.staticFiles.add(files -> {
            files.hostedPath = "/";
            files.directory = WEB_FILES;
            files.location = Location.CLASSPATH;
        });
        if (options.accessLog()) {
            config.requestLogger.http((ctx, ms) -> ACCESS.info(String.format(Locale.ROOT, "%s %s %d %.1f ms",
                    ctx.method(), ctx.path(), ctx.statusCode(), ms)));
        }
        config.routes.get("/health", ctx -> json(ctx, 200, Map.of("status", "ok", "model", service.info().path())));
        config.routes.get("/api/model", ctx -> json(ctx, 200, service.info()));
        config.routes.post("/api/predict", this::predict);
        config.routes.post("/api/corrections", ctx -> {
            if (corrections == null) {
                ImageUpload.discardBody(ctx, options.maxBodyBytes());
                json(ctx, 403, CorrectionsEndpoint.notCollected());   // (a 404 would be answered as an unknown page)
            } else {
                corrections.handle(ctx, options.maxBodyBytes());
            }
        });
        config.routes.exception(ApiException.class, (e, ctx) -> error(ctx, e.status(), e.getMessage()));
        config.routes.exception(AppException.class, (e, ctx) -> error(ctx, 400, e.getMessage()));
        config.routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
            error(ctx, 500, "internal error: " + e.getClass().getSimpleName());
        });
        config.routes.error(404, ctx -> {
            if (isPageWithOtherMethod(ctx)) {
                ctx.header("Allow", "GET, HEAD");
                methodNotAllowed(ctx);
            } else {
                ImageUpload.discardBody(ctx, options.maxBodyBytes());
                error(ctx, 404, "no such page: " + ctx.method() + " " + ctx.path());
            }
        });
        config.routes.error(405, this::methodNotAllowed);
    }

    /** The 405 answer, after reading the body the client may still be sending. */
    private void methodNotAllowed(Context ctx) {
        ImageUpload.discardBody(ctx, options.maxBodyBytes());
        error(ctx, 405, ctx.method() + " is not allowed on " + ctx.path());
    }

    private void predict(Context ctx) {
        boolean withPreprocessed = Boolean.parseBoolean(ctx.queryParam("preprocessed"));
        boolean withAll = Boolean.parseBoolean(ctx.queryParam("probabilities"));
        ImageUpload.Picture picture = ImageUpload.from(ctx, options.maxBodyBytes());
        ServedPrediction answer;
        computing.acquireUninterruptibly();
        try {
            answer = service.predict(picture.bytes(), picture.name(), withPreprocessed, withAll);
        } finally {
            computing.release();
        }
        json(ctx, 200, answer);
    }

    /**
     * Whether a request that found nothing asked for one of the page's files with a method other than
     * GET or HEAD (the static files answer only those; Javalin then reports 404 where 405 is right).
     */
    private static boolean isPageWithOtherMethod(Context ctx) {
        String method = ctx.method().name();
        if (method.equals("GET") || method.equals("HEAD")) {
            return false;
        }
        String path = ctx.path();
        if (path.contains("..") || path.contains("//")) {
            return false;
        }
        String file = path.endsWith("/") ? path + "index.html" : path;
        return PredictionServer.class.getResource(WEB_FILES + file) != null;
    }

    private static void error(Context ctx, int status, String message) {
        json(ctx, status, Map.of("error", message));
    }

    private static void json(Context ctx, int status, Object body) {
        try {
            ctx.status(status).contentType("application/json").result(JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
    }
}
