package dev.dl4jmnist.cli;

import dev.dl4jmnist.AppException;
import dev.dl4jmnist.data.DataShapes;
import dev.dl4jmnist.data.MnistLocation;
import dev.dl4jmnist.io.ConfigFiles;
import dev.dl4jmnist.app.FineTuneModel;
import dev.dl4jmnist.app.FineTuneRequest;
import dev.dl4jmnist.app.FineTuneResult;
import dev.dl4jmnist.app.TutorialObserver;
import dev.dl4jmnist.app.TutorialRequest;
import dev.dl4jmnist.app.TutorialResult;
import dev.dl4jmnist.app.TrainTutorial;
import dev.dl4jmnist.data.MnistData;
import dev.dl4jmnist.data.NonDigitMixing;
import dev.dl4jmnist.model.Calibration;
import dev.dl4jmnist.training.CalibrationFit;
import dev.dl4jmnist.training.CheckpointStore;
import dev.dl4jmnist.training.EarlyStopping;
import dev.dl4jmnist.training.EpochStats;
import dev.dl4jmnist.training.FitResult;
import dev.dl4jmnist.model.NetworkRecipe;
import dev.dl4jmnist.training.TrainingEvent;
import dev.dl4jmnist.training.TrainingProgress;
import dev.dl4jmnist.training.watch.WatchServer;
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

    @Option(names = "--held-out", paramLabel = "N",
            description = "Keep the last N training images out of training, to fit the model's calibration on (default: "
                    + MnistData.HELD_OUT + "; 0: train on all 60000, as the Keras tutorial does, and save the model uncalibrated).")
    Integer heldOut;

    @Option(names = "--non-digits", negatable = true,
            description = "Show the network pictures that are not digits (letters, symbols, scribbles, shapes, textures) in every"
                    + " minibatch, labelled \"none of the ten\", so that it learns to say when a picture is not a digit"
                    + " (outlier exposure; 1.2 (MLP) to 1.6 (CNN) times the training time). Default: on for --network cnn, off for the"
                    + " tutorial's MLP.")
    Boolean nonDigits;

    @Option(names = "--early-stopping", paramLabel = "PATIENCE",
            description = "Stop when val_loss has not improved for PATIENCE epochs in a row; the saved model is the best epoch's.")
    Integer patience;

    @Option(names = "--min-delta", paramLabel = "D",
            description = "With --early-stopping: the least decrease of val_loss that counts as an improvement (default: 0).")
    Double minDelta;

    @Option(names = "--checkpoints", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Write a checkpoint after every epoch into MODEL.run/ beside the model, keeping the last "
                    + CheckpointStore.KEEP + " (default: on).")
    boolean checkpoints;

    @Option(names = "--watch", paramLabel = "PORT", arity = "0..1", fallbackValue = "6006",
            description = "Serve a live page of the training's curves on http://127.0.0.1:PORT/ (default port: 6006; 0: any free port).")
    Integer watchPort;

    @Option(names = "--fine-tune", paramLabel = "MODEL",
            description = "Train a new version of MODEL on the corrections of --corrections mixed with a replay of MNIST;"
                    + " saved to --model (default: MODEL's name with -fine-tuned).")
    Path fineTune;

    @Option(names = "--corrections", paramLabel = "DIR",
            description = "With --fine-tune: the corrections, as DIR/<digit>/<picture> (the label is the folder's name).")
    Path corrections;

    @Option(names = "--replay", paramLabel = "N",
            description = "With --fine-tune: how many MNIST training images to mix with the corrections (default: "
                    + FINE_TUNE_REPLAY + ").")
    Integer replay;

    /** Fine-tuning's defaults: MNIST images replayed beside the corrections, epochs, batch size. */
    static final int FINE_TUNE_REPLAY = 5000;
    static final int FINE_TUNE_EPOCHS = 2;
    static final int FINE_TUNE_BATCH = 64;

    @Option(names = "--resume",
            description = "Continue an interrupted run (same options, same --model) from its last good checkpoint.")
    boolean resume;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (fineTune != null || corrections != null || replay != null) {
            return fineTune(out);
        }
        TutorialRequest request = request(out);
        if (request.heldOut() > 0) {
            out.println("Held out for calibration: " + MnistData.describeHeldOut(request.heldOut()));
        }
        if (request.nonDigits()) {
            out.printf(Locale.ROOT, "Non-digits: %d pictures that are not digits with every %d digits, labelled none of the ten"
                    + " (--no-non-digits leaves them out)%n", NonDigitMixing.perBatch(request.config().batchSize()),
                    request.config().batchSize());
        }
        TutorialResult result;
        try (WatchServer watch = watchPort == null ? null : startWatch(out)) {
            result = TrainTutorial.run(request, new Printer(out, ConsoleProgress.forOutput(out), watch));
        }
        printTraining(out, result.training());
        out.printf(Locale.ROOT, "%nTest score: %s%n", result.test().loss());
        out.printf(Locale.ROOT, "Test accuracy: %s%n", result.test().accuracy());
        printCalibration(out, result.calibration());
        out.printf(Locale.ROOT, "Saved model: %s (sha256 %s)%n", result.modelPath(), result.modelSha256());
        out.printf(Locale.ROOT, "Reloaded model predictions match: %d/%d (max abs probability difference %s)%n",
                result.reload().matching(), result.reload().total(), result.reload().maxAbsDifference());
        out.printf(Locale.ROOT, "Run summary: %s%n", result.summaryPath());
        out.printf(Locale.ROOT, "Time: %.1fs training (%.1fs per epoch), %.1fs total; peak memory %d MiB%n",
                result.trainSeconds(), result.trainSeconds() / result.history().size(), result.totalSeconds(),
                result.peakRssBytes() >> 20);
        ReportPrinter.print(out, result.report());
        result.reload().requireAllMatch();
        return 0;
    }

    /** {@code --fine-tune}: a new version of a model from users' corrections, with accuracy before and after. */
    private int fineTune(PrintWriter out) {
        if (fineTune == null || corrections == null) {
            throw usage("--fine-tune and --corrections go together");
        }
        if (resume || patience != null || watchPort != null || hidden != null || augment != null || network != NetworkChoice.mlp
                || config != null) {
            throw usage("--fine-tune takes --corrections, --replay, --epochs, --batch-size, --learning-rate, --seed, --model and --data-dir only");
        }
        int replayed = Usage.examples(spec, "--replay", replay != null ? replay : FINE_TUNE_REPLAY, dev.dl4jmnist.data.MnistData.TRAIN_SIZE);
        if (epochs != null && epochs < 1 || batchSize != null && batchSize < 1) {
            throw usage("--epochs and --batch-size must be at least 1");
        }
        double rate = learningRate != null ? learningRate : FineTuneRequest.DEFAULT_LEARNING_RATE;
        Path target = model != null ? model
                : fineTune.resolveSibling(dev.dl4jmnist.io.FileNames.stem(fineTune) + "-fine-tuned.zip");
        FineTuneResult r = FineTuneModel.run(new FineTuneRequest(fineTune, corrections, target, data.dataDir(), replayed,
                epochs != null ? epochs : FINE_TUNE_EPOCHS, batchSize != null ? batchSize : FINE_TUNE_BATCH, rate, seed != null ? seed : 42));
        out.printf(Locale.ROOT, "Fine-tuned %s on %d correction%s and %d MNIST training images, %d epochs at learning rate %s%n",
                fineTune, r.corrections(), r.corrections() == 1 ? "" : "s", r.replayExamples(), r.epochs(),
                java.math.BigDecimal.valueOf(rate).stripTrailingZeros().toPlainString());
        out.printf(Locale.ROOT, "MNIST test accuracy: %.4f before, %.4f after%n", r.testBefore().accuracy(), r.testAfter().accuracy());
        out.printf(Locale.ROOT, "Corrections accuracy: %.4f before, %.4f after (%d/%d, then %d/%d)%n", r.correctionsBefore().accuracy(),
                r.correctionsAfter().accuracy(), r.correctionsBefore().correctCount(), r.corrections(),
                r.correctionsAfter().correctCount(), r.corrections());
        if (r.calibration() != null) {
            printCalibration(out, r.calibration());
        } else {
            out.println("Calibration: none (the source model has none); the new version's probabilities are its own");
        }
        out.printf(Locale.ROOT, "Saved model: %s (sha256 %s)%n", r.modelPath(), r.modelSha256());
        return 0;
    }

    /** The calibration the model is saved with, or why it has none. */
    static void printCalibration(PrintWriter out, CalibrationFit.Result fit) {
        if (fit == null) {
            out.println("Calibration: none (no images were held out); the model's probabilities are its own, and it never answers \"not a digit\"");
            return;
        }
        Calibration c = fit.calibration();
        out.printf(Locale.ROOT, "Calibration: temperature %.4f, fitted on %s: log loss %.4f before, %.4f after%n",
                c.temperature(), c.fittedOn(), fit.nllBefore(), fit.nllAfter());
        out.printf(Locale.ROOT, "Not a digit: below a calibrated probability of %.4f (%.1f%% of those %,d digits)%n",
                c.threshold(), 100 * c.refusedShare(), c.images());
    }

    /** The live page, before anything else happens: a port in use is a usage error, with nothing written. */
    private WatchServer startWatch(PrintWriter out) {
        if (watchPort < 0 || watchPort > 65535) {
            throw usage("--watch: the port must be between 0 and 65535, got " + watchPort);
        }
        WatchServer watch = WatchServer.start("127.0.0.1", watchPort);
        out.println("Live page: " + watch.url());
        out.flush();
        return watch;
    }

    /** How training went: the best epoch and why it stopped (early stopping), and what the checkpoints cost. */
    private void printTraining(PrintWriter out, FitResult fit) {
        if (patience != null) {
            EpochStats best = fit.history().get(fit.bestEpoch() - 1);
            out.printf(Locale.ROOT, "%nBest epoch: %d of %d (val_loss %.4f, val_accuracy %.4f); the saved model is this epoch's%n",
                    fit.bestEpoch(), fit.history().size(), best.valLoss(), best.valAccuracy());
            out.printf(Locale.ROOT, "Stopped: %s%n", fit.stopReason());
        }
        if (!fit.checkpointSeconds().isEmpty()) {
            double mean = fit.checkpointSeconds().stream().mapToDouble(Double::doubleValue).average().orElse(0);
            out.printf(Locale.ROOT, "Checkpoints: %d written (%.2fs each on average), the last %d kept in %s%n",
                    fit.checkpointSeconds().size(), mean, CheckpointStore.KEEP, TrainTutorial.runDirectory(model()));
        }
    }

    private Path model() {
        return model != null ? model : Path.of(network.defaultModelPath());
    }

    /**
     * The request from the options, built once whichever the network: a bad config file is an error, an
     * invalid option value or a pair of options that do not go together a usage error.
     */
    TutorialRequest request(PrintWriter out) {
        if (hidden != null && network != NetworkChoice.mlp) {
            throw usage("--hidden applies to --network mlp only");
        }
        if (augment != null && network != NetworkChoice.cnn) {
            throw usage("--augment and --no-augment apply to --network cnn only");
        }
        if (minDelta != null && patience == null) {
            throw usage("--min-delta applies with --early-stopping only");
        }
        if (resume && !checkpoints) {
            throw usage("--resume needs checkpoints; drop --no-checkpoints");
        }
        ConfigFiles.Loaded<? extends NetworkRecipe> base = NetworkRecipe.load(network.name(), config);
        out.println("Config: " + base.source());
        return Usage.check(spec, () -> {
            NetworkRecipe c = base.value();
            if (epochs != null) c = c.withEpochs(epochs);
            if (batchSize != null) c = c.withBatchSize(batchSize);
            if (seed != null) c = c.withSeed(seed);
            if (learningRate != null) c = c.withLearningRate(learningRate);
            if (dropout != null) c = c.withDropout(dropout);
            if (hidden != null) c = c.withHidden(hidden);
            if (augment != null) c = c.withAugmentation(augment);
            int held = heldOut != null ? heldOut : MnistData.HELD_OUT;
            if (held < 0 || held >= MnistData.TRAIN_SIZE) {
                throw usage("--held-out must be between 0 and " + (MnistData.TRAIN_SIZE - 1) + ", got " + held);
            }
            int trainExamples = subset.trainExamplesOr(MnistData.TRAIN_SIZE - held);
            if (trainExamples > MnistData.TRAIN_SIZE - held) {
                throw usage("--train-examples can be at most " + (MnistData.TRAIN_SIZE - held) + " when " + held
                        + " images are held out (--held-out), got " + trainExamples);
            }
            TutorialRequest request = new TutorialRequest(c, data.dataDir(), model(), trainExamples, subset.testExamples())
                    .withHeldOut(held).withNonDigits(nonDigits != null ? nonDigits : network.nonDigitsByDefault()).withReport();
            if (patience != null) {
                request = request.withEarlyStopping(new EarlyStopping(patience, minDelta != null ? minDelta : 0.0));
            }
            return resume ? request.resuming() : checkpoints ? request.withCheckpoints() : request;
        });
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    /** Prints the story's steps as they happen. */
    private record Printer(PrintWriter out, TrainingProgress progress, WatchServer watch) implements TutorialObserver {
        @Override
        public void trainingEvent(TrainingEvent event) {
            if (watch != null) {
                watch.accept(event);
            }
        }

        @Override
        public void checkpointNote(String line) {
            out.println(line);
            out.flush();
        }
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
