package dev.dl4jmnist.server;

import dev.dl4jmnist.app.ModelRegistry;
import dev.dl4jmnist.app.ServedModel;
import io.javalin.http.Context;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The server's metrics, in Prometheus's text format through Micrometer: requests by route, method and status
 * (count and latency histogram), errors by reason, images inferred by model and version, predicted labels, each
 * loaded version's load time and the version each model serves (both read from the {@link ModelRegistry} at each
 * scrape), and the JVM's memory, collections, threads and classes, the process's CPU and uptime.
 */
final class ServerMetrics implements AutoCloseable {
    /** The request attribute that names the route a request matched (its path pattern). */
    static final String ROUTE = "metrics.route";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final ModelRegistry models;
    private final MultiGauge servedVersion;
    private final MultiGauge loadSeconds;
    private final JvmGcMetrics gc = new JvmGcMetrics();

    ServerMetrics(ModelRegistry models) {
        this.models = models;
        // two that promtool's lint refuses by name: the process's CPU time in ns (process_cpu_usage says the same)
        // and the core count ("_count" is for histograms and summaries), which does not change while serving
        registry.config().meterFilter(MeterFilter.denyNameStartsWith("process.cpu.time"))
                .meterFilter(MeterFilter.denyNameStartsWith("system.cpu.count"));
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        servedVersion = MultiGauge.builder("mnist.model.served.version")
                .description("The version that answers requests naming no version, per model").register(registry);
        loadSeconds = MultiGauge.builder("mnist.model.load.duration").baseUnit("seconds")
                .description("How long loading, checking and warming up each loaded version took").register(registry);
    }

    /** Records one answered request; called for every request, the page's files and errors included. */
    void requestDone(Context ctx, float millis) {
        String route = ctx.attribute(ROUTE);
        int status = ctx.statusCode();
        if (route == null) {
            route = status == 404 ? "unmatched" : "static";
        }
        Timer.builder("http.server.requests").description("HTTP requests by route, method and status")
                .tags("route", route, "method", ctx.method().name(), "status", Integer.toString(status))
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry).record(Duration.ofNanos((long) (millis * 1e6)));
        String reason = ctx.attribute(Responses.ERROR_REASON);
        if (reason != null) {
            error(reason);
        }
    }

    /** Records one refused or failed request by its reason, also one refused before any route saw it. */
    void error(String reason) {
        Counter.builder("mnist.errors").description("Refused or failed requests by reason")
                .tag("reason", reason).register(registry).increment();
    }

    /** Records the images one model version labelled, and the labels. */
    void inferred(ServedModel model, List<String> labels) {
        String version = Long.toString(model.version());
        Counter.builder("mnist.inferences").description("Images labelled, by model and version")
                .tags("model", model.name(), "version", version).register(registry).increment(labels.size());
        for (String label : labels) {
            Counter.builder("mnist.predicted.labels").description("Predicted digits (or not_a_digit), by model")
                    .tags("model", model.name(), "label", label).register(registry).increment();
        }
    }

    /** The metrics in Prometheus's text format (version 0.0.4). */
    String scrape() {
        List<MultiGauge.Row<?>> served = new ArrayList<>();
        List<MultiGauge.Row<?>> loads = new ArrayList<>();
        for (ModelRegistry.Versions versions : models.all()) {
            served.add(MultiGauge.Row.of(Tags.of("model", versions.name()), versions.latest().version()));
            for (ServedModel model : versions.byVersion().values()) {
                loads.add(MultiGauge.Row.of(Tags.of("model", model.name(), "version", Long.toString(model.version())),
                        model.info().loadSeconds()));
            }
        }
        servedVersion.register(served, true);
        loadSeconds.register(loads, true);
        return registry.scrape();
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
