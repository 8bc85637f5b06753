package dev.dl4jmnist.prediction;

import dev.dl4jmnist.prediction.imaging.PreparedDigit;
import dev.dl4jmnist.AppException;
import dev.dl4jmnist.evaluation.Evaluator;
import dev.dl4jmnist.kerasimport.KerasImporter;
import dev.dl4jmnist.persistence.ModelStore;
import org.deeplearning4j.nn.api.Model;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Loads a model to label pictures with: a DL4J ModelSerializer zip (as {@code train} saves) or a Keras
 * {@code .h5}, and checks it maps 784 pixels to 10 digit probabilities.
 */
public final class ModelLoader {
    /** Where {@code train} saves models by default. */
    public static final Path MODELS_DIR = ModelStore.DEFAULT_MODEL.getParent();

    private ModelLoader() {
    }

    /**
     * Loads {@code file} by its ending: {@code .h5}/{@code .hdf5} through the Keras importer (Keras 2 and 3),
     * anything else as a DL4J zip (a network or a graph).
     */
    public static Model load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new AppException("model file " + file + " does not exist");
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        Model model = name.endsWith(".h5") || name.endsWith(".hdf5") ? KerasImporter.importModel(file).model() : ModelStore.loadAny(file);
        requireDigitClassifier(model, file);
        return model;
    }

    /** The latest trained model in {@code dir} (see {@link ModelStore#latestTrained}); an error when there is none. */
    public static Path latest(Path dir) {
        return ModelStore.latestTrained(dir).orElseThrow(() -> new AppException(
                "no trained model in " + dir + " (run 'train' first, or pass --model)"));
    }

    /** Fails unless the model takes one flattened 28×28 image and returns 10 probabilities. */
    private static void requireDigitClassifier(Model model, Path file) {
        INDArray out;
        try {
            out = Evaluator.predict(model, Nd4j.zeros(1, PreparedDigit.SIDE * PreparedDigit.SIDE));
        } catch (RuntimeException e) {
            throw new AppException("model " + file + " does not take a flattened 28×28 image (784 inputs): "
                    + e.getMessage(), e);
        }
        if (out.rank() != 2 || out.size(1) != 10) {
            throw new AppException("model " + file + " does not output 10 digit probabilities (output shape "
                    + java.util.Arrays.toString(out.shape()) + ")");
        }
    }
}
