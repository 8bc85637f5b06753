package dev.dl4jmnist.evaluation;

import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs a model in inference mode (no dropout) over a labelled set and scores it the way Keras's
 * {@code evaluate} does: loss = mean of -log(p[true class]) with p clipped to [1e-7, 1 - 1e-7].
 */
public final class Evaluator {
    /** Keras's backend epsilon, used to clip probabilities before the logarithm. */
    public static final double KERAS_EPSILON = 1e-7;

    private Evaluator() {
    }

    /** Evaluates a {@link MultiLayerNetwork} or single-output {@link ComputationGraph} on every batch of {@code data}. */
    public static EvaluationResult evaluate(Model model, DataSetIterator data) {
        data.reset();
        List<INDArray> outputs = new ArrayList<>();
        List<INDArray> labels = new ArrayList<>();
        while (data.hasNext()) {
            DataSet batch = data.next();
            outputs.add(predict(model, batch.getFeatures()));
            labels.add(batch.getLabels());
        }
        data.reset();
        INDArray probabilities = outputs.size() == 1 ? outputs.get(0) : Nd4j.vstack(outputs);
        INDArray oneHot = labels.size() == 1 ? labels.get(0) : Nd4j.vstack(labels);
        return score(probabilities, argMax(oneHot));
    }

    /** The model's output probabilities for {@code features}, in inference mode. */
    public static INDArray predict(Model model, INDArray features) {
        if (model instanceof MultiLayerNetwork net) {
            return net.output(features, false);
        }
        if (model instanceof ComputationGraph graph) {
            return graph.outputSingle(false, features);
        }
        throw new IllegalArgumentException("unsupported model type " + model.getClass().getSimpleName());
    }

    /** Keras-style loss and accuracy of given probabilities against true classes. */
    public static EvaluationResult score(INDArray probabilities, int[] trueClasses) {
        float[][] p = probabilities.toFloatMatrix();
        int[] predicted = new int[p.length];
        double lossSum = 0;
        int correct = 0;
        for (int i = 0; i < p.length; i++) {
            predicted[i] = argMax(p[i]);
            double q = Math.min(Math.max(p[i][trueClasses[i]], KERAS_EPSILON), 1 - KERAS_EPSILON);
            lossSum -= Math.log(q);
            if (predicted[i] == trueClasses[i]) {
                correct++;
            }
        }
        return new EvaluationResult(lossSum / p.length, (double) correct / p.length, probabilities, predicted, trueClasses);
    }

    /** Row-wise arg max of a matrix (the first maximum wins, as NumPy's argmax). */
    public static int[] argMax(INDArray matrix) {
        float[][] m = matrix.toFloatMatrix();
        int[] out = new int[m.length];
        for (int i = 0; i < m.length; i++) {
            out[i] = argMax(m[i]);
        }
        return out;
    }

    private static int argMax(float[] row) {
        int best = 0;
        for (int j = 1; j < row.length; j++) {
            if (row[j] > row[best]) {
                best = j;
            }
        }
        return best;
    }
}
