package dev.dl4jmnist.cli;

import dev.dl4jmnist.AppException;
import dev.dl4jmnist.data.DataShapes;
import dev.dl4jmnist.data.MnistLocation;
import dev.dl4jmnist.io.ConfigFiles;
import dev.dl4jmnist.app.TutorialObserver;
import dev.dl4jmnist.app.TutorialRequest;
import dev.dl4jmnist.app.TutorialResult;
import dev.dl4jmnist.app.TrainTutorial;
import dev.dl4jmnist.training.EpochStats;
import dev.dl4jmnist.model.CnnConfig;
import dev.dl4jmnist.model.TrainingConfig;
import dev.dl4jmnist.training.TrainingProgress;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code train}: the tutorial end to end — fit with validation, test, save, reload and verify. */
@Command(name = "train", header = "Trains the tutorial's MLP (or a CNN): fit with validation, test, save, reload and verify.",
        description = {"Trains the tutorial's MLP (or, with --network cnn, a convolutional network) on MNIST, evaluates it",
                "on the test set, saves it, reloads it and checks the reloaded model predicts exactly the same.",
                "Defaults: config/training.json (MLP), config/training-cnn.json (CNN)."})
public final class TrainCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    DataOptions data;

    @Option(names = "--network", paramLabel = "NAME", defaultValue = "mlp",
            description = "Which network: mlp (the tutorial's, default) or cnn (convolutional, with augmentation).")
    NetworkChoice network;

    @Option(names = "--augment", negatable = true,
            description = "CNN only: vary the training images (shifts, rotations, scaling, stroke width); default: on.")
    Boolean augment;

    @Option(names = "--epochs", paramLabel = "N", description = "Passes over the training set (default: 5).")
    Integer epochs;

    @Option(names = "--batch-size", paramLabel = "N", description = "Images per training step (default: 128).")
    Integer batchSize;

    @Option(names = "--seed", paramLabel = "N", description = "Seed for weights, dropout and shuffling (default: 42).")
    Long seed;

    @Option(names = "--learning-rate", paramLabel = "LR", description = "Adam's learning rate (default: 0.001).")
    Double learningRate;

    @Option(names = "--dropout", paramLabel = "RATE", description = "Fraction of activations dropped, as Keras's Dropout (default: 0.2).")
    Double dropout;

    @Option(names = "--hidden", paramLabel = "N", split = ",", description = "Hidden layer widths (default: 512,512).")
    List<Integer> hidden;

    @Option(names = "--model", paramLabel = "FILE", description = "Where to save the model (default: models/mnist-mlp.zip, models/mnist-cnn.zip for the CNN); the summary goes beside it as .json.")
    Path model;

    @Option(names = "--config", paramLabel = "FILE", description = "Hyperparameter file to start from (default: ./config/training.json, or training-cnn.json for the CNN, if present, else the packaged defaults).")
    Path config;

    @Mixin
    SubsetOptions subset;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        TutorialRequest request = request(out);
        TutorialResult result = TrainTutorial.run(request, new Printer(out, ConsoleProgress.forOutput(out)));
        out.printf(Locale.ROOT, "%nTest score: %s%n", result.test().loss());
        out.printf(Locale.ROOT, "Test accuracy: %s%n", result.test().accuracy());
        out.printf(Locale.ROOT, "Saved model: %s (sha256 %s)%n", result.modelPath(), result.modelSha256());
        out.printf(Locale.ROOT, "Reloaded model predictions match: %d/%d (max abs probability difference %s)%n",
                result.reload().matching(), result.reload().total(), result.reload().maxAbsDifference());
        out.printf(Locale.ROOT, "Run summary: %s%n", result.summaryPath());
        out.printf(Locale.ROOT, "Time: %.1fs training (%.1fs per epoch), %.1fs total; peak memory %d MiB%n",
                result.trainSeconds(), result.trainSeconds() / result.history().size(), result.totalSeconds(),
                result.peakRssBytes() >> 20);
        ReportPrinter.print(out, TrainTutorial.writeReport(result));
        TrainTutorial.requireReloadMatch(result);
        return 0;
    }

    /** The request from the options: a bad config file is an error, an invalid option value a usage error. */
    TutorialRequest request(PrintWriter out) {
        Path modelPath = model != null ? model : Path.of(network.defaultModelPath());
        if (network == NetworkChoice.cnn) {
            return cnnRequest(out, modelPath);
        }
        if (augment != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--augment and --no-augment apply to --network cnn only");
        }
        ConfigFiles.Loaded<TrainingConfig> base = TrainingConfig.load(config);
        out.println("Config: " + base.source());
        return Usage.check(spec, () -> {
            TrainingConfig c = base.value();
            if (epochs != null) c = c.withEpochs(epochs);
            if (batchSize != null) c = c.withBatchSize(batchSize);
            if (seed != null) c = c.withSeed(seed);
            if (learningRate != null) c = c.withLearningRate(learningRate);
            if (dropout != null) c = c.withDropout(dropout);
            if (hidden != null) c = c.withHidden(hidden);
            return new TutorialRequest(c, data.dataDir(), modelPath,
                    subset.trainExamples(), subset.testExamples());
        });
    }

    private TutorialRequest cnnRequest(PrintWriter out, Path modelPath) {
        if (hidden != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--hidden applies to --network mlp only");
        }
        ConfigFiles.Loaded<CnnConfig> base = CnnConfig.load(config);
        out.println("Config: " + base.source());
        return Usage.check(spec, () -> {
            CnnConfig c = base.value();
            if (epochs != null) c = c.withEpochs(epochs);
            if (batchSize != null) c = c.withBatchSize(batchSize);
            if (seed != null) c = c.withSeed(seed);
            if (learningRate != null) c = c.withLearningRate(learningRate);
            if (dropout != null) c = c.withDropout(dropout);
            if (augment != null) c = c.withAugmentation(c.augmentation().withEnabled(augment));
            return new TutorialRequest(c, data.dataDir(), modelPath, subset.trainExamples(), subset.testExamples());
        });
    }

    /** Prints the story's steps as they happen. */
    private record Printer(PrintWriter out, TrainingProgress progress) implements TutorialObserver {
        @Override
        public void dataReady(MnistLocation location, DataShapes shapes) {
            out.println("MNIST: " + location.describe());
            out.println(shapes.format());
            out.println();
            out.flush();
        }

        @Override
        public void modelReady(String summary) {
            out.println("Model: \"sequential\"");
            out.println(summary);
            out.println();
            out.flush();
        }

        @Override
        public void epochStarted(int epoch, int epochs, int steps) {
            progress.epochStarted(epoch, epochs, steps);
        }

        @Override
        public void stepFinished(int step, double loss, double accuracy) {
            progress.stepFinished(step, loss, accuracy);
        }

        @Override
        public void epochFinished(EpochStats stats, int epochs) {
            progress.epochFinished(stats, epochs);
        }
    }
}
