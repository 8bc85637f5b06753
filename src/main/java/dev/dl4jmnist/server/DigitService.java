package dev.dl4jmnist.server;

import dev.dl4jmnist.AppException;
import dev.dl4jmnist.io.Sha256;
import dev.dl4jmnist.model.DigitClassifier;
import dev.dl4jmnist.persistence.ModelStore;
import dev.dl4jmnist.persistence.RunSummary;
import dev.dl4jmnist.prediction.DigitPrediction;
import dev.dl4jmnist.prediction.DigitPredictor;
import dev.dl4jmnist.prediction.imaging.DigitPipeline;
import dev.dl4jmnist.prediction.imaging.ImageFiles;
import dev.dl4jmnist.prediction.imaging.PreparedDigit;

import javax.imageio.ImageIO;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The server's one door into the application: loads a model, describes it, and labels one picture
 * given as bytes exactly as {@code predict} does. Safe to call from many threads at once: decoding and
 * preprocessing run in parallel, and {@link DigitClassifier} runs the model calls one at a time, each
 * picture as its own batch (so an answer never depends on what else is being labelled).
 */
public final class DigitService {
    private final Path modelFile;
    private final DigitClassifier classifier;
    private final ModelInfo info;

    private DigitService(Path modelFile, DigitClassifier classifier, ModelInfo info) {
        this.modelFile = modelFile;
        this.classifier = classifier;
        this.info = info;
    }

    /** Loads {@code modelFile}, or the latest trained model in {@code models/} when it is null. */
    public static DigitService load(Path modelFile) {
        Path file = (modelFile != null ? modelFile : ModelStore.latest(ModelStore.MODELS_DIR)).toAbsolutePath().normalize();
        DigitClassifier classifier = ModelStore.loadClassifier(file);
        return new DigitService(file, classifier, new ModelInfo(file.toString(), Sha256.of(file),
                classifier.network().numParams(), testAccuracy(file)));
    }

    public Path modelFile() {
        return modelFile;
    }

    public ModelInfo info() {
        return info;
    }

    /**
     * Labels one picture (PNG, JPEG, BMP or GIF bytes).
     *
     * @param name             reported as the result's {@code file} (null: none)
     * @param withPreprocessed put the 28×28 picture the model saw into {@code preprocessed}, as base64 PNG
     * @param withAll          add all ten probabilities
     * @throws AppException (one sentence) when the bytes are not a readable picture or hold no digit
     */
    public ServedPrediction predict(byte[] image, String name, boolean withPreprocessed, boolean withAll) {
        PreparedDigit digit = DigitPipeline.prepare(image, ImageFiles.DEFAULT_MAX_PIXELS);
        float[] probabilities = classifier.probabilities(new float[][]{digit.modelInput()})[0];
        DigitPrediction prediction = DigitPrediction.labelled(name, DigitPredictor.top3(probabilities),
                withPreprocessed ? base64Png(digit) : null);
        return new ServedPrediction(prediction, withAll ? asDecimals(probabilities) : null);
    }

    /** Each float as its shortest decimal, as {@code top3} reports them. */
    private static List<Double> asDecimals(float[] probabilities) {
        List<Double> out = new ArrayList<>(probabilities.length);
        for (float p : probabilities) {
            out.add(Double.parseDouble(Float.toString(p)));
        }
        return out;
    }

    private static String base64Png(PreparedDigit digit) {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(png)) {   // no cache file, unlike ImageIO.write(stream)
            ImageIO.write(digit.toImage(), "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getEncoder().encodeToString(png.toByteArray());
    }

    /** The test accuracy from the run summary beside the model, or null when there is none. */
    private static Double testAccuracy(Path model) {
        Path summary = ModelStore.summaryPathFor(model);
        if (!Files.isRegularFile(summary)) {
            return null;
        }
        try {
            RunSummary run = RunSummary.read(summary);
            return run.test() != null ? run.test().accuracy() : null;
        } catch (AppException e) {
            return null;
        }
    }
}
