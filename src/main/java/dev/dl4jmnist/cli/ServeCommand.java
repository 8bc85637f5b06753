package dev.dl4jmnist.cli;

import dev.dl4jmnist.UsageException;
import dev.dl4jmnist.app.KeepCorrections;
import dev.dl4jmnist.app.ServeModels;
import dev.dl4jmnist.server.PredictionServer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code serve}: the drawing page, the prediction API and the Open Inference Protocol over HTTP, until Ctrl-C or SIGTERM. */
@Command(name = "serve", header = "Serves a page to draw digits on, a JSON prediction API and the Open Inference Protocol.",
        description = {"Serves a page to draw a digit on and see the model's answer, a JSON API (POST /api/predict,",
                "GET /api/model, GET /health), the Open Inference Protocol (/v2/...) with Triton's model",
                "repository extension, and Prometheus metrics (GET /metrics). Runs until Ctrl-C or SIGTERM,",
                "then (after --drain-seconds, not ready but still answering) finishes the requests in flight and exits 0.",
                "Loading and unloading models answers loopback clients only, unless the environment variable",
                "SERVE_MANAGEMENT_TOKEN holds a token (then any client sending 'Authorization: Bearer TOKEN')."})
public final class ServeCommand implements Callable<Integer> {
    /** The environment variable that holds the token opening the model repository endpoints to other machines. */
    static final String TOKEN_VARIABLE = "SERVE_MANAGEMENT_TOKEN";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    PictureModelOption model;

    @Option(names = "--model-store", paramLabel = "DIR",
            description = "A model store: DIR/NAME/VERSION/ holds one model file (a DL4J zip or a Keras .h5), VERSION a positive integer.")
    Path store;

    @Option(names = "--model-name", paramLabel = "NAME", defaultValue = ServeModels.DEFAULT_NAME,
            description = "The name the --model file is served under (default: ${DEFAULT-VALUE}).")
    String modelName;

    @Option(names = "--default-model", paramLabel = "NAME",
            description = "With --model-store: the model that requests naming none get (default: the first name in order).")
    String defaultModel;

    @Option(names = "--host", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for every interface).")
    String host;

    @Option(names = "--port", defaultValue = "8080",
            description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--max-body", paramLabel = "SIZE", defaultValue = "10MB", converter = ByteSize.class,
            description = "Refuse request bodies larger than this with 413 (default: ${DEFAULT-VALUE}; B, KB, MB, GB).")
    long maxBody;

    @Option(names = "--drain-seconds", paramLabel = "S", defaultValue = "0",
            description = "On SIGTERM, report not ready but keep answering for this long before stopping (default: ${DEFAULT-VALUE}).")
    double drainSeconds;

    @Option(names = "--request-seconds", paramLabel = "S", defaultValue = "120",
            description = "The longest one request may take; one still running then has its connection closed (default: ${DEFAULT-VALUE}).")
    double requestSeconds;

    @Option(names = "--corrections", paramLabel = "DIR",
            description = "Keep the page's corrections (\"that's wrong, it is a …\") in DIR/<digit>/, for train --fine-tune"
                    + " (default: none kept). Like model loading, accepted from this machine only unless the management token is set.")
    java.nio.file.Path corrections;

    @Option(names = "--verbose", description = "Log one line per request (method, path, status, ms).")
    boolean verbose;

    @Override
    public Integer call() throws InterruptedException {
        if (store != null && model.model != null) {
            throw new UsageException("give --model FILE or --model-store DIR, not both");
        }
        if (drainSeconds < 0 || drainSeconds > 3600) {
            throw new UsageException("--drain-seconds must be between 0 and 3600, got " + drainSeconds);
        }
        if (!(requestSeconds > 0) || requestSeconds > 86_400) {
            throw new UsageException("--request-seconds must be above 0 and at most 86400, got " + requestSeconds);
        }
        if (defaultModel != null && store == null) {
            throw new UsageException("--default-model needs --model-store (with --model, use --model-name)");
        }
        PrintWriter out = spec.commandLine().getOut();
        ServeModels models = store != null ? ServeModels.store(store, defaultModel) : ServeModels.file(model.model, modelName);
        KeepCorrections kept = corrections == null ? null : new KeepCorrections(corrections, KeepCorrections.DEFAULT_MAX_BYTES);
        try (PredictionServer server = PredictionServer.start(models,
                new PredictionServer.Options(host, port, maxBody, verbose, System.getenv(TOKEN_VARIABLE), requestSeconds), kept)) {
            models.loadAll();                              // live meanwhile; ready once every model answered its warm-up
            StopSignal stop = StopSignal.install();
            out.println("Serving " + server.url() + " with " + models.source());
            out.flush();
            stop.await();
            if (drainSeconds > 0) {
                server.drain();
                out.println("Draining: not ready, still answering for " + drainSeconds + " s");
                out.flush();
                Thread.sleep((long) (drainSeconds * 1000));
            }
            out.println("Stopping: finishing requests in flight");
            out.flush();
        }
        return 0;
    }
}
