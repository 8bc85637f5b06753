package dev.dl4jmnist.cli;

import dev.dl4jmnist.data.MnistData;
import dev.dl4jmnist.app.EvaluateModel;
import dev.dl4jmnist.app.EvaluateNonDigits;
import dev.dl4jmnist.app.EvaluatePictures;
import dev.dl4jmnist.evaluation.CalibrationError;
import dev.dl4jmnist.evaluation.WilsonInterval;
import dev.dl4jmnist.evaluation.PictureAccuracy;
import dev.dl4jmnist.prediction.imaging.ImageFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code evaluate}: tests a saved model and writes the same pictures and analysis a training run writes;
 * with {@code --images}, its accuracy with intervals on a folder of labelled pictures instead.
 */
@Command(name = "evaluate", header = "Evaluates a saved model on the test set, or on a folder of labelled pictures.",
        description = {"Evaluates a saved model on the MNIST test set and writes its pictures and analysis: correct and",
                "incorrect digits, confusion matrix (text and PNG), per-class precision/recall/F1, and the loss and",
                "accuracy curves when the model's run summary is beside it. No training.",
                "With --images DIR: the accuracy on your own labelled pictures (subfolders 0 to 9, or a labels.csv",
                "with the header file,label), with 95% Wilson intervals, per digit, and the confusion matrix."})
public final class EvaluateCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    DataOptions data;

    @Option(names = "--model", paramLabel = "ZIP", required = true, description = "The saved model (as written by train).")
    Path model;

    @Option(names = "--test-examples", paramLabel = "N", defaultValue = "10000",
            description = "Use only the first N test images (default: all ${DEFAULT-VALUE}).")
    int testExamples;

    @Option(names = "--out-dir", paramLabel = "DIR", description = "Where to write the files (default: beside the model).")
    Path outDir;

    @Option(names = "--images", paramLabel = "DIR",
            description = "Evaluate on these labelled pictures instead of MNIST: subfolders 0 to 9, or a labels.csv (file,label).")
    Path images;

    @Option(names = "--ood", paramLabel = "DIR",
            description = "Instead, measure how the model's confidence tells MNIST's test digits from pictures that are not digits: an MNIST-like test set in DIR"
                    + " (t10k-images-idx3-ubyte and t10k-labels-idx1-ubyte, plain or .gz), such as Fashion-MNIST.")
    Path nonDigits;

    @Override
    public Integer call() {
        if (images != null && nonDigits != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--images and --ood are two evaluations: give one");
        }
        if (images != null) {
            return evaluatePictures(spec.commandLine().getOut());
        }
        if (nonDigits != null) {
            return evaluateNonDigits(spec.commandLine().getOut());
        }
        Usage.examples(spec, "--test-examples", testExamples, MnistData.TEST_SIZE);
        PrintWriter out = spec.commandLine().getOut();
        EvaluateModel.Result inspection = EvaluateModel.run(new EvaluateModel.Request(model, data.dataDir(), testExamples, outDir));
        out.println("Model: " + inspection.model());
        out.println("MNIST: " + inspection.data().describe());
        out.printf(Locale.ROOT, "Test score: %s%n", inspection.result().loss());
        out.printf(Locale.ROOT, "Test accuracy: %s%n", inspection.result().accuracy());
        if (inspection.historyNote() != null) {
            out.println("Note: " + inspection.historyNote());
        }
        EvaluateModel.Calibrated c = inspection.calibrated();
        if (c == null) {
            out.printf(Locale.ROOT, "Expected calibration error: %.2f%% (%d equal-width bins of the largest probability);"
                    + " the model is uncalibrated%n", 100 * inspection.calibration().expectedError(), CalibrationError.BINS);
        } else {
            out.printf(Locale.ROOT, "Expected calibration error: %.2f%% before, %.2f%% after calibration (%d equal-width bins"
                    + " of the largest probability)%n", 100 * inspection.calibration().expectedError(), 100 * c.error().expectedError(),
                    CalibrationError.BINS);
            out.printf(Locale.ROOT, "Log loss: %.4f before, %.4f after calibration (temperature %.4f, fitted on %s)%n",
                    inspection.result().loss(), c.loss(), c.calibration().temperature(), c.calibration().fittedOn());
            out.printf(Locale.ROOT, "Answered \"not a digit\": %d of these %d digits (%.2f%%; threshold %.4f)%n", c.refused(),
                    c.images(), 100.0 * c.refused() / c.images(), c.calibration().threshold());
        }
        ReportPrinter.print(out, inspection.report());
        out.println("Wrote " + inspection.reliabilityDiagram());
        return 0;
    }

    private int evaluatePictures(PrintWriter out) {
        EvaluatePictures.Result r = EvaluatePictures.run(new EvaluatePictures.Request(model, images, ImageFiles.DEFAULT_MAX_PIXELS));
        PictureAccuracy a = r.accuracy();
        out.println("Model: " + r.model());
        out.printf(Locale.ROOT, "Pictures: %s (%s): %d, of which %d answered and %d could not be read%n",
                r.pictures().folder(), r.pictures().layout(), r.pictures().pictures().size(), a.answered(), a.unlabelled());
        out.printf(Locale.ROOT, "Accuracy: %s (%d of %d), 95%% Wilson interval [%s, %s]%n", fixed(a.accuracy()), a.correct(),
                a.answered(), fixed(a.interval().low()), fixed(a.interval().high()));
        out.printf(Locale.ROOT, "Refused as not digits: %d of %d (%s), 95%% Wilson interval [%s, %s]%n", a.refused(), a.answered(),
                fixed((double) a.refused() / Math.max(1, a.answered())), fixed(a.refusedInterval().low()), fixed(a.refusedInterval().high()));
        out.printf(Locale.ROOT, "Accuracy on the %d accepted: %s, 95%% Wilson interval [%s, %s]%n", a.accepted(),
                fixed(a.acceptedAccuracy()), fixed(a.acceptedInterval().low()), fixed(a.acceptedInterval().high()));
        out.println();
        out.println("digit   correct  total  refused  accuracy  95% interval");
        for (PictureAccuracy.DigitAccuracy d : a.perDigit()) {
            out.printf(Locale.ROOT, "%-5d %9d %6d %8d %9s  [%s, %s]%n", d.digit(), d.correct(), d.total(), d.refused(),
                    fixed(d.accuracy()), fixed(d.interval().low()), fixed(d.interval().high()));
        }
        out.println();
        out.println("Confusion matrix of the pictures named a digit:");
        out.print(a.confusion().format());
        if (!r.refused().isEmpty()) {
            out.println();
            out.println("Answered \"not a digit\":");
            r.refused().forEach(p -> out.println("  " + p.file() + (p.bestGuess() != null
                    ? String.format(Locale.ROOT, ": best guess %d (%.4f)", p.bestGuess(), p.probability()) : ": " + p.reason())));
        }
        if (!r.unlabelled().isEmpty()) {
            out.println();
            out.println("Not read as a digit:");
            r.unlabelled().forEach(p -> out.println("  " + p.file() + ": " + p.error()));
        }
        out.flush();
        return 0;
    }

    private static void refused(PrintWriter out, String what, EvaluateNonDigits.Side side) {
        WilsonInterval interval = WilsonInterval.of(side.refused(), side.count());
        out.printf(Locale.ROOT, "%s: %d of %d (%.2f%%), 95%% Wilson interval [%.2f%%, %.2f%%]%n", what, side.refused(),
                side.count(), 100 * side.refusedShare(), 100 * interval.low(), 100 * interval.high());
    }

    private int evaluateNonDigits(PrintWriter out) {
        EvaluateNonDigits.Result r = EvaluateNonDigits.run(new EvaluateNonDigits.Request(model, data.dataDir(), nonDigits));
        out.println("Model: " + r.model());
        out.printf(Locale.ROOT, "%-44s %7s %18s %26s%n", "", "images", "median confidence",
                "named a digit with >= " + EvaluateNonDigits.CONFIDENT);
        side(out, "Digits: MNIST test", r.digits());
        side(out, "Not digits: " + r.nonDigits(), r.others());
        out.printf(Locale.ROOT, "AUROC of the %sconfidence, digits against not digits: %.4f%n",
                r.calibration() != null ? "calibrated " : "", r.auroc());
        if (r.calibration() == null) {
            out.println("The model is uncalibrated: it answers \"not a digit\" for none of these (train it with held-out images)");
        } else {
            out.printf(Locale.ROOT, "Answered \"not a digit\" (calibrated probability below %.4f, chosen on %s):%n",
                    r.calibration().threshold(), r.calibration().fittedOn());
            refused(out, "  MNIST test digits", r.digits());
            refused(out, "  not digits", r.others());
        }
        out.flush();
        return 0;
    }

    private static void side(PrintWriter out, String name, EvaluateNonDigits.Side side) {
        out.printf(Locale.ROOT, "%-44s %7d %18s %25.1f%%%n", name, side.count(), fixed(side.medianConfidence()), 100 * side.confidentShare());
    }

    private static String fixed(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.4f", value);
    }
}
