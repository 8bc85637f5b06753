package dev.dl4jmnist.server;

import dev.dl4jmnist.AppException;
import dev.dl4jmnist.evaluation.Evaluator;
import dev.dl4jmnist.io.Sha256;
import dev.dl4jmnist.persistence.ModelStore;
import dev.dl4jmnist.persistence.RunSummary;
import dev.dl4jmnist.prediction.DigitPipeline;
import dev.dl4jmnist.prediction.DigitPrediction;
import dev.dl4jmnist.prediction.DigitPredictor;
import dev.dl4jmnist.prediction.ImageFiles;
import dev.dl4jmnist.prediction.ModelLoader;
import dev.dl4jmnist.prediction.PreparedDigit;
import org.deeplearning4j.nn.api.Model;
import org.nd4j.linalg.factory.Nd4j;

import javax.imageio.ImageIO;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The server's one door into the application: loads a model, describes it, and labels one picture
 * given as bytes exactly as {@code predict} does. Safe to call from many threads at once: decoding and
 * preprocessing run in parallel, model calls one at a time (a DL4J network is not thread-safe).
 */
public final class DigitService {
    private final Path modelFile;
    private final Model model;
    private final ModelInfo info;
    private final ReentrantLock modelLock = new ReentrantLock();

    private DigitService(Path modelFile, Model model, ModelInfo info) {
        this.modelFile = modelFile;
        this.model = model;
        this.info = info;
    }

    /** Loads {@code modelFile}, or the latest trained model in {@code models/} when it is null. */
    public static DigitService load(Path modelFile) {
        Path file = (modelFile != null ? modelFile : ModelLoader.latest(ModelLoader.MODELS_DIR)).toAbsolutePath().normalize();
        Model model = ModelLoader.load(file);
        return new DigitService(file, model, new ModelInfo(file.toString(), Sha256.of(file), model.numParams(), testAccuracy(file)));
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
        PreparedDigit digit = DigitPipeline.prepare(decode(image));
        float[] probabilities = probabilities(digit.modelInput());
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

    private float[] probabilities(float[] input) {
        modelLock.lock();
        try {
            return Evaluator.predict(model, Nd4j.create(new float[][]{input})).toFloatMatrix()[0];
        } finally {
            modelLock.unlock();
        }
    }

    /** Decodes through {@link ImageFiles#read}, the same reader (limits, messages, EXIF) as {@code predict}. */
    private static java.awt.image.BufferedImage decode(byte[] image) {
        Path tmp = null;
        try {
            tmp = Files.createTempFile("dl4j-mnist-upload-", ".img");
            Files.write(tmp, image);
            return ImageFiles.read(tmp, ImageFiles.DEFAULT_MAX_PIXELS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // a leftover temporary file is harmless
                }
            }
        }
    }

    private static String base64Png(PreparedDigit digit) {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(digit.toImage(), "png", png);
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
