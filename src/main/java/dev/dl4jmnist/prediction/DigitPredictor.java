package dev.dl4jmnist.prediction;

import dev.dl4jmnist.prediction.imaging.BlankImageException;
import dev.dl4jmnist.prediction.imaging.DigitPipeline;
import dev.dl4jmnist.prediction.imaging.ImageFiles;
import dev.dl4jmnist.prediction.imaging.PreparedDigit;
import dev.dl4jmnist.AppException;
import dev.dl4jmnist.io.AtomicFiles;
import dev.dl4jmnist.io.FileNames;
import dev.dl4jmnist.model.DigitAnswer;
import dev.dl4jmnist.model.DigitClassifier;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Labels users' pictures: expands directories, prepares each picture with {@link DigitPipeline}, runs
 * the model on them in batches and reports each result as soon as its batch is done. A picture that is
 * not a digit (blank, or unlike any digit the model knows) gets a "not a digit" answer; one that cannot be
 * read gets an error result; the others are still labelled.
 */
public final class DigitPredictor {
    /** Pictures per model call. */
    static final int BATCH = 64;

    private final DigitClassifier classifier;
    private final Options options;
    private final Set<String> savedNames = new HashSet<>();

    /**
     * @param maxPixels        pictures with more pixels are refused before decoding
     * @param savePreprocessed directory to save each 28×28 input into, or null
     */
    public record Options(long maxPixels, Path savePreprocessed) {
        public static Options defaults() {
            return new Options(ImageFiles.DEFAULT_MAX_PIXELS, null);
        }
    }

    public DigitPredictor(DigitClassifier classifier, Options options) {
        this.classifier = classifier;
        this.options = options;
        if (options.maxPixels() < 1) {
            throw new AppException("the pixel limit must be positive, got " + options.maxPixels());
        }
        if (options.savePreprocessed() != null) {
            Path dir = options.savePreprocessed();
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new AppException("cannot write preprocessed images to " + dir + ": " + AtomicFiles.describe(e), e);
            }
        }
    }

    /** One picture's answer, with the 28×28 image the model saw (null for a blank page) and the ten probabilities shown. */
    public record Labelled(DigitPrediction prediction, PreparedDigit digit, float[] probabilities) {
    }

    /**
     * The one path from a picture to its answer, which {@code predict}, {@code evaluate --images}, the page and
     * {@code POST /api/predict} all take: prepare the picture ({@link DigitPipeline}), ask the model
     * ({@link DigitClassifier#answers}), and answer a digit or "not a digit" (a blank page is not a digit too).
     *
     * @param name reported as the answer's {@code file} (null: none)
     * @throws AppException when the bytes cannot be read as a picture (corrupt, truncated, too large, not an image)
     */
    public Labelled label(String name, byte[] picture) {
        PreparedDigit digit;
        try {
            digit = DigitPipeline.prepare(picture, options.maxPixels());
        } catch (BlankImageException e) {
            return new Labelled(DigitPrediction.blank(name, e.getMessage()), null, null);
        }
        DigitAnswer answer = classifier.answers(new float[][]{digit.modelInput()})[0];
        return new Labelled(DigitPrediction.of(name, answer, save(name, digit)), digit, answer.probabilities());
    }

    /** {@link #label}'s answer alone; a picture that cannot be read gets an error answer instead of an exception. */
    public DigitPrediction predict(String name, byte[] picture) {
        try {
            return label(name, picture).prediction();
        } catch (AppException e) {
            return DigitPrediction.failed(name, e.getMessage());
        }
    }

    /** Labels files and the pictures in directories (by name order; only PNG, JPEG, BMP and GIF names). */
    public List<DigitPrediction> predict(List<Path> inputs, Consumer<DigitPrediction> each) {
        List<Path> files = expand(inputs);
        List<DigitPrediction> all = new ArrayList<>(files.size());
        for (int from = 0; from < files.size(); from += BATCH) {
            for (DigitPrediction p : predictBatch(files.subList(from, Math.min(files.size(), from + BATCH)))) {
                all.add(p);
                each.accept(p);
            }
        }
        return all;
    }

    /** Files as given; each directory replaced by its picture files (an empty one stays, to be reported). */
    static List<Path> expand(List<Path> inputs) {
        List<Path> out = new ArrayList<>();
        for (Path input : inputs) {
            if (!Files.isDirectory(input)) {
                out.add(input);
                continue;
            }
            try (Stream<Path> listing = Files.list(input)) {
                List<Path> pictures = listing.filter(f -> Files.isRegularFile(f) && ImageFiles.hasImageExtension(f))
                        .sorted(Comparator.comparing(Path::toString)).toList();
                if (pictures.isEmpty()) {
                    out.add(input);
                } else {
                    out.addAll(pictures);
                }
            } catch (IOException e) {
                out.add(input);
            }
        }
        return out;
    }

    private List<DigitPrediction> predictBatch(List<Path> files) {
        DigitPrediction[] results = new DigitPrediction[files.size()];
        List<Integer> ready = new ArrayList<>();
        List<float[]> inputs = new ArrayList<>();
        List<String> saved = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            try {
                if (Files.isDirectory(file)) {
                    throw new AppException("no PNG, JPEG, BMP or GIF files in this directory");
                }
                PreparedDigit digit = DigitPipeline.prepare(ImageFiles.bytesOf(file), options.maxPixels());
                saved.add(save(file.getFileName().toString(), digit));
                inputs.add(digit.modelInput());
                ready.add(i);
            } catch (BlankImageException e) {
                results[i] = DigitPrediction.blank(file.toString(), e.getMessage());
            } catch (AppException e) {
                results[i] = DigitPrediction.failed(file.toString(), e.getMessage());
            }
        }
        if (!inputs.isEmpty()) {
            // one model call for the batch; each answer as label() gives it
            DigitAnswer[] answers = classifier.answers(inputs.toArray(new float[0][]));
            for (int k = 0; k < ready.size(); k++) {
                int i = ready.get(k);
                results[i] = DigitPrediction.of(files.get(i).toString(), answers[k], saved.get(k));
            }
        }
        return List.of(results);
    }

    /** Saves the 28×28 input as PNG when asked; returns its path or null. */
    private synchronized String save(String name, PreparedDigit digit) {
        Path dir = options.savePreprocessed();
        if (dir == null) {
            return null;
        }
        String stem = FileNames.stem(name);
        String candidate = stem + "-28x28.png";
        for (int n = 2; !savedNames.add(candidate); n++) {
            candidate = stem + "-" + n + "-28x28.png";
        }
        Path target = dir.resolve(candidate);
        AtomicFiles.write(target, tmp -> {
            if (!ImageIO.write(digit.toImage(), "png", tmp.toFile())) {
                throw new IOException("no PNG writer");
            }
        });
        return target.toString();
    }
}
