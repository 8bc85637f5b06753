package dev.dl4jmnist.persistence;

import dev.dl4jmnist.AppException;
import dev.dl4jmnist.io.AtomicFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.InputStream;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** Saves and loads networks with DL4J's ModelSerializer; saving is atomic (temporary file, then rename). */
public final class ModelStore {
    /** Where {@code train} saves by default, relative to the working directory. */
    public static final Path DEFAULT_MODEL = Path.of("models", "mnist-mlp.zip");

    private ModelStore() {
    }

    /** Saves {@code net} with its updater state (so training can continue from the file). */
    public static void save(MultiLayerNetwork net, Path target) {
        AtomicFiles.write(target, tmp -> ModelSerializer.writeModel(net, tmp.toFile(), true));
    }

    /** Loads a network saved by {@link #save}, or any ModelSerializer MultiLayerNetwork zip. */
    public static MultiLayerNetwork load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new AppException("model file " + file + " does not exist");
        }
        try {
            return ModelSerializer.restoreMultiLayerNetwork(file.toFile(), true);
        } catch (IOException | RuntimeException e) {
            throw new AppException("cannot load model " + file + ": not a DL4J MultiLayerNetwork zip ("
                    + (e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName()) + ")", e);
        }
    }

    /**
     * Loads any ModelSerializer zip: a {@link MultiLayerNetwork} (what {@code train} saves) or a
     * {@link ComputationGraph} (what {@code import-keras} makes of a Functional-API Keras model).
     */
    public static Model loadAny(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new AppException("model file " + file + " does not exist");
        }
        try {
            return isComputationGraph(file) ? ModelSerializer.restoreComputationGraph(file.toFile(), true)
                    : ModelSerializer.restoreMultiLayerNetwork(file.toFile(), true);
        } catch (IOException | RuntimeException e) {
            throw new AppException("cannot load model " + file + ": not a DL4J model zip ("
                    + (e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName()) + ")", e);
        }
    }

    /** A ComputationGraph's saved configuration lists "vertices"; a MultiLayerNetwork's does not. */
    private static boolean isComputationGraph(Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry entry = zip.getEntry("configuration.json");
            if (entry == null) {
                throw new IOException("no configuration.json inside");
            }
            try (InputStream in = zip.getInputStream(entry)) {
                JsonNode config = new ObjectMapper().readTree(in);
                return config.has("vertices");
            }
        }
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
        String name = model.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return model.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".json");
    }
}
