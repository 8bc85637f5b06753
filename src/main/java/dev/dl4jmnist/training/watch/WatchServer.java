package dev.dl4jmnist.training.watch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dl4jmnist.UsageException;
import dev.dl4jmnist.training.TrainingEvent;
import io.javalin.Javalin;
import io.javalin.http.sse.SseClient;
import io.javalin.http.staticfiles.Location;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Serves a run's live page: {@code /} the page (static files from {@code watch/} in the resources) and
 * {@code /events} its server-sent events ({@code text/event-stream}, one {@link TrainingEvent} as JSON per
 * event): every event so far to a client that connects, then each new one as it happens.
 */
public final class WatchServer implements Consumer<TrainingEvent>, AutoCloseable {
    /** Where the page's files are in the resources. */
    private static final String PAGE_FILES = "/watch";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Javalin app;
    private final String host;
    private final List<String> events = new ArrayList<>();
    private final List<SseClient> clients = new ArrayList<>();

    private WatchServer(String host) {
        this.host = host;
        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.staticFiles.add(files -> {
                files.hostedPath = "/";
                files.directory = PAGE_FILES;
                files.location = Location.CLASSPATH;
            });
            config.routes.sse("/events", this::connect);
        });
    }

    /**
     * Starts serving on {@code host:port} (0: any free port); returns once the port is bound.
     *
     * @throws UsageException when the port cannot be had (in use, or not allowed)
     */
    public static WatchServer start(String host, int port) {
        requireFree(host, port);
        WatchServer server = new WatchServer(host);
        try {
            server.app.start(host, port);
        } catch (RuntimeException e) {
            server.app.stop();
            throw new UsageException("cannot serve the live page on " + host + ":" + port + ": " + rootMessage(e), e);
        }
        return server;
    }

    /** Refuses a port that cannot be bound, before Javalin tries (and logs its failure on the console). */
    private static void requireFree(String host, int port) {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(host, port));
        } catch (IOException e) {
            throw new UsageException("cannot serve the live page on " + host + ":" + port + ": " + e.getMessage(), e);
        }
    }

    /** The page's address, e.g. {@code http://127.0.0.1:6006/}. */
    public String url() {
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + app.port() + "/";
    }

    /** Sends {@code event} to every page open now, and keeps it for pages that open later. */
    @Override
    public synchronized void accept(TrainingEvent event) {
        String json = json(event);
        events.add(json);
        clients.removeIf(SseClient::terminated);
        for (SseClient c : List.copyOf(clients)) {
            if (!c.terminated()) {
                c.sendEvent("message", json);
            }
        }
    }

    private synchronized void connect(SseClient client) {
        client.keepAlive();
        client.onClose(() -> forget(client));
        for (String json : events) {
            if (client.terminated()) {
                return;                                     // the page went away during the replay
            }
            client.sendEvent("message", json);
        }
        clients.add(client);
    }

    private synchronized void forget(SseClient client) {
        clients.remove(client);
    }

    /** Ends every page's stream and stops serving. */
    @Override
    public void close() {
        List<SseClient> open;
        synchronized (this) {
            open = List.copyOf(clients);
            clients.clear();
        }
        open.forEach(SseClient::close);
        app.stop();
    }

    private static String json(TrainingEvent event) {
        try {
            return JSON.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an event as JSON", e);
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
