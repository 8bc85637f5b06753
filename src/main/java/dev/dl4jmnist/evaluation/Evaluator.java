package dev.dl4jmnist.evaluation;

import dev.dl4jmnist.model.DigitClassifier;
import org.deeplearning4j.nn.api.Model;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs a model in inference mode (no dropout, through {@link DigitClassifier}) over a labelled set and scores it the way Keras's
 * {@code evaluate} does: loss = mean of -log(p[true class]) with p clipped to [1e-7, 1 - 1e-7].
 */
public final class Evaluator {
    /** Keras's backend epsilon, used to clip probabilities before the logarithm. */
    public static final double KERAS_EPSILON = 1e-7;
    /** Images per batch in inference passes over a data set (it does not change the results). */
    public static final int EVAL_BATCH = 1000;

    private Evaluator() {
    }

    /** Evaluates a network on every batch of {@code data} (through a {@link DigitClassifier} on it). */
    public static EvaluationResult evaluate(Model model, DataSetIterator data) {
        return evaluate(DigitClassifier.of(model), data);
    }

    /** Evaluates a classifier on every batch of {@code data}. */
    public static EvaluationResult evaluate(DigitClassifier classifier, DataSetIterator data) {
        data.reset();
        List<INDArray> outputs = new ArrayList<>();
        List<INDArray> labels = new ArrayList<>();
        while (data.hasNext()) {
            DataSet batch = data.next();
            outputs.add(classifier.probabilities(batch.getFeatures()));
            labels.add(batch.getLabels());
        }
        data.reset();
        INDArray probabilities = outputs.size() == 1 ? outputs.get(0) : Nd4j.vstack(outputs);
        INDArray oneHot = labels.size() == 1 ? labels.get(0) : Nd4j.vstack(labels);
        return score(probabilities, argMax(oneHot));
    }

    /** Keras-style loss and accuracy of given probabilities against true classes. */
    public static EvaluationResult score(INDArray probabilities, int[] trueClasses) {
        float[][] p = DigitClassifier.rows(probabilities);
        int[] predicted = new int[p.length];
        double lossSum = 0;
        int correct = 0;
        for (int i = 0; i < p.length; i++) {
            predicted[i] = DigitClassifier.argMax(p[i]);
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
        return DigitClassifier.argMax(DigitClassifier.rows(matrix));
    }
}
