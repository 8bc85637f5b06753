package dev.dl4jmnist.training.watch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dl4jmnist.UsageException;
import dev.dl4jmnist.training.TrainingEvent;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The live page's server: the page, the events as text/event-stream (past ones first, then new ones), a port in use. */
class WatchServerTest {
    private static TrainingEvent event(String type, int epoch) {
        return new TrainingEvent(type, epoch, 3, null, null, (double) epoch, 0.5, 0.9, null, null, 0.001, 100.0, null, 12.0, null);
    }

    @Test
    void eventsStreamAsJsonObjectsPastOnesFirst() throws Exception {
        try (WatchServer server = WatchServer.start("127.0.0.1", 0)) {
            assertThat(server.url()).startsWith("http://127.0.0.1:");
            server.accept(event("step", 1));
            HttpURLConnection page = (HttpURLConnection) URI.create(server.url()).toURL().openConnection();
            assertEquals(200, page.getResponseCode());
            assertThat(new String(page.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).contains("loss-chart", "watch.js");

            HttpURLConnection events = (HttpURLConnection) URI.create(server.url() + "events").toURL().openConnection();
            events.setRequestProperty("Accept", "text/event-stream");
            events.setReadTimeout(10_000);
            assertEquals(200, events.getResponseCode());
            assertThat(events.getContentType()).startsWith("text/event-stream");
            try (BufferedReader in = new BufferedReader(new InputStreamReader(events.getInputStream(), StandardCharsets.UTF_8))) {
                JsonNode past = nextData(in);
                assertEquals("step", past.path("type").asText());
                server.accept(event("epoch", 1));
                JsonNode live = nextData(in);
                assertEquals("epoch", live.path("type").asText());
                assertEquals(1, live.path("epoch").asInt());
                assertThat(live.has("valLoss")).as("unknown values are left out").isFalse();
            }
        }
    }

    /** The JSON of the next event's data line. */
    private static JsonNode nextData(BufferedReader in) throws Exception {
        List<String> skipped = new ArrayList<>();
        String line;
        while ((line = in.readLine()) != null) {
            if (line.startsWith("data: ")) {
                return new ObjectMapper().readTree(line.substring(6));
            }
            skipped.add(line);
        }
        throw new AssertionError("no event; read " + skipped);
    }

    @Test
    void aPortInUseIsAUsageErrorInOneLine() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            UsageException e = assertThrows(UsageException.class, () -> WatchServer.start("127.0.0.1", taken.getLocalPort()));
            assertThat(e.getMessage()).startsWith("cannot serve the live page on 127.0.0.1:" + taken.getLocalPort() + ": ")
                    .doesNotContain("\n");
        }
    }
}
