package dev.dl4jmnist.server;

import ch.qos.logback.classic.Level;
import dev.dl4jmnist.AppException;
import dev.dl4jmnist.TryAgainException;
import dev.dl4jmnist.app.KeepCorrections;
import dev.dl4jmnist.app.ModelUnavailableException;
import dev.dl4jmnist.app.ServeModels;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.staticfiles.Location;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.IdleTimeout;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.NetworkConnector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The HTTP server: the drawing page ({@code /}, static files from {@code web/} in the resources), the page's
 * prediction API ({@code /api/...}, {@code /health}), the Open Inference Protocol ({@code /v2/...}) with Triton's
 * model repository extension, and {@code /metrics}; JSON errors. {@link #drain()} turns readiness false while
 * requests are still answered; stopping stops accepting connections and lets requests in flight finish (up to
 * {@link #STOP_TIMEOUT_MS}).
 */
public final class PredictionServer implements AutoCloseable {
    /** How long a stop waits for requests in flight. */
    public static final long STOP_TIMEOUT_MS = 4000;
    /** How long every connection must have been idle, once new connections are refused, before the server stops. */
    private static final long QUIET_MS = 200;
    /** The logger of access lines (method, path, status, ms); at INFO only when asked for. */
    public static final String ACCESS_LOG = "dev.dl4jmnist.server.access";

    private static final Logger ACCESS = LoggerFactory.getLogger(ACCESS_LOG);
    private static final Logger LOG = LoggerFactory.getLogger(PredictionServer.class);
    /** Where the page's files (HTML, CSS, JS) are in the resources. */
    private static final String WEB_FILES = "/web";

    /**
     * @param port            0 picks a free port
     * @param maxBodyBytes    larger request bodies get 413
     * @param accessLog       log one line per request at INFO
     * @param managementToken the token that opens the model repository endpoints to other machines (null: loopback only)
     * @param requestSeconds  the longest one request may take before its connection is closed
     */
    public record Options(String host, int port, long maxBodyBytes, boolean accessLog, String managementToken,
                          double requestSeconds) {
        /** The default of {@code requestSeconds}: a 10 MB upload needs about 85 KB/s to make it. */
        public static final double REQUEST_SECONDS = 120;

        public Options {
            if (maxBodyBytes < 1) {
                throw new AppException("the body limit must be positive, got " + maxBodyBytes);
            }
            if (port < 0 || port > 65535) {
                throw new AppException("the port must be between 0 and 65535, got " + port);
            }
            if (!(requestSeconds > 0)) {
                throw new AppException("the time limit of a request must be positive, got " + requestSeconds);
            }
        }

        public Options(String host, int port, long maxBodyBytes, boolean accessLog, String managementToken) {
            this(host, port, maxBodyBytes, accessLog, managementToken, REQUEST_SECONDS);
        }

        public Options(String host, int port, long maxBodyBytes, boolean accessLog) {
            this(host, port, maxBodyBytes, accessLog, null);
        }
    }

    private final ServeModels models;
    private final Options options;
    private final ServerMetrics metrics;
    private final PageApi page;
    private final OpenInferenceApi v2;
    private final Javalin app;
    private final GracefulHandler graceful = new GracefulHandler();
    /** Request bodies read and held at once. */
    private final BodyBudget bodies = BodyBudget.ofHeap();
    /**
     * The slowest a request body may arrive: well below any real upload (a phone on a poor network sends
     * tens of KB a second), well above a client that trickles bytes to hold a thread.
     */
    static final long MIN_BODY_BYTES_PER_SECOND = 2048;
    /**
     * The longest a request's headers may take from their first byte (slowloris): a header block at Jetty's 8 KiB limit
     * sent at the bodies' minimum rate takes 4 s, a real client's a round trip or two.
     */
    static final long HEADER_MILLIS = 10_000;
    /** Connections held at once; past them the server stops accepting until some close. */
    static final int MAX_CONNECTIONS = 1000;
    private volatile Server jetty;
    private volatile boolean draining;

    private final CorrectionsEndpoint corrections;

    private PredictionServer(ServeModels models, Options options, KeepCorrections corrections) {
        this.models = models;
        this.options = options;
        this.metrics = new ServerMetrics(models.registry());
        ComputeQueue compute = new ComputeQueue();
        ManagementAccess management = new ManagementAccess(options.managementToken());
        this.v2 = new OpenInferenceApi(models, compute, metrics, this::draining, options.maxBodyBytes(), management);
        this.page = new PageApi(models, compute, metrics, v2::isReady, this::draining, options.maxBodyBytes());
        this.corrections = new CorrectionsEndpoint(corrections, management, options.maxBodyBytes());
        this.app = Javalin.create(this::configure);
    }

    /** Starts serving; returns once the port is bound. The models may still be loading: see {@link ServeModels#loadAll()}. */
    public static PredictionServer start(ServeModels models, Options options) {
        return start(models, options, null);
    }

    /**
     * As {@link #start(ServeModels, Options)}, keeping the page's corrections ("that's wrong, it is a …") with
     * {@code corrections} (null: none are kept).
     */
    public static PredictionServer start(ServeModels models, Options options, KeepCorrections corrections) {
        if (options.accessLog()) {
            ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(ACCESS_LOG)).setLevel(Level.INFO);
        }
        PredictionServer server = new PredictionServer(models, options, corrections);
        try {
            server.app.start(options.host(), options.port());
        } catch (RuntimeException e) {
            server.metrics.close();
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

    /**
     * Starts draining: readiness turns false at once, requests are still answered (each answer closes its
     * connection, so clients reconnect elsewhere), until {@link #close()}.
     */
    public void drain() {
        draining = true;
    }

    public boolean draining() {
        return draining;
    }

    /** Stops accepting, finishes the requests in flight, then stops. */
    @Override
    public void close() {
        draining = true;
        finishAcceptedConnections();
        app.stop();
        metrics.close();
    }

    /**
     * Closes the listening socket (new connections are refused), then waits, at most {@link #STOP_TIMEOUT_MS},
     * until no request is in flight and every open connection has been idle for {@link #QUIET_MS}: a request on a
     * connection accepted just before is read and answered, where Jetty's stop alone would close the connection
     * or answer 503.
     */
    private void finishAcceptedConnections() {
        Server server = jetty;
        if (server == null) {
            return;
        }
        List<AbstractConnector> connectors = new ArrayList<>();
        for (Connector connector : server.getConnectors()) {
            if (connector instanceof NetworkConnector network) {
                network.close();
            }
            if (connector instanceof AbstractConnector counted) {
                connectors.add(counted);
            }
        }
        long deadline = System.nanoTime() + STOP_TIMEOUT_MS * 1_000_000L;
        while (System.nanoTime() < deadline && !quiet(connectors)) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private boolean quiet(List<AbstractConnector> connectors) {
        if (graceful.getCurrentRequestCount() > 0) {
            return false;
        }
        for (AbstractConnector connector : connectors) {
            for (EndPoint endPoint : connector.getConnectedEndPoints()) {
                if (endPoint instanceof IdleTimeout idle && idle.getIdleFor() < QUIET_MS) {
                    return false;
                }
            }
        }
        return true;
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
            jetty = server;
            server.setStopTimeout(STOP_TIMEOUT_MS);
            // Javalin attaches its context inside the graceful handler; the headers go on every answer, a
            // request body that arrives slower than MIN_BODY_BYTES_PER_SECOND is cut off (408), and a request
            // still running after options.requestSeconds() has its connection closed; headers still arriving
            // HEADER_MILLIS after their first byte get 408
            server.setHandler(new SecurityHeaders(new RequestTimeLimit(new MinimumBodyRate(graceful,
                    MIN_BODY_BYTES_PER_SECOND), (long) (options.requestSeconds() * 1000)), this::draining));
            server.setErrorHandler(new JettyErrors());
            server.addBean(new NetworkConnectionLimit(MAX_CONNECTIONS, server));
            server.addBean(new HeaderDeadline(server, HEADER_MILLIS, () -> metrics.error("slow_headers")));
        });
        config.staticFiles.add(files -> {
            files.hostedPath = "/";
            files.directory = WEB_FILES;
            files.location = Location.CLASSPATH;
        });
        config.requestLogger.http((ctx, ms) -> {
            metrics.requestDone(ctx, ms);
            if (options.accessLog()) {
                ACCESS.info(String.format(Locale.ROOT, "%s %s %d %.1f ms", ctx.method(), ctx.path(), ctx.statusCode(), ms));
            } else if (ctx.statusCode() >= 400) {
                // one line for each refused request, never a stack trace (the 500s' traces are logged where they happen)
                String path = ctx.path().length() > 200 ? ctx.path().substring(0, 200) + "…" : ctx.path();
                LOG.warn("{} {} answered {} ({})", ctx.method(), path, ctx.statusCode(),
                        java.util.Objects.requireNonNullElse(ctx.attribute(Responses.ERROR_REASON), "error"));
            }
        });
        get(config, "/health", page::health);
        get(config, "/api/model", page::describe);
        get(config, "/api/models", page::list);
        post(config, "/api/predict", page::predict);
        get(config, "/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape()));

        get(config, "/v2", v2::serverMetadata);
        get(config, "/v2/health/live", v2::live);
        get(config, "/v2/health/ready", v2::ready);
        for (String model : new String[]{"/v2/models/{name}", "/v2/models/{name}/versions/{version}"}) {
            get(config, model, v2::modelMetadata);
            get(config, model + "/ready", v2::modelReady);
            post(config, model + "/infer", v2::infer);
        }
        post(config, "/v2/repository/index", v2::index);
        post(config, "/v2/repository/models/{name}/load", v2::load);
        post(config, "/v2/repository/models/{name}/unload", v2::unload);
        post(config, "/api/corrections", corrections::handle);

        config.routes.exception(ApiException.class, (e, ctx) -> {
            if (e.status() == 408 || e.status() == 413) {
                // the rest of the body is left unread, so Jetty may drop the connection: the answer says so, and a
                // client does not send its next request on a connection about to close
                ctx.header("Connection", "close");
            }
            if (e.status() == 413) {
                RequestBody.drainRefused(ctx, options.maxBodyBytes());
            }
            Responses.error(ctx, e.status(), e.getMessage());
        });
        config.routes.exception(ModelUnavailableException.class, (e, ctx) -> {
            RequestBody.discard(ctx, options.maxBodyBytes());
            Responses.error(ctx, switch (e.reason()) {
                case UNKNOWN -> 404;
                case BUSY -> 409;
                case LOADING -> 503;
            }, e.getMessage());
        });
        config.routes.exception(TryAgainException.class, (e, ctx) -> {
            ctx.header("Retry-After", "1");        // decodes free their memory within a decode's time
            Responses.error(ctx, 503, e.getMessage(), "busy");
        });
        config.routes.exception(AppException.class, (e, ctx) -> Responses.error(ctx, 400, e.getMessage(),
                ctx.path().startsWith("/v2/repository/") ? "model_refused" : "invalid_request"));
        config.routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
            Responses.error(ctx, 500, "internal error");     // the details go to the log, not to the client
        });
        config.routes.error(404, ctx -> {
            if (ctx.attribute(Responses.ERROR_REASON) != null) {
                return;                                            // an answer of ours (unknown model), not a missing page
            }
            if (isPageWithOtherMethod(ctx)) {
                ctx.header("Allow", "GET, HEAD");
                methodNotAllowed(ctx);
            } else {
                RequestBody.discard(ctx, options.maxBodyBytes());
                Responses.error(ctx, 404, "no such page: " + ctx.method() + " " + ctx.path());
            }
        });
        config.routes.error(405, this::methodNotAllowed);
    }

    /** A GET route, and HEAD on it (the same headers, the same content type, no body). */
    private static void get(JavalinConfig config, String path, Handler handler) {
        config.routes.get(path, labelled(path, handler));
        config.routes.head(path, labelled(path, handler));
    }

    /** A POST route, whose body is read only once the body budget has room for it. */
    private void post(JavalinConfig config, String path, Handler handler) {
        Handler route = labelled(path, handler);
        config.routes.post(path, ctx -> {
            long declared = ctx.req().getContentLengthLong();
            long bytes = declared >= 0 ? Math.min(declared, options.maxBodyBytes()) : options.maxBodyBytes();
            boolean multipart = String.valueOf(ctx.contentType()).toLowerCase(Locale.ROOT).startsWith("multipart/");
            Runnable release = bodies.take(multipart ? 2 * bytes : bytes);      // a form is held twice: parts, then bytes
            if (release == null) {
                ctx.attribute(ServerMetrics.ROUTE, path);
                RequestBody.discard(ctx, options.maxBodyBytes());      // read and dropped: the client gets the answer
                ctx.header("Retry-After", "1");
                Responses.error(ctx, 503, "too many large requests are being read at once; try again in a moment", "busy");
                return;
            }
            try {
                route.handle(ctx);
            } finally {
                release.run();
            }
        });
    }

    /** The handler, with its route's pattern recorded for the metrics. */
    private static Handler labelled(String path, Handler handler) {
        return ctx -> {
            ctx.attribute(ServerMetrics.ROUTE, path);
            handler.handle(ctx);
        };
    }

    /** The 405 answer, after reading the body the client may still be sending. */
    private void methodNotAllowed(Context ctx) {
        RequestBody.discard(ctx, options.maxBodyBytes());
        Responses.error(ctx, 405, ctx.method() + " is not allowed on " + ctx.path());
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

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
    }
}
