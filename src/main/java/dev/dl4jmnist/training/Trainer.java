package dev.dl4jmnist.training;

import dev.dl4jmnist.AppException;
import dev.dl4jmnist.data.ResumableIterator;
import dev.dl4jmnist.evaluation.EvaluationResult;
import dev.dl4jmnist.evaluation.Evaluator;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Keras's {@code model.fit(x, y, validation_data=(x_test, y_test), batch_size, epochs, callbacks)}: trains
 * for the given epochs, reshuffling the training data each epoch, and validates after every epoch; with
 * a {@link FitPlan}, also stops early, writes a checkpoint after every epoch and continues from one.
 */
public final class Trainer {
    private Trainer() {
    }

    /** Trains {@code net} in place on {@code trainExamples} images per epoch and returns the per-epoch history. */
    public static List<EpochStats> fit(MultiLayerNetwork net, DataSetIterator train, int trainExamples,
                                       DataSetIterator validation, int epochs, TrainingProgress progress) {
        return fit(net, train, trainExamples, validation, FitPlan.epochs(epochs), progress).history();
    }

    /**
     * Trains {@code net} in place as {@code plan} says. Checkpoints and resuming need a training iterator
     * whose order can be saved ({@link ResumableIterator}). With early stopping, {@code net} ends holding
     * the best epoch's state.
     */
    public static FitResult fit(MultiLayerNetwork net, DataSetIterator train, int trainExamples,
                                DataSetIterator validation, FitPlan plan, TrainingProgress progress) {
        int epochs = plan.epochs();
        int steps = (int) Math.ceil((double) trainExamples / train.batch());
        EarlyStopping stopping = plan.earlyStopping();
        List<EpochStats> history = new ArrayList<>(epochs);
        List<Double> checkpointSeconds = new ArrayList<>();
        Checkpoint.Best best = null;
        int start = 0;
        if (plan.resumeFrom() != null) {
            Checkpoint c = plan.resumeFrom();
            if (c.epoch() > epochs) {
                throw new AppException("the checkpoint is after epoch " + c.epoch() + " of a run of " + epochs);
            }
            c.network().applyTo(net);
            resumable(train).restoreOrder(c.dataOrder());
            c.random().restore();
            history.addAll(c.history());
            best = c.best();
            start = c.epoch();
            progress.resumed(c, epochs);
        }
        EpochMetricsListener metrics = new EpochMetricsListener(progress);
        metrics.stepsPerEpoch(steps);
        List<TrainingListener> before = new ArrayList<>(net.getListeners());
        net.addListeners(metrics);
        String stopReason = null;
        try {
            stopReason = stopReason(stopping, start, best);
            for (int epoch = start + 1; epoch <= epochs && stopReason == null; epoch++) {
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
                if (stopping != null && (best == null || stopping.improves(best.valLoss(), stats.valLoss()))) {
                    best = new Checkpoint.Best(epoch, stats.valLoss(), NetworkState.of(net));
                }
                if (plan.checkpoints() != null) {
                    long c0 = System.nanoTime();
                    plan.checkpoints().write(new Checkpoint(epoch, history, NetworkState.of(net), RandomState.capture(),
                            resumable(train).orderState(), best));
                    checkpointSeconds.add((System.nanoTime() - c0) / 1e9);
                }
                progress.epochFinished(stats, epochs);
                stopReason = stopReason(stopping, epoch, best);
            }
        } finally {
            net.setListeners(before);
        }
        int bestEpoch = history.size();
        if (best != null) {
            bestEpoch = best.epoch();
            if (bestEpoch != history.size()) {
                best.network().applyTo(net);
            }
        }
        if (stopReason == null) {
            stopReason = "all " + epochs + " epochs done";
        }
        FitResult result = new FitResult(history, epochs, bestEpoch, stopReason, start, checkpointSeconds);
        progress.trainingFinished(result);
        return result;
    }

    /** Why early stopping ends the run after {@code epoch}, or null when it goes on. */
    private static String stopReason(EarlyStopping stopping, int epoch, Checkpoint.Best best) {
        if (stopping == null || best == null || !stopping.stopsAfter(epoch, best.epoch())) {
            return null;
        }
        return String.format(Locale.ROOT, "val_loss did not improve on epoch %d's %.4f by more than %s for %d epoch%s",
                best.epoch(), best.valLoss(), stopping.minDelta(), stopping.patience(), stopping.patience() == 1 ? "" : "s");
    }

    private static ResumableIterator resumable(DataSetIterator train) {
        if (train instanceof ResumableIterator r) {
            return r;
        }
        throw new IllegalArgumentException("checkpoints need a training iterator whose order can be saved");
    }
}
