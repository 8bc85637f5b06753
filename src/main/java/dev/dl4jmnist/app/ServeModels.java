package dev.dl4jmnist.app;

import dev.dl4jmnist.AppException;
import dev.dl4jmnist.io.Sha256;
import dev.dl4jmnist.model.DigitAnswer;
import dev.dl4jmnist.model.DigitClassifier;
import dev.dl4jmnist.persistence.ModelRepository;
import dev.dl4jmnist.persistence.ModelStore;
import dev.dl4jmnist.persistence.RunSummary;
import dev.dl4jmnist.prediction.DigitPrediction;
import dev.dl4jmnist.prediction.DigitPredictor;
import dev.dl4jmnist.prediction.imaging.ImageFiles;
import dev.dl4jmnist.prediction.imaging.PreparedDigit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * {@code serve}: the models a server answers with, and everything it asks of them. Loads one model file (as
 * version 1 of one name) or a Triton-style model store ({@code DIR/NAME/VERSION/FILE}); labels pictures as
 * {@code predict} does and batches of 784-pixel images as the Java API does; loads a model's versions again
 * without a restart, refusing a broken version while the old ones keep serving; unloads a model. The loaded
 * versions are in {@link #registry()}. Safe to call from many threads.
 */
public final class ServeModels {
    private static final Logger LOG = LoggerFactory.getLogger(ServeModels.class);
    /** The name of the model that {@code --model FILE} serves. */
    public static final String DEFAULT_NAME = "mnist";

    private final ModelRegistry registry = new ModelRegistry();
    /** The model store, or null when serving one file. */
    private final ModelRepository repository;
    private final Path singleFile;
    /** The models that must be loaded before the server is ready. */
    private final Set<String> expected = new ConcurrentSkipListSet<>();
    private final Set<String> loading = ConcurrentHashMap.newKeySet();
    private final String defaultName;

    private ServeModels(ModelRepository repository, Path singleFile, List<String> names, String defaultName) {
        this.repository = repository;
        this.singleFile = singleFile;
        this.expected.addAll(names);
        this.defaultName = defaultName;
    }

    /** One model file (null: the latest trained model in {@code models/}), served as version 1 of {@code name}. */
    public static ServeModels file(Path file, String name) {
        if (!ModelRepository.isValidName(name)) {
            throw new AppException("'" + name + "' cannot name a model: use letters, digits, '_', '-' and '.'");
        }
        Path model = (file != null ? file : ModelStore.latest(ModelStore.MODELS_DIR)).toAbsolutePath().normalize();
        if (!Files.isRegularFile(model)) {
            throw new AppException("model file " + model + " does not exist");
        }
        return new ServeModels(null, model, List.of(name), name);
    }

    /**
     * Every model of a model store; requests that name no model go to {@code defaultName} (null: the first
     * name in order).
     */
    public static ServeModels store(Path dir, String defaultName) {
        ModelRepository repository = new ModelRepository(dir);
        List<String> names = repository.names();
        if (names.isEmpty()) {
            throw new AppException("model store " + repository.root() + " has no models: put each in NAME/VERSION/FILE");
        }
        if (defaultName != null && !names.contains(defaultName)) {
            throw new AppException("model store " + repository.root() + " has no model '" + defaultName + "'");
        }
        return new ServeModels(repository, null, names, defaultName != null ? defaultName : names.get(0));
    }

    /** A description of what is served, for the start line: the file, or the store's directory. */
    public String source() {
        return singleFile != null ? singleFile.toString() : repository.root().toString();
    }

    public ModelRegistry registry() {
        return registry;
    }

    /** The model that requests naming none get. */
    public String defaultModel() {
        return defaultName;
    }

    /**
     * Loads every configured model, each version answering one warm-up inference before it is served, and
     * initialises the picture decoders, so that no request is the first to load a class (where running out
     * of memory would leave it unusable for good).
     */
    public void loadAll() {
        ImageFiles.warmUp();
        for (String name : List.copyOf(expected)) {
            load(name);
        }
    }

    /** Whether every configured model is loaded and warmed up. */
    public boolean ready() {
        for (String name : expected) {
            if (registry.find(name).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /**
     * The named model's version (the latest when {@code version} is null).
     *
     * @throws ModelUnavailableException when there is no such model or version, or it is still loading
     */
    public ServedModel model(String name, Long version) {
        String wanted = name != null ? name : defaultName;
        ModelRegistry.Versions versions = registry.find(wanted).orElseThrow(() -> expected.contains(wanted)
                ? new ModelUnavailableException(ModelUnavailableException.Reason.LOADING, "model '" + wanted + "' is still loading")
                : new ModelUnavailableException(ModelUnavailableException.Reason.UNKNOWN, "no model '" + wanted + "' is loaded"));
        if (version == null) {
            return versions.latest();
        }
        ServedModel model = versions.byVersion().get(version);
        if (model == null) {
            throw new ModelUnavailableException(ModelUnavailableException.Reason.UNKNOWN, "model '" + wanted
                    + "' has no version " + version + " loaded (loaded: " + versions.versions() + ")");
        }
        return model;
    }

    /**
     * Labels each image (784 pixels in [0, 1], row by row) as its own batch: the probabilities are bit for bit
     * those of {@code predict} and of {@code DigitClassifier} for the same pixels.
     */
    public Inference infer(ServedModel model, float[][] images) {
        float[][] probabilities = new float[images.length][];
        int[] labels = new int[images.length];
        boolean[] notADigit = new boolean[images.length];
        for (int i = 0; i < images.length; i++) {
            if (images[i].length != DigitClassifier.INPUTS) {
                throw new AppException("image " + i + " has " + images[i].length + " pixels, not " + DigitClassifier.INPUTS);
            }
            DigitAnswer answer = model.answer(images[i]);
            probabilities[i] = answer.probabilities();
            labels[i] = answer.best();
            notADigit[i] = !answer.digit();
        }
        return new Inference(model, probabilities, labels, notADigit);
    }

    /**
     * Labels one picture (PNG, JPEG, BMP or GIF bytes) exactly as {@code predict} does, on the same path: a digit,
     * or "not a digit" (a blank page included).
     *
     * @param fileName         reported as the result's {@code file} (null: none)
     * @param withPreprocessed put the 28×28 picture the model saw into {@code preprocessed}, as base64 PNG
     * @param withAll          add all ten probabilities (as shown: calibrated when the model is)
     * @throws AppException (one sentence) when the bytes are not a readable picture
     */
    public PictureAnswer predictPicture(ServedModel model, byte[] image, String fileName,
                                        boolean withPreprocessed, boolean withAll) {
        DigitPredictor.Labelled labelled = model.pictures().label(fileName, image);
        DigitPrediction prediction = labelled.prediction();
        if (withPreprocessed && labelled.digit() != null) {
            prediction = prediction.withPreprocessed(base64Png(labelled.digit()));
        }
        List<Double> all = withAll && labelled.probabilities() != null ? asDecimals(labelled.probabilities()) : null;
        return new PictureAnswer(model, new ServedPrediction(prediction, all));
    }

    /**
     * Loads the model's versions again (a model store: rescans {@code DIR/NAME/}; one file: reads it again as
     * version 1) and serves them in one swap, the highest for requests that name no version. Versions already
     * loaded from an unchanged file are kept. Nothing changes when any version fails to load or to answer its
     * warm-up: the error names it, and the versions loaded before keep serving.
     *
     * @throws ModelUnavailableException (BUSY) while another load or unload of the same model runs
     */
    public ModelRegistry.Versions load(String name) {
        if (!loading.add(name)) {
            throw new ModelUnavailableException(ModelUnavailableException.Reason.BUSY,
                    "model '" + name + "' is already being loaded or unloaded: try again when that has finished");
        }
        try {
            List<ModelRepository.VersionFile> files = versionFiles(name);
            ModelRegistry.Versions before = registry.find(name).orElse(null);
            TreeMap<Long, ServedModel> loaded = new TreeMap<>();
            for (ModelRepository.VersionFile file : files) {
                loaded.put(file.version(), loadVersion(file, before));
            }
            ModelRegistry.Versions after = new ModelRegistry.Versions(name, loaded);
            registry.put(after);
            expected.add(name);
            LOG.info("model '{}' serves versions {} (latest {})", name, after.versions(), after.latest().version());
            return after;
        } finally {
            loading.remove(name);
        }
    }

    /**
     * Triton's repository index: each loaded version (READY) and each model of the store that is not loaded
     * (UNAVAILABLE), by name.
     */
    public List<ModelState> index() {
        List<ModelState> out = new ArrayList<>();
        for (ModelRegistry.Versions versions : registry.all()) {
            for (long version : versions.versions()) {
                out.add(new ModelState(versions.name(), Long.toString(version), "READY", ""));
            }
        }
        if (repository != null) {
            for (String name : repository.names()) {
                if (registry.find(name).isEmpty()) {
                    out.add(new ModelState(name, null, "UNAVAILABLE", loading.contains(name) ? "loading" : "unloaded"));
                }
            }
        }
        out.sort(java.util.Comparator.comparing(ModelState::name));
        return out;
    }

    /**
     * Stops serving a model: requests for it get "unknown model" from now on, and readiness no longer waits for it.
     *
     * @throws ModelUnavailableException when it is not loaded, or (BUSY) while it is being loaded
     */
    public void unload(String name) {
        if (!loading.add(name)) {
            throw new ModelUnavailableException(ModelUnavailableException.Reason.BUSY,
                    "model '" + name + "' is being loaded or unloaded: try again when that has finished");
        }
        try {
            if (registry.find(name).isEmpty()) {
                throw new ModelUnavailableException(ModelUnavailableException.Reason.UNKNOWN, "no model '" + name + "' is loaded");
            }
            expected.remove(name);
            registry.remove(name);
            LOG.info("model '{}' unloaded", name);
        } finally {
            loading.remove(name);
        }
    }

    private List<ModelRepository.VersionFile> versionFiles(String name) {
        if (repository == null) {
            if (!name.equals(defaultName)) {
                throw new ModelUnavailableException(ModelUnavailableException.Reason.UNKNOWN,
                        "no model '" + name + "': this server serves one model file, as '" + defaultName + "'");
            }
            return List.of(new ModelRepository.VersionFile(name, 1, singleFile));
        }
        if (!repository.contains(name)) {
            throw new ModelUnavailableException(ModelUnavailableException.Reason.UNKNOWN,
                    "the model store has no model '" + name + "'");
        }
        List<ModelRepository.VersionFile> files = repository.versions(name);
        if (files.isEmpty()) {
            throw new AppException("model '" + name + "' has no versions in the model store"
                    + " (a version is a directory named 1, 2, … holding one model file)");
        }
        return files;
    }

    /** The version from {@code before} when its file is unchanged, else the file loaded, checked and warmed up. */
    private static ServedModel loadVersion(ModelRepository.VersionFile file, ModelRegistry.Versions before) {
        Path path = file.file().toAbsolutePath().normalize();
        String sha256 = Sha256.of(path);
        ServedModel old = before != null ? before.byVersion().get(file.version()) : null;
        if (old != null && old.info().file().equals(path.getFileName().toString()) && old.info().sha256().equals(sha256)) {
            return old;
        }
        long start = System.nanoTime();
        DigitClassifier classifier;
        try {
            classifier = ModelStore.loadClassifier(path);
            classifier.probabilities(new float[1][DigitClassifier.INPUTS]);          // the warm-up inference
        } catch (AppException e) {
            throw new AppException("version " + file.version() + " of model '" + file.name() + "' is refused"
                    + (before != null ? " (versions " + before.versions() + " keep serving)" : "") + ": " + e.getMessage(), e);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        ModelInfo info = new ModelInfo(file.name(), file.version(), ModelStore.isKerasFile(path) ? "keras_hdf5" : "deeplearning4j_zip",
                classifier.isConvolutional() ? "cnn" : "mlp", path.getFileName().toString(), sha256, classifier.network().numParams(),
                testAccuracy(path), seconds);
        return new ServedModel(info, classifier);
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
