package dev.dl4jmnist.model;

import dev.dl4jmnist.platform.NativePlatform;
import dev.dl4jmnist.AppException;
import dev.dl4jmnist.data.MnistData;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.BooleanIndexing;
import org.nd4j.linalg.indexing.conditions.Conditions;

import java.util.Arrays;

/**
 * The one inference API: a network that maps 784 pixels (0..1) to 10 digit probabilities, run in
 * inference mode (no dropout), for a {@link MultiLayerNetwork} or a single-output {@link ComputationGraph}.
 * A convolutional network takes the same 784 values and reshapes them itself, in an input preprocessor in
 * front of its first layer: {@link MnistCnn}'s {@code InputType.convolutionalFlat(28, 28, 1)}, or an imported
 * Keras CNN's {@code Reshape((28, 28, 1))} (same row-major order, so the image is the one Keras saw).
 *
 * <p><b>Thread safety.</b> Every method may be called from many threads at once. DL4J networks are not
 * safe for concurrent {@code output} calls (they keep the current input, layer state and workspaces in
 * fields), so each call holds the network's monitor ({@code synchronized (network)}) for the forward pass:
 * calls on the same network, through this or any other {@code DigitClassifier} wrapping it, run one
 * after another. The returned arrays are detached copies owned by the caller. A call gives bit-for-bit
 * the same probabilities whichever thread makes it and whatever runs beside it, because each request is
 * computed as its own batch, exactly as a single-threaded pass would (no batching across callers).
 * ND4J already spreads each forward pass over all cores, so serialising calls costs little. Measured on
 * 2 cores shared with other builds (load about 17), 8 threads each labelling the 10,000 test images in
 * batches of 1,000: 11.1 s with this lock against 14.0 s with one cloned network per thread (one pass
 * alone: 2.1 s), both bit-identical to a single-threaded pass. DL4J's {@code ParallelInference} would add
 * a dependency and, in its batching mode, merge callers' images into shared batches; a lock keeps every
 * call's batch, and so its result, exactly as the caller made it. Training must not run on the same
 * network while it serves predictions.
 */
public final class DigitClassifier {
    /** Inputs the classifier takes per image: 28×28 pixels, flattened row by row. */
    public static final int INPUTS = MnistData.PIXELS;
    /** Outputs per image: one probability per digit. */
    public static final int CLASSES = MnistData.CLASSES;

    static {
        NativePlatform.configure();                    // ND4J's native build and threads, before its first use
    }

    private final Model network;
    /** Null: uncalibrated (the network's own probabilities are shown, and every image counts as a digit). */
    private final Calibration calibration;

    private DigitClassifier(Model network, Calibration calibration) {
        if (!(network instanceof MultiLayerNetwork) && !(network instanceof ComputationGraph)) {
            throw new IllegalArgumentException("unsupported model type " + network.getClass().getSimpleName());
        }
        this.network = network;
        this.calibration = calibration;
    }

    /** Wraps a network, uncalibrated (not copied: it must not be trained while the classifier is in use). */
    public static DigitClassifier of(Model network) {
        return new DigitClassifier(network, null);
    }

    /** Wraps a network with its calibration (null: uncalibrated). */
    public static DigitClassifier of(Model network, Calibration calibration) {
        return new DigitClassifier(network, calibration);
    }

    /** The calibration the answers use, if the model carries one. */
    public java.util.Optional<Calibration> calibration() {
        return java.util.Optional.ofNullable(calibration);
    }

    /**
     * The answers users see, one per image of 784 pixels in [0, 1]: the calibrated probabilities and whether
     * each image is a digit (uncalibrated: the network's own probabilities, bit for bit, and always a digit).
     * Every path from a picture to a label (predict, the page, both HTTP APIs, the notebooks) goes through here.
     */
    public DigitAnswer[] answers(float[][] pixels) {
        float[][] raw = probabilities(pixels);
        DigitAnswer[] out = new DigitAnswer[raw.length];
        for (int i = 0; i < raw.length; i++) {
            if (calibration == null) {
                out[i] = new DigitAnswer(raw[i], true, false);
            } else {
                float[] p = calibration.apply(raw[i]);
                out[i] = new DigitAnswer(p, calibration.isDigit(p[argMax(p)]), true);
            }
        }
        return out;
    }

    /** The wrapped network (for its parameter count and summary; not for concurrent use). */
    public Model network() {
        return network;
    }

    /**
     * Whether the network convolves an image (an {@code MnistCnn}, or an imported Keras convnet) rather than
     * reading the 784 values as a flat vector through dense layers only.
     */
    public boolean isConvolutional() {
        org.deeplearning4j.nn.api.Layer[] layers = network instanceof MultiLayerNetwork net ? net.getLayers()
                : ((ComputationGraph) network).getLayers();
        for (org.deeplearning4j.nn.api.Layer layer : layers) {
            if (layer.conf() != null && layer.conf().getLayer() instanceof org.deeplearning4j.nn.conf.layers.ConvolutionLayer) {
                return true;
            }
        }
        return false;
    }

    /** The network's own probabilities (never calibrated) for a batch of images, one row each ({@code [n, 784]} in, {@code [n, 10]} out). */
    public INDArray probabilities(INDArray pixels) {
        INDArray out;
        synchronized (network) {
            out = network instanceof MultiLayerNetwork net ? net.output(pixels, false)
                    : ((ComputationGraph) network).outputSingle(false, pixels);
        }
        return requireFinite(out);
    }

    /**
     * Never lets a NaN or infinity pass as a probability: finite weights can still overflow (very large
     * weights, or a diverged training run), and such an output is no result at all.
     */
    private static INDArray requireFinite(INDArray probabilities) {
        if (!allFinite(probabilities)) {
            throw new AppException("the model's output is not a probability (it holds NaN or infinite values):"
                    + " its weights overflow on this input");
        }
        return probabilities;
    }

    /** The network's own probabilities (never calibrated) for images given as rows of 784 pixels in [0, 1]; one row of 10 per image. */
    public float[][] probabilities(float[][] pixels) {
        for (int i = 0; i < pixels.length; i++) {
            if (pixels[i].length != INPUTS) {
                throw new IllegalArgumentException("image " + i + " has " + pixels[i].length + " pixels, not " + INPUTS);
            }
        }
        if (pixels.length == 0) {
            return new float[0][];
        }
        return rows(probabilities(Nd4j.create(pixels)));
    }

    /**
     * A matrix's rows as float arrays, from one bulk copy: ND4J's {@code toFloatMatrix} copies row by row,
     * 0.1–0.2 s for the 10,000 × 10 probabilities of the test set.
     */
    public static float[][] rows(INDArray matrix) {
        if (matrix.rank() != 2) {
            throw new IllegalArgumentException("expected a matrix, got shape " + Arrays.toString(matrix.shape()));
        }
        int n = (int) matrix.rows(), width = (int) matrix.columns();
        float[] flat = matrix.castTo(DataType.FLOAT).dup('c').data().asFloat();
        float[][] out = new float[n][];
        for (int i = 0; i < n; i++) {
            out[i] = Arrays.copyOfRange(flat, i * width, (i + 1) * width);
        }
        return out;
    }

    /** Whether every value is a finite number (no NaN, no infinity), in one pass: the rule for weights and outputs alike. */
    public static boolean allFinite(INDArray values) {
        return !BooleanIndexing.or(values, Conditions.notFinite());
    }

    /** The most probable digit for each image. */
    public int[] classes(float[][] pixels) {
        return argMax(probabilities(pixels));
    }

    /** Row-wise arg max (the first maximum wins, as NumPy's argmax). */
    public static int[] argMax(float[][] rows) {
        int[] out = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = argMax(rows[i]);
        }
        return out;
    }

    /** Arg max of one row (the first maximum wins). */
    public static int argMax(float[] row) {
        int best = 0;
        for (int j = 1; j < row.length; j++) {
            if (row[j] > row[best]) {
                best = j;
            }
        }
        return best;
    }
}
