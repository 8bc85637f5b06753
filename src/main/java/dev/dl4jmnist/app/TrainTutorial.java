package dev.dl4jmnist.app;

import dev.dl4jmnist.data.DataShapes;
import dev.dl4jmnist.data.MnistData;
import dev.dl4jmnist.data.MnistImages;
import dev.dl4jmnist.data.NonDigitMixing;
import dev.dl4jmnist.evaluation.ModelAnalysis;
import dev.dl4jmnist.visualisation.EvaluationReport;
import dev.dl4jmnist.evaluation.EvaluationResult;
import dev.dl4jmnist.evaluation.Evaluator;
import dev.dl4jmnist.io.AtomicFiles;
import dev.dl4jmnist.io.FileNames;
import dev.dl4jmnist.io.ExclusiveFile;
import dev.dl4jmnist.io.WriteTogether;
import dev.dl4jmnist.io.Sha256;
import dev.dl4jmnist.model.DigitClassifier;
import dev.dl4jmnist.model.ModelSummary;
import dev.dl4jmnist.persistence.ModelStore;
import dev.dl4jmnist.persistence.ReloadCheck;
import dev.dl4jmnist.persistence.RunSummary;
import dev.dl4jmnist.data.ResumableIterator;
import dev.dl4jmnist.training.CalibrationFit;
import dev.dl4jmnist.training.Checkpoint;
import dev.dl4jmnist.training.CheckpointStore;
import dev.dl4jmnist.training.EarlyStopping;
import dev.dl4jmnist.training.EpochStats;
import dev.dl4jmnist.training.FitPlan;
import dev.dl4jmnist.training.EventRecorder;
import dev.dl4jmnist.training.FitResult;
import dev.dl4jmnist.training.HistoryFile;
import dev.dl4jmnist.training.TrainingProgress;
import dev.dl4jmnist.training.Trainer;
import dev.dl4jmnist.UsageException;
import dev.dl4jmnist.AppException;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tutorial from start to end: load MNIST, build the network, fit with validation (checkpointed,
 * resumed, stopped early when asked), evaluate on the test set, save, reload and compare predictions,
 * and write the run's JSON summary beside the model.
 */
public final class TrainTutorial {
    private TrainTutorial() {
    }

    /**
     * The whole run, as one call: train (checkpointed, resumed, stopped early as asked), test, save, reload and
     * compare, write the summary and, when asked, the pictures. A reload mismatch is in the result
     * ({@code reload().requireAllMatch()} reports it).
     */
    public static TutorialResult run(TutorialRequest request, TutorialObserver observer) {
        AtomicFiles.checkWritable(request.modelPath());     // fail now, not after minutes of training
        AtomicFiles.checkWritable(ModelStore.summaryPathFor(request.modelPath()));
        // one run per model path: the zip and the summary beside it always describe the same run
        try (ExclusiveFile claim = ExclusiveFile.claim(request.modelPath(), "another training run")) {
            return runClaimed(request, observer);
        }
    }

    private static TutorialResult runClaimed(TutorialRequest request, TutorialObserver observer) {
        long start = System.nanoTime();
        Path modelPath = request.modelPath();
        Path summaryPath = ModelStore.summaryPathFor(modelPath);
        request.config().requireTrainable();     // a network too large for the machine is refused before any allocation
        CheckpointStore checkpoints = request.checkpoints() ? checkpointStore(request) : null;
        Checkpoint resumeFrom = request.resume() ? lastGoodCheckpoint(checkpoints, observer) : null;

        MnistData data = MnistData.locate(request.dataDir());
        ResumableIterator train = data.train(request.config().batchSize(), request.trainExamples(), request.config().seed(),
                request.heldOut());
        if (request.nonDigits()) {
            train.mixNonDigits(NonDigitMixing.standard(request.config().seed()));
        }
        DataSetIterator trainView = request.config().trainingView(train);
        DataSetIterator test = data.test(Evaluator.EVAL_BATCH, request.testExamples());
        DataShapes shapes = DataShapes.of(request.trainExamples(), request.testExamples());
        observer.dataReady(data.location(), shapes);

        MultiLayerNetwork net = request.config().create();
        observer.modelReady(ModelSummary.of(net));

        if (checkpoints != null && resumeFrom == null) {
            int removed = checkpoints.clear();              // a fresh run: an earlier run's checkpoints no longer apply
            if (removed > 0) {
                observer.checkpointNote("Removed " + removed + " checkpoint" + (removed == 1 ? "" : "s") + " of an earlier run in "
                        + checkpoints.directory());
            }
        }
        FitPlan plan = new FitPlan(request.config().epochs(), request.earlyStopping(), checkpoints, resumeFrom);
        FitResult fit;
        if (checkpoints == null) {
            fit = Trainer.fit(net, trainView, request.trainExamples(), test, plan,
                    TrainingProgress.all(observer, new EventRecorder(request.config().networkName(), observer::trainingEvent)));
        } else {
            // the run directory keeps the history as JSON lines beside the checkpoints; a resume keeps what they cover
            try (HistoryFile history = HistoryFile.open(checkpoints.directory().resolve(HistoryFile.NAME),
                    resumeFrom == null ? 0 : resumeFrom.epoch())) {
                HistoryFile.read(history.file()).forEach(observer::trainingEvent);
                fit = Trainer.fit(net, trainView, request.trainExamples(), test, plan,
                        TrainingProgress.all(observer, new EventRecorder(request.config().networkName(), e -> {
                            history.accept(e);
                            observer.trainingEvent(e);
                        })));
            }
        }
        List<EpochStats> history = fit.history();
        double trainSeconds = history.stream().mapToDouble(EpochStats::seconds).sum();
        EvaluationResult result = Evaluator.evaluate(net, test);
        CalibrationFit.Result calibration = request.heldOut() == 0 ? null : calibrate(net, data, request.heldOut());
        if (calibration != null) {
            observer.calibrated(calibration);
        }

        // the zip and its summary are one unit: Ctrl-C during the save waits for both, so they always match
        TutorialResult saved = WriteTogether.run(() -> {
            ModelStore.save(net, modelPath, true, calibration != null ? calibration.calibration() : null);
            String sha = Sha256.of(modelPath);
            DigitClassifier reloaded = ModelStore.loadClassifier(modelPath);
            ReloadCheck reload = ReloadCheck.compare(result, Evaluator.evaluate(reloaded, test));
            if (calibration != null && !reloaded.calibration().equals(java.util.Optional.of(calibration.calibration()))) {
                throw new AppException("the model reloaded from " + modelPath + " lost its calibration");
            }
            double totalSeconds = (System.nanoTime() - start) / 1e9;

            TutorialResult out = new TutorialResult(request.config(), data.location(), shapes, net.numParams(), history,
                    result, modelPath, sha, reload, summaryPath, trainSeconds, totalSeconds, ProcessMemory.peakRssBytes(), net, fit,
                    calibration, null);
            summaryOf(out).write(summaryPath);
            return out;
        });
        return request.report() ? withReport(saved) : saved;
    }

    /** {@code run} with its pictures and analysis written beside the model (as {@code evaluate} does for a saved model). */
    private static TutorialResult withReport(TutorialResult r) {
        MnistImages test = new MnistData(r.data()).testImages();
        EvaluationReport.Written report = EvaluationReport.write(ModelAnalysis.of(r.test()), test, r.history(),
                FileNames.directoryOf(r.summaryPath()), EvaluationReport.stemOf(r.modelPath()));
        return new TutorialResult(r.config(), r.data(), r.shapes(), r.parameters(), r.history(), r.test(), r.modelPath(),
                r.modelSha256(), r.reload(), r.summaryPath(), r.trainSeconds(), r.totalSeconds(), r.peakRssBytes(), r.model(),
                r.training(), r.calibration(), report);
    }

    /**
     * Fits the model's calibration on the held-out training images, which training never drew from: the
     * temperature, then the "not a digit" threshold (see {@link CalibrationFit}).
     */
    public static CalibrationFit.Result calibrate(MultiLayerNetwork net, MnistData data, int heldOut) {
        MnistImages images = data.heldOut(heldOut);
        float[][] raw = DigitClassifier.of(net).probabilities(images.scaledAll());
        return CalibrationFit.fit(raw, images.labels(), MnistData.describeHeldOut(heldOut));
    }

    /** The directory of a model's run files (checkpoints, the history as JSON lines): {@code models/NAME.run/}. */
    public static Path runDirectory(Path modelPath) {
        return modelPath.resolveSibling(FileNames.stem(modelPath) + ".run");
    }

    /**
     * The model's checkpoints, marked with what makes a run the same run: the network and its settings, the
     * image counts and early stopping. A resumed run must match them all.
     */
    private static CheckpointStore checkpointStore(TutorialRequest request) {
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("network", request.config().networkName());
        run.put("config", request.config());
        run.put("trainExamples", request.trainExamples());
        run.put("testExamples", request.testExamples());
        EarlyStopping stopping = request.earlyStopping();
        run.put("earlyStopping", stopping);
        run.put("heldOut", request.heldOut());
        run.put("nonDigits", request.nonDigits());
        return new CheckpointStore(runDirectory(request.modelPath()), run);
    }

    /** The checkpoint to resume from; a usage error when there is none. */
    private static Checkpoint lastGoodCheckpoint(CheckpointStore checkpoints, TutorialObserver observer) {
        Checkpoint c = checkpoints.latest(observer::checkpointNote).orElseThrow(() -> new UsageException(
                "no checkpoint to resume from in " + checkpoints.directory() + " (train without --resume to start afresh)"));
        observer.checkpointNote("Resuming after epoch " + c.epoch() + " from " + checkpoints.fileFor(c.epoch()));
        return c;
    }

    /** The run's JSON record. */
    static RunSummary summaryOf(TutorialResult r) {
        long bytes;
        try {
            bytes = Files.size(r.modelPath());
        } catch (IOException e) {
            bytes = -1;
        }
        return new RunSummary(Instant.now().toString(), r.data().source(), r.config(), r.parameters(),
                r.shapes().trainExamples(), r.shapes().testExamples(), r.history(),
                new RunSummary.Test(r.test().loss(), r.test().accuracy(), r.test().correctCount(), r.test().size()),
                new RunSummary.Timings(r.trainSeconds(), r.trainSeconds() / Math.max(1, r.history().size()),
                        r.totalSeconds(), r.peakRssBytes()),
                new RunSummary.Model(r.modelPath().toAbsolutePath().normalize().toString(), r.modelSha256(), bytes),
                new RunSummary.Reload(r.reload().matching(), r.reload().total(), r.reload().maxAbsDifference(),
                        r.reload().allMatch()),
                new RunSummary.Training(r.training().bestEpoch(), r.training().stoppedEarly(), r.training().stopReason(),
                        r.training().resumedAfter(), r.training().checkpointSeconds()));
    }
}
