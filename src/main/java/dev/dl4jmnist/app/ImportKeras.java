package dev.dl4jmnist.app;

import dev.dl4jmnist.io.AtomicFiles;
import dev.dl4jmnist.io.Sha256;
import dev.dl4jmnist.kerasimport.ImportedKerasModel;
import dev.dl4jmnist.model.DigitClassifier;
import dev.dl4jmnist.persistence.ModelStore;
import org.deeplearning4j.nn.api.Model;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.nio.file.Path;

/** {@code import-keras}: a Keras {@code .h5} converted to a DL4J ModelSerializer zip that every other command can load. */
public final class ImportKeras {
    /** Random inputs the saved-and-reloaded network is compared on. */
    private static final int PROBES = 100;

    private ImportKeras() {
    }

    /** Convert {@code kerasFile} into a DL4J zip at {@code output}. */
    public record Request(Path kerasFile, Path output) {
    }

    /**
     * @param imported          the import, as the Keras importer reports it
     * @param reloadMaxAbsDiff  largest output difference between the saved-and-reloaded network and the imported one
     *                          (on 100 fixed random inputs; 0 means the file holds exactly the imported network)
     */
    public record Result(ImportedKerasModel imported, Path output, String sha256, double reloadMaxAbsDiff) {
    }

    /** Imports the Keras file and saves it (with its updater when training can continue) at the output, atomically. */
    public static Result run(Request request) {
        Path output = request.output();
        AtomicFiles.checkWritable(output);
        ImportedKerasModel imported = ModelStore.importKeras(request.kerasFile());
        Model model = imported.model();
        ModelStore.save(model, output, imported.trainable());
        DigitClassifier reloaded = ModelStore.loadClassifier(output);
        INDArray probe = Nd4j.rand(DataType.FLOAT, PROBES, DigitClassifier.INPUTS);   // Nd4j's default seed makes this repeatable
        INDArray a = DigitClassifier.of(model).probabilities(probe);
        INDArray b = reloaded.probabilities(probe);
        double diff = Transforms.abs(a.sub(b), false).maxNumber().doubleValue();
        return new Result(imported, output, Sha256.of(output), diff);
    }
}
