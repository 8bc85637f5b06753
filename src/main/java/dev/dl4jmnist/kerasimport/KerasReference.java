package dev.dl4jmnist.kerasimport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dl4jmnist.AppException;
import dev.dl4jmnist.data.MnistData;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;

/**
 * What Keras itself recorded next to a {@code .h5} file, when present: its predicted probabilities on
 * the 10,000 MNIST test images ({@code test_probs.f32le}: raw little-endian float32, row-major, shape
 * 10000×10) and its {@code evaluate} loss and accuracy ({@code run_info.json}).
 *
 * @param probabilities Keras's {@code model.predict(X_test)}, or null when not saved beside the file
 * @param reportedLoss     Keras's test loss, when known
 * @param reportedAccuracy Keras's test accuracy, when known
 */
public record KerasReference(INDArray probabilities, OptionalDouble reportedLoss, OptionalDouble reportedAccuracy) {
    public static final String PROBABILITIES_FILE = "test_probs.f32le";
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
        try {
            byte[] bytes = Files.readAllBytes(file);
            int n = MnistData.TEST_SIZE * MnistData.CLASSES;
            if (bytes.length != n * Float.BYTES) {
                throw new AppException(file + " has " + bytes.length + " bytes; expected " + n * Float.BYTES
                        + " (10000×10 float32)");
            }
            float[] values = new float[n];
            ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
            return Nd4j.create(values, new long[]{MnistData.TEST_SIZE, MnistData.CLASSES}, 'c');
        } catch (IOException e) {
            throw new AppException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
