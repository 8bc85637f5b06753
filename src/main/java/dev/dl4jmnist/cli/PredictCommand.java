package dev.dl4jmnist.cli;

import dev.dl4jmnist.prediction.imaging.ImageFiles;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dl4jmnist.AppException;
import dev.dl4jmnist.app.PredictDigits;
import dev.dl4jmnist.prediction.DigitPrediction;
import dev.dl4jmnist.prediction.DigitPredictor;
import dev.dl4jmnist.prediction.PredictionReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code predict}: labels users' own pictures of handwritten digits. */
@Command(name = "predict", header = "Labels pictures of handwritten digits with a trained model.",
        description = {"Labels pictures of handwritten digits (PNG, JPEG, BMP, GIF; any size,",
                "colour or polarity), each prepared as MNIST was: gray, white ink on black,",
                "fitted into 20x20, centred by mass in 28x28. Prints the predicted digit, its",
                "probability and the next two candidates. Exit code 1 if any picture could",
                "not be labelled (the others are still labelled)."})
public final class PredictCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "IMAGE", arity = "1..*",
            description = "Picture files, or directories (their .png/.jpg/.jpeg/.bmp/.gif files, in name order).")
    List<Path> images;

    @CommandLine.Mixin
    PictureModelOption model;

    @Option(names = "--json", description = "Print one JSON object per picture (file, prediction, probability, top3; or file, error).")
    boolean json;

    @Option(names = "--save-preprocessed", paramLabel = "DIR",
            description = "Save the 28x28 image the model saw for each picture, as DIR/<name>-28x28.png.")
    Path savePreprocessed;

    @Option(names = "--max-pixels", paramLabel = "N", defaultValue = "" + ImageFiles.DEFAULT_MAX_PIXELS,
            description = "Refuse pictures with more pixels than this, before decoding (default: ${DEFAULT-VALUE}).")
    long maxPixels;

    /** Made on first use: Jackson's first mapper costs about 0.2 s of class loading, and most runs print no JSON. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    @Override
    public Integer call() {
        if (maxPixels < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--max-pixels must be positive, got " + maxPixels);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        DigitPredictor.Options options = new DigitPredictor.Options(maxPixels, savePreprocessed);
        PredictionReport report = PredictDigits.run(new PredictDigits.Request(model.model, images, options), p -> print(p, out, err));
        Path modelFile = report.model();
        if (!json) {
            out.printf(Locale.ROOT, "%d of %d pictures labelled with %s%s%s%s%n", report.labelledCount(),
                    report.results().size(), modelFile,
                    report.notADigitCount() > 0 ? "; " + report.notADigitCount() + " not a digit" : "",
                    report.failedCount() > 0 ? "; " + report.failedCount() + " failed" : "",
                    report.results().stream().anyMatch(r -> Boolean.FALSE.equals(r.calibrated()))
                            ? " (uncalibrated: its probabilities are the network's own, and only a blank page is \"not a digit\")" : "");
        }
        out.flush();
        err.flush();
        return report.failedCount() > 0 ? MnistApp.EXIT_FAILURE : 0;
    }

    private void print(DigitPrediction p, PrintWriter out, PrintWriter err) {
        if (json) {
            out.println(toJson(p));
        } else if (p.isFailure()) {
            err.println("error: " + p.file() + ": " + p.error());
            err.flush();
        } else {
            out.println(format(p));
        }
        out.flush();
    }

    /**
     * {@code FILE: 7 (0.9871); next 9 (0.0102), 1 (0.0011)}, {@code FILE: not a digit (best guess 7 (0.4210); next …)}
     * or {@code FILE: not a digit (no digit found: the image is blank …)}.
     */
    static String format(DigitPrediction p) {
        List<DigitPrediction.Candidate> t = p.top3();
        String line;
        if (t == null) {
            line = p.file() + ": not a digit (" + p.reason() + ")";
        } else {
            String ranking = String.format(Locale.ROOT, "%d (%.4f); next %d (%.4f), %d (%.4f)", t.get(0).digit(),
                    t.get(0).probability(), t.get(1).digit(), t.get(1).probability(), t.get(2).digit(), t.get(2).probability());
            line = p.file() + ": " + (p.isDigit() ? ranking : "not a digit (best guess " + ranking + ")");
        }
        return p.preprocessed() != null ? line + "; saved " + p.preprocessed() : line;
    }

    static String toJson(DigitPrediction p) {
        try {
            return Json.MAPPER.writeValueAsString(p);
        } catch (JsonProcessingException e) {
            throw new AppException("cannot write JSON: " + e.getMessage(), e);
        }
    }
}
