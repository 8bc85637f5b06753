package dev.dl4jmnist.kerasimport;

import dev.dl4jmnist.AppException;
import dev.dl4jmnist.evaluation.Evaluator;
import dev.dl4jmnist.io.AtomicFiles;
import dev.dl4jmnist.io.Sha256;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.io.IOException;
import java.nio.file.Path;

/** {@code import-keras}: a Keras {@code .h5} converted to a DL4J ModelSerializer zip that every other command can load. */
public final class KerasConversion {
    private KerasConversion() {
    }

    /**
     * @param imported          the import, as {@link KerasImporter} reports it
     * @param reloadMaxAbsDiff  largest output difference between the saved-and-reloaded network and the imported one
     *                          (on 100 fixed random inputs; 0 means the file holds exactly the imported network)
     */
    public record Result(ImportedKerasModel imported, Path output, String sha256, double reloadMaxAbsDiff) {
    }

    /** Imports {@code h5} and saves it (with its updater when training can continue) at {@code output}, atomically. */
    public static Result convert(Path h5, Path output) {
        AtomicFiles.checkWritable(output);
        ImportedKerasModel imported = KerasImporter.importModel(h5);
        Model model = imported.model();
        AtomicFiles.write(output, tmp -> ModelSerializer.writeModel(model, tmp.toFile(), imported.trainable()));
        Model reloaded = restore(output, model instanceof MultiLayerNetwork);
        INDArray probe = Nd4j.rand(DataType.FLOAT, 100, 784);   // Nd4j's default seed makes this repeatable
        INDArray a = Evaluator.predict(model, probe);
        INDArray b = Evaluator.predict(reloaded, probe);
        double diff = Transforms.abs(a.sub(b), false).maxNumber().doubleValue();
        return new Result(imported, output, Sha256.of(output), diff);
    }

    private static Model restore(Path file, boolean multiLayer) {
        try {
            return multiLayer ? ModelSerializer.restoreMultiLayerNetwork(file.toFile(), true)
                    : ModelSerializer.restoreComputationGraph(file.toFile(), true);
        } catch (IOException e) {
            throw new AppException("cannot reload " + file + ": " + e.getMessage(), e);
        }
    }
}
