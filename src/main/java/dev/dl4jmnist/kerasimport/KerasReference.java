package dev.dl4jmnist.kerasimport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dl4jmnist.AppException;
import dev.dl4jmnist.data.MnistData;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.OptionalDouble;

/**
 * What Keras itself recorded next to a {@code .h5} file, when present: its predicted probabilities on
 * the 10,000 MNIST test images ({@code test_probs.npy}: a NumPy float32 array of shape
 * 10000×10) and its {@code evaluate} loss and accuracy ({@code run_info.json}).
 *
 * @param probabilities Keras's {@code model.predict(X_test)}, or null when not saved beside the file
 * @param reportedLoss     Keras's test loss, when known
 * @param reportedAccuracy Keras's test accuracy, when known
 */
public record KerasReference(INDArray probabilities, OptionalDouble reportedLoss, OptionalDouble reportedAccuracy) {
    public static final String PROBABILITIES_FILE = "test_probs.npy";
    public static final String RUN_INFO_FILE = "run_info.json";

    /** The reference files beside {@code h5} (none is an error: each part is simply absent). */
    public static KerasReference besides(Path h5) {
        Path dir = h5.toAbsolutePath().getParent();
        INDArray probs = readProbabilities(dir.resolve(PROBABILITIES_FILE));
        OptionalDouble loss = OptionalDouble.empty();
        OptionalDouble accuracy = OptionalDouble.empty();
        Path info = dir.resolve(RUN_INFO_FILE);
        if (Files.isRegularFile(info)) {
            try {
                JsonNode evaluate = new ObjectMapper().readTree(info.toFile()).path("evaluate");
                if (evaluate.isArray() && evaluate.size() == 2) {
                    loss = OptionalDouble.of(evaluate.get(0).asDouble());
                    accuracy = OptionalDouble.of(evaluate.get(1).asDouble());
                }
            } catch (IOException e) {
                throw new AppException("cannot read " + info + ": " + e.getMessage(), e);
            }
        }
        return new KerasReference(probs, loss, accuracy);
    }

    public boolean hasProbabilities() {
        return probabilities != null;
    }

    private static INDArray readProbabilities(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        INDArray probabilities;
        try {
            probabilities = Nd4j.createFromNpyFile(file.toFile());
        } catch (RuntimeException e) {
            throw new AppException("cannot read " + file + " as a NumPy array: "
                    + (e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName()), e);
        }
        long[] expected = {MnistData.TEST_SIZE, MnistData.CLASSES};
        if (!Arrays.equals(probabilities.shape(), expected)) {
            throw new AppException(file + " has shape " + Arrays.toString(probabilities.shape()) + "; expected "
                    + Arrays.toString(expected) + " (the 10000 test images × 10 probabilities)");
        }
        return probabilities;
    }
}
