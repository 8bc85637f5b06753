package dev.dl4jmnist.persistence;

import dev.dl4jmnist.AppException;
import dev.dl4jmnist.io.AtomicFiles;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

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

    /** The summary file that belongs to a model file: same name, {@code .json}. */
    public static Path summaryPathFor(Path model) {
        String name = model.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return model.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".json");
    }
}
