package dev.dl4jmnist.app;

import dev.dl4jmnist.data.DataShapes;
import dev.dl4jmnist.data.MnistData;
import dev.dl4jmnist.data.MnistImages;
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
import dev.dl4jmnist.training.EpochStats;
import dev.dl4jmnist.training.Trainer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * The tutorial from start to end: load MNIST, build the network, fit with validation, evaluate on the
 * test set, save, reload and compare predictions, and write the run's JSON summary beside the model.
 */
public final class TrainTutorial {
    private TrainTutorial() {
    }

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

        MnistData data = MnistData.locate(request.dataDir());
        DataSetIterator train = request.config().trainingView(
                data.train(request.config().batchSize(), request.trainExamples(), request.config().seed()));
        DataSetIterator test = data.test(Evaluator.EVAL_BATCH, request.testExamples());
        DataShapes shapes = DataShapes.of(request.trainExamples(), request.testExamples());
        observer.dataReady(data.location(), shapes);

        MultiLayerNetwork net = request.config().create();
        observer.modelReady(ModelSummary.of(net));

        List<EpochStats> history = Trainer.fit(net, train, request.trainExamples(), test, request.config().epochs(), observer);
        double trainSeconds = history.stream().mapToDouble(EpochStats::seconds).sum();
        EvaluationResult result = Evaluator.evaluate(net, test);

        // the zip and its summary are one unit: Ctrl-C during the save waits for both, so they always match
        return WriteTogether.run(() -> {
            ModelStore.save(net, modelPath);
            String sha = Sha256.of(modelPath);
            DigitClassifier reloaded = ModelStore.loadClassifier(modelPath);
            ReloadCheck reload = ReloadCheck.compare(result, Evaluator.evaluate(reloaded, test));
            double totalSeconds = (System.nanoTime() - start) / 1e9;

            TutorialResult out = new TutorialResult(request.config(), data.location(), shapes, net.numParams(), history,
                    result, modelPath, sha, reload, summaryPath, trainSeconds, totalSeconds, ProcessMemory.peakRssBytes(), net);
            summaryOf(out).write(summaryPath);
            return out;
        });
    }

    /** Writes the trained model's pictures and analysis beside it (as {@code evaluate} does for a saved model). */
    public static EvaluationReport.Written writeReport(TutorialResult run) {
        MnistImages test = new MnistData(run.data()).testImages();
        Path dir = FileNames.directoryOf(run.summaryPath());
        return EvaluationReport.write(ModelAnalysis.of(run.test()), test, run.history(), dir,
                EvaluationReport.stemOf(run.modelPath()));
    }

    /** Throws when the reload check failed (the caller reports it as an error). */
    public static void requireReloadMatch(TutorialResult result) {
        result.reload().requireAllMatch();
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
                        r.reload().allMatch()));
    }
}
