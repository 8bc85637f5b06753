package dev.dl4jmnist.app;

import dev.dl4jmnist.AppException;
import dev.dl4jmnist.data.MnistData;
import dev.dl4jmnist.data.MnistImages;
import dev.dl4jmnist.data.MnistLocation;
import dev.dl4jmnist.evaluation.CalibrationError;
import dev.dl4jmnist.evaluation.EvaluationResult;
import dev.dl4jmnist.evaluation.Evaluator;
import dev.dl4jmnist.evaluation.ModelAnalysis;
import dev.dl4jmnist.io.AtomicFiles;
import dev.dl4jmnist.io.FileNames;
import dev.dl4jmnist.io.Sha256;
import dev.dl4jmnist.persistence.ModelStore;
import dev.dl4jmnist.persistence.RunSummary;
import dev.dl4jmnist.data.SubsetLimits;
import dev.dl4jmnist.model.Calibration;
import dev.dl4jmnist.model.DigitClassifier;
import dev.dl4jmnist.visualisation.EvaluationReport;
import dev.dl4jmnist.visualisation.ReliabilityDiagram;
import dev.dl4jmnist.training.EpochStats;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code evaluate}: a saved model's test results, pictures and analysis without retraining. The loss and
 * accuracy curves are drawn too when the run summary beside the model belongs to this very model file
 * (same SHA-256).
 */
public final class EvaluateModel {

    /**
     * @param dataDir      MNIST directory, or null to search
     * @param testExamples evaluate on the first N test images (1–10000)
     * @param outDir       where the files go; null: beside the model
     */
    public record Request(Path model, Path dataDir, int testExamples, Path outDir) {
    }

    /**
     * What was evaluated, the report, why curves are missing when they are ({@code null} when drawn), and
     * how well the model's confidence matches its accuracy (drawn as {@code reliabilityDiagram}).
     */
    public record Result(Path model, MnistLocation data, EvaluationReport.Written report, String historyNote,
                         CalibrationError calibration, Path reliabilityDiagram, Calibrated calibrated) {
        public EvaluationResult result() {
            return report.analysis().result();
        }
    }

    /**
     * The same test images through the model's calibration: its expected calibration error and log loss (the
     * test score, calibrated), and how many of these digits it answers "not a digit".
     */
    public record Calibrated(Calibration calibration, CalibrationError error, double loss, int refused, int images) {
    }

    private EvaluateModel() {
    }

    public static Result run(Request request) {
        return run(request, () -> MnistData.locate(request.dataDir()));
    }

    /** As {@link #run(Request)}, with MNIST already located. */
    public static Result run(Request request, MnistData data) {
        return run(request, () -> data);
    }

    private static Result run(Request request, Supplier<MnistData> mnist) {
        Path model = request.model();
        SubsetLimits.requireTestExamples(request.testExamples());
        if (!Files.isRegularFile(model)) {
            throw new AppException("model file " + model + " does not exist");
        }
        Path dir = request.outDir() != null ? request.outDir() : FileNames.directoryOf(model);
        String stem = EvaluationReport.stemOf(model);
        AtomicFiles.checkWritable(dir.resolve(stem + "-evaluation.txt"));   // fail before the slow part
        DigitClassifier classifier = ModelStore.loadClassifier(model);
        MnistData data = mnist.get();
        EvaluationResult result = Evaluator.evaluate(classifier, data.test(Evaluator.EVAL_BATCH, request.testExamples()));
        MnistImages testImages = data.testImages();

        Path summary = ModelStore.summaryPathFor(model);
        List<EpochStats> history = List.of();
        String note;
        if (!Files.isRegularFile(summary)) {
            note = "no run summary " + summary + " beside the model: no loss/accuracy curves";
        } else {
            RunSummary run = readOrNull(summary);
            if (run == null || run.history() == null || run.model() == null) {
                note = "run summary " + summary + " is unreadable: no loss/accuracy curves";
            } else if (!Sha256.of(model).equals(run.model().sha256())) {
                note = "run summary " + summary + " belongs to another model file: no loss/accuracy curves";
            } else {
                history = run.history();
                note = null;
            }
        }
        EvaluationReport.Written report = EvaluationReport.write(ModelAnalysis.of(result), testImages, history, dir, stem);
        float[][] raw = DigitClassifier.rows(result.probabilities());
        CalibrationError calibration = CalibrationError.of(raw, result.labels());
        Calibrated calibrated = classifier.calibration().map(c -> calibrated(c, raw, result.labels())).orElse(null);
        Path diagram = dir.resolve(stem + "-reliability.png");
        ReliabilityDiagram.writePng(diagram, calibration, calibrated != null ? calibrated.error() : null,
                "Reliability on " + result.size() + " MNIST test images");
        return new Result(model, data.location(), report, note, calibration, diagram, calibrated);
    }

    /** The test images' calibrated probabilities, summarised. */
    static Calibrated calibrated(Calibration c, float[][] raw, int[] labels) {
        float[][] p = new float[raw.length][];
        double loss = 0;
        int refused = 0;
        for (int i = 0; i < raw.length; i++) {
            p[i] = c.apply(raw[i]);
            loss -= Math.log(Math.max(p[i][labels[i]], Float.MIN_VALUE));
            refused += c.isDigit(p[i][DigitClassifier.argMax(p[i])]) ? 0 : 1;
        }
        return new Calibrated(c, CalibrationError.of(p, labels), loss / raw.length, refused, raw.length);
    }

    private static RunSummary readOrNull(Path summary) {
        try {
            return RunSummary.read(summary);
        } catch (AppException e) {
            return null;
        }
    }
}
