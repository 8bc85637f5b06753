package dev.dl4jmnist.training;

import dev.dl4jmnist.evaluation.EvaluationResult;
import dev.dl4jmnist.evaluation.Evaluator;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

import java.util.ArrayList;
import java.util.List;

/**
 * Keras's {@code model.fit(x, y, validation_data=(x_test, y_test), batch_size, epochs)}: trains for
 * the given epochs, reshuffling the training data each epoch, and validates after every epoch.
 */
public final class Trainer {
    private Trainer() {
    }

    /** Trains {@code net} in place on {@code trainExamples} images per epoch and returns the per-epoch history. */
    public static List<EpochStats> fit(MultiLayerNetwork net, DataSetIterator train, int trainExamples,
                                       DataSetIterator validation, int epochs, TrainingProgress progress) {
        int steps = (int) Math.ceil((double) trainExamples / train.batch());
        EpochMetricsListener metrics = new EpochMetricsListener(progress);
        List<TrainingListener> before = new ArrayList<>(net.getListeners());
        net.addListeners(metrics);
        List<EpochStats> history = new ArrayList<>(epochs);
        try {
            for (int epoch = 1; epoch <= epochs; epoch++) {
                progress.epochStarted(epoch, epochs, steps);
                metrics.startEpoch();
                long t0 = System.nanoTime();
                net.fit(train);                     // one pass; resets (and so reshuffles) the iterator first
                long t1 = System.nanoTime();
                EvaluationResult val = Evaluator.evaluate(net, validation);
                long t2 = System.nanoTime();
                EpochStats stats = new EpochStats(epoch, metrics.steps(), metrics.loss(), metrics.accuracy(),
                        val.loss(), val.accuracy(), (t2 - t0) / 1e9, (t1 - t0) / 1e9);
                history.add(stats);
                progress.epochFinished(stats, epochs);
            }
        } finally {
            net.setListeners(before);
        }
        return history;
    }
}
