package dev.dl4jmnist.persistence;

import dev.dl4jmnist.fastlayers.FormerLayerNames;
import dev.dl4jmnist.platform.NativePlatform;
import dev.dl4jmnist.AppException;
import dev.dl4jmnist.io.AtomicFiles;
import dev.dl4jmnist.io.FileNames;
import dev.dl4jmnist.kerasimport.ImportedKerasModel;
import dev.dl4jmnist.kerasimport.KerasImporter;
import dev.dl4jmnist.model.Calibration;
import dev.dl4jmnist.model.DigitClassifier;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.InputStream;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The one place that reads and writes model files. It accepts a DL4J ModelSerializer zip (a
 * {@link MultiLayerNetwork} as {@code train} saves, or a {@link ComputationGraph} as {@code import-keras}
 * makes of a Functional-API model) and a Keras {@code .h5}/{@code .hdf5} (through {@link KerasImporter}),
 * and checks every model it returns: 784 inputs to 10 outputs, and finite parameters. Saving is atomic
 * (temporary file, then rename).
 */
public final class ModelStore {
    /** The zip entry that holds a model's calibration, as JSON. */
    public static final String CALIBRATION_ENTRY = "dl4j-mnist-calibration.json";
    /** The time every entry of a saved zip carries: the earliest a zip can hold. */
    private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES);

    /** Where {@code train} saves by default, relative to the working directory. */
    public static final Path DEFAULT_MODEL = Path.of("models", "mnist-mlp.zip");
    /** Where {@code train} saves models by default. */
    public static final Path MODELS_DIR = DEFAULT_MODEL.getParent();

    static {
        NativePlatform.configure();                    // ND4J's native build and threads, before its first use
    }

    private ModelStore() {
    }

    /** Saves {@code net} with its updater state (so training can continue from the file). */
    public static void save(MultiLayerNetwork net, Path target) {
        save(net, target, true);
    }

    /** Saves a network or graph, with its updater state when {@code withUpdater}. */
    public static void save(Model model, Path target, boolean withUpdater) {
        save(model, target, withUpdater, null);
    }

    /**
     * Saves a network or graph, with its updater state when {@code withUpdater}, and its calibration (null: none)
     * as one more entry of the zip ({@link #CALIBRATION_ENTRY}), which DL4J's own reader ignores.
     */
    public static void save(Model model, Path target, boolean withUpdater, Calibration calibration) {
        AtomicFiles.write(target, tmp -> {
            ByteArrayOutputStream written = new ByteArrayOutputStream();
            ModelSerializer.writeModel(model, written, withUpdater);
            // DL4J stamps each entry with the time of writing: rewritten with a fixed time, the same network (and
            // calibration) always gives the same bytes, so the same run gives the same SHA-256
            try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(written.toByteArray()));
                 ZipOutputStream out = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp)))) {
                for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                    putEntry(out, entry.getName(), in.readAllBytes());
                }
                if (calibration != null) {
                    putEntry(out, CALIBRATION_ENTRY, JSON.writeValueAsBytes(calibration));
                }
            }
        });
    }

    /** One zip entry stamped with {@link #ENTRY_TIME} (a local date-time: the bytes do not depend on the time zone). */
    private static void putEntry(ZipOutputStream out, String name, byte[] content) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTimeLocal(ENTRY_TIME);
        out.putNextEntry(entry);
        out.write(content);
        out.closeEntry();
    }

    /**
     * The calibration saved in a DL4J model zip; empty for a zip saved without one (every zip written before
     * calibration existed) and for a Keras file.
     */
    public static Optional<Calibration> calibrationOf(Path file) {
        if (isKerasFile(file)) {
            return Optional.empty();
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry entry = zip.getEntry(CALIBRATION_ENTRY);
            if (entry == null) {
                return Optional.empty();
            }
            try (InputStream in = zip.getInputStream(entry)) {
                return Optional.of(JSON.readValue(in, Calibration.class));
            }
        } catch (com.fasterxml.jackson.core.JacksonException | IllegalArgumentException e) {
            throw new AppException("cannot load model " + file + ": its calibration (" + CALIBRATION_ENTRY + ") is damaged", e);
        } catch (IOException e) {
            throw new AppException("cannot load model " + file + ": " + AtomicFiles.describe(e), e);
        }
    }

    /**
     * Loads {@code file} (see the class comment) as a classifier ready for inference, without the
     * optimizer's state a DL4J zip also holds (twice the parameters' size, needed only to train on).
     */
    public static DigitClassifier loadClassifier(Path file) {
        Model model = load(file, false);
        return DigitClassifier.of(model, calibrationOf(file).orElse(null));
    }

    /**
     * Loads {@code file} by its ending: {@code .h5}/{@code .hdf5} through the Keras importer (Keras 2 and 3),
     * anything else as a DL4J zip (a network or a graph) with its optimizer's state; then checks it (see
     * {@link ModelCheck}).
     */
    public static Model load(Path file) {
        return load(file, true);
    }

    private static Model load(Path file, boolean withUpdater) {
        if (!Files.isRegularFile(file)) {
            throw new AppException("model file " + file + " does not exist");
        }
        if (isKerasFile(file)) {
            return importKeras(file).model();
        }
        boolean graph = isComputationGraph(file);
        FormerLayerNames.register();
        Model model;
        try {
            model = graph ? ModelSerializer.restoreComputationGraph(file.toFile(), withUpdater)
                    : ModelSerializer.restoreMultiLayerNetwork(file.toFile(), withUpdater);
        } catch (IOException | RuntimeException e) {
            // DL4J's own messages are not for users ("Model wasnt found within file", ...): say what it means
            throw new AppException("cannot load model " + file + ": DL4J cannot read the " + (graph ? "graph" : "network")
                    + " inside (damaged, or written by an incompatible DL4J version)", e);
        }
        ModelCheck.requireDigitClassifier(model, file);
        return model;
    }

    /** Imports a Keras file with the details of its import, and checks the model like {@link #load}. */
    public static ImportedKerasModel importKeras(Path file) {
        ImportedKerasModel imported = KerasImporter.importModel(file);
        ModelCheck.requireDigitClassifier(imported.model(), file);
        return imported;
    }

    /** Whether the file name ends in {@code .h5} or {@code .hdf5} (any case). */
    public static boolean isKerasFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".h5") || name.endsWith(".hdf5");
    }

    /** The latest trained model in {@code dir} (see {@link #latestTrained}); an error when there is none. */
    public static Path latest(Path dir) {
        return latestTrained(dir).orElseThrow(() -> new AppException(
                "no trained model in " + dir + " (run 'train' first, or pass --model)"));
    }

    /**
     * Checks that {@code file} is a ModelSerializer zip (a configuration and parameters inside) and tells
     * a graph from a network: a ComputationGraph's configuration lists "vertices"; a MultiLayerNetwork's does not.
     */
    private static boolean isComputationGraph(Path file) {
        String problem;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry config = zip.getEntry("configuration.json");
            if (config == null) {
                problem = "it has no configuration.json";
            } else if (zip.getEntry("coefficients.bin") == null) {
                problem = "it has a configuration but no parameters (coefficients.bin)";
            } else {
                try (InputStream in = zip.getInputStream(config)) {
                    // DL4J's own JSON reader, which loading the model needs next anyway (a second JSON library's
                    // first use costs a cold process about 0.2 s)
                    return NeuralNetConfiguration.mapper().readTree(in).has("vertices");
                } catch (org.nd4j.shade.jackson.core.JsonProcessingException e) {
                    problem = "its configuration.json is not valid JSON";
                }
            }
        } catch (java.util.zip.ZipException e) {
            problem = "it is not a zip file";
        } catch (IOException e) {
            problem = "it cannot be read (" + AtomicFiles.describe(e) + ")";
        }
        throw new AppException("cannot load model " + file + ": not a DL4J model zip (" + problem + ")");
    }

    /**
     * The latest trained model in {@code dir}: the most recently written {@code .zip} that has its run
     * summary ({@code .json}) beside it, as every {@code train} run leaves (a zip made by
     * {@code import-keras} has none). Empty when there is none.
     */
    public static Optional<Path> latestTrained(Path dir) {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip"))
                    .filter(f -> Files.isRegularFile(f) && Files.isRegularFile(summaryPathFor(f)))
                    .max(Comparator.comparing(ModelStore::modified).thenComparing(Comparator.naturalOrder()));
        } catch (IOException e) {
            throw new AppException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    private static long modified(Path f) {
        try {
            return Files.getLastModifiedTime(f).toMillis();
        } catch (IOException e) {
            return Long.MIN_VALUE;
        }
    }

    /** The summary file that belongs to a model file: same name, {@code .json}. */
    public static Path summaryPathFor(Path model) {
        return model.resolveSibling(FileNames.stem(model) + ".json");
    }
}
