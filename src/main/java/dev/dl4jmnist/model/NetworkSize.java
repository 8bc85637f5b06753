package dev.dl4jmnist.model;

import dev.dl4jmnist.AppException;
import dev.dl4jmnist.data.MnistData;
import org.bytedeco.javacpp.Pointer;

import java.util.List;
import java.util.Locale;

/**
 * How big a network of a given configuration is, and whether this machine can train it: counted (as
 * a long, so no layer size can overflow it) before anything is allocated, so that a network too large
 * for the machine is refused in one line instead of exhausting its memory.
 */
public final class NetworkSize {
    /** Float32 values held per parameter while training with Adam: weights, gradients, two moment estimates, one spare view. */
    static final int FLOATS_PER_PARAMETER = 5;
    /** Float32 values held per hidden unit per image of a batch: activations, dropout masks, their gradients. */
    static final int FLOATS_PER_ACTIVATION = 6;

    private NetworkSize() {
    }

    /** The parameter count of the MLP 784 → hidden… → 10 (weights and biases). */
    public static long parameters(List<Integer> hidden) {
        long total = 0;
        long in = MnistData.PIXELS;
        for (int width : hidden) {
            total = Math.addExact(total, Math.multiplyExact(in + 1, (long) width));
            in = width;
        }
        return Math.addExact(total, Math.multiplyExact(in + 1, (long) MnistData.CLASSES));
    }

    /** Bytes needed to train {@code config}'s network: parameters with Adam's state, plus one batch's activations. */
    public static long trainingBytes(MlpConfig config) {
        try {
            long units = config.hidden().stream().mapToLong(Integer::longValue).sum() + MnistData.CLASSES;
            long floats = Math.addExact(Math.multiplyExact(parameters(config.hidden()), (long) FLOATS_PER_PARAMETER),
                    Math.multiplyExact(Math.multiplyExact(units, (long) config.batchSize()), (long) FLOATS_PER_ACTIVATION));
            return Math.multiplyExact(floats, (long) Float.BYTES);
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    /** Refuses, in one line, a configuration whose network would not fit in the memory this machine has free. */
    public static void requireTrainable(MlpConfig config) {
        requireTrainable(config, Pointer.availablePhysicalBytes());
    }

    static void requireTrainable(MlpConfig config, long availableBytes) {
        long need = trainingBytes(config);
        if (need > availableBytes) {
            String params;
            try {
                params = String.format(Locale.ROOT, "%,d parameters", parameters(config.hidden()));
            } catch (ArithmeticException e) {
                params = "more than 9.2e18 parameters";
            }
            throw new AppException(String.format(Locale.ROOT,
                    "a network with hidden layers %s has %s and needs about %s to train at batch size %d;"
                            + " this machine has %s of memory available", config.hidden(), params,
                    gib(need), config.batchSize(), gib(availableBytes)));
        }
    }

    private static String gib(long bytes) {
        return bytes == Long.MAX_VALUE ? "more than 8 EiB" : String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
    }
}
