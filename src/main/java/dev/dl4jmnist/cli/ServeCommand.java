package dev.dl4jmnist.cli;

import dev.dl4jmnist.server.DigitService;
import dev.dl4jmnist.server.PredictionServer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import dev.dl4jmnist.server.CorrectionsEndpoint;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code serve}: the drawing page and the prediction API over HTTP, until Ctrl-C or SIGTERM. */
@Command(name = "serve", header = "Serves a page to draw digits on and a JSON prediction API.",
        description = {"Serves a page to draw a digit on and see the model's answer, and a JSON API",
                "(POST /api/predict, GET /api/model, GET /health). Runs until Ctrl-C or SIGTERM,",
                "then finishes the requests in flight and exits 0."})
public final class ServeCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    PictureModelOption model;

    @Option(names = "--host", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for every interface).")
    String host;

    @Option(names = "--port", defaultValue = "8080",
            description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--max-body", paramLabel = "SIZE", defaultValue = "10MB", converter = ByteSize.class,
            description = "Refuse request bodies larger than this with 413 (default: ${DEFAULT-VALUE}; B, KB, MB, GB).")
    long maxBody;

    @Option(names = "--corrections", paramLabel = "DIR",
            description = "Keep the page's corrections (\"that's wrong, it is a …\") in DIR/<digit>/, for train --fine-tune (default: none kept).")
    java.nio.file.Path corrections;

    @Option(names = "--token", paramLabel = "TOKEN",
            description = "With --corrections: accept corrections from other machines too, from clients that send this token.")
    String token;

    @Option(names = "--verbose", description = "Log one line per request (method, path, status, ms).")
    boolean verbose;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        DigitService service = DigitService.load(model.model);
        StopSignal stop = StopSignal.install();
        try (PredictionServer server = PredictionServer.start(service, new PredictionServer.Options(host, port, maxBody, verbose),
                corrections == null ? null : new CorrectionsEndpoint(corrections, CorrectionsEndpoint.DEFAULT_MAX_BYTES, token))) {
            out.println("Serving " + server.url() + " with " + service.modelFile());
            out.flush();
            stop.await();
            out.println("Stopping: finishing requests in flight");
            out.flush();
        }
        return 0;
    }
}
