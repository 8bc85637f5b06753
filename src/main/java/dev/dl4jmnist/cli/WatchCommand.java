package dev.dl4jmnist.cli;

import dev.dl4jmnist.UsageException;
import dev.dl4jmnist.app.TrainTutorial;
import dev.dl4jmnist.training.HistoryFile;
import dev.dl4jmnist.training.TrainingEvent;
import dev.dl4jmnist.training.watch.WatchServer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code watch}: a finished (or interrupted) training run's live page again, from the history its run directory keeps. */
@Command(name = "watch", header = "Shows a training run's curves again, from the history beside its model.",
        description = {"Serves the live page of 'train --watch' for a run that has ended (or was interrupted), from",
                "MODEL.run/history.jsonl beside the model, on http://127.0.0.1:PORT/ until Ctrl-C."})
public final class WatchCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", paramLabel = "FILE", defaultValue = "models/mnist-mlp.zip",
            description = "The model whose run to show (default: models/mnist-mlp.zip); its history is in FILE's .run directory.")
    Path model;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "6006", description = "The page's port (default: 6006; 0: any free port).")
    int port;

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65535) {
            throw new CommandLine.ParameterException(spec.commandLine(), "the port must be between 0 and 65535, got " + port);
        }
        Path history = TrainTutorial.runDirectory(model).resolve(HistoryFile.NAME);
        if (!Files.isRegularFile(history)) {
            throw new UsageException("no training history at " + history + " (train writes it, unless --no-checkpoints)");
        }
        List<TrainingEvent> events = HistoryFile.read(history);
        PrintWriter out = spec.commandLine().getOut();
        StopSignal stop = StopSignal.install();
        try (WatchServer server = WatchServer.start("127.0.0.1", port)) {
            events.forEach(server);
            out.println("Showing " + history + " (" + events.size() + " events) on " + server.url() + "; Ctrl-C stops");
            out.flush();
            stop.await();
        }
        return 0;
    }
}
