package dev.dl4jmnist.training;

import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;

/**
 * Accumulates an epoch's training loss and accuracy the way Keras reports them: each batch's loss
 * (the network's score, computed before the update, dropout active) and the accuracy of that same
 * forward pass, averaged over the epoch weighted by batch size. The accuracy counts digits only: the
 * pictures that are not digits (outlier exposure, labelled uniform) have no right answer.
 *
 * <p>DL4J hands listeners the activations up to the output layer's input; the output layer's
 * logits are one small matrix product away, and their arg max equals the softmax's.
 */
final class EpochMetricsListener extends BaseTrainingListener {
    private final TrainingProgress progress;
    private double lossSum;
    private long correct;
    private long seen;
    private long seenDigits;
    private int steps;
    private long pendingCorrect;
    private long pendingRows;
    private long pendingDigits;
    private int stepsPerEpoch;

    EpochMetricsListener(TrainingProgress progress) {
        this.progress = progress;
    }

    /** The steps of an epoch, as the progress is told. */
    void stepsPerEpoch(int steps) {
        this.stepsPerEpoch = steps;
    }

    void startEpoch() {
        lossSum = 0;
        correct = 0;
        seen = 0;
        seenDigits = 0;
        steps = 0;
    }

    @Override
    public void onForwardPass(Model model, List<INDArray> activations) {
        MultiLayerNetwork net = (MultiLayerNetwork) model;
        INDArray toOutput = activations.get(activations.size() - 1);
        org.deeplearning4j.nn.api.Layer out = net.getOutputLayer();
        INDArray logits = toOutput.mmul(out.getParam("W")).addiRowVector(out.getParam("b"));
        INDArray predicted = Nd4j.argMax(logits, 1);
        INDArray labels = net.getLabels();
        INDArray actual = Nd4j.argMax(labels, 1);
        // a digit's label is one-hot; a non-digit's (outlier exposure) is uniform, and has no right answer to count
        INDArray digitRows = labels.max(1).gt(0.5);
        pendingCorrect = predicted.eq(actual).castTo(DataType.INT).muli(digitRows.castTo(DataType.INT)).sumNumber().longValue();
        pendingDigits = digitRows.castTo(DataType.INT).sumNumber().longValue();
        pendingRows = toOutput.rows();
    }

    @Override
    public void iterationDone(Model model, int iteration, int epoch) {
        lossSum += model.score() * pendingRows;
        correct += pendingCorrect;
        seen += pendingRows;
        seenDigits += pendingDigits;
        steps++;
        progress.stepFinished(new StepStats(steps, stepsPerEpoch, loss(), accuracy(),
                learningRate((MultiLayerNetwork) model), (int) pendingRows));
    }

    /** The learning rate the first layer with parameters trains at now (schedules included). */
    static double learningRate(MultiLayerNetwork net) {
        MultiLayerConfiguration conf = net.getLayerWiseConfigurations();
        for (NeuralNetConfiguration layer : conf.getConfs()) {
            if (layer.getLayer() instanceof BaseLayer base && base.getIUpdater() != null) {
                return base.getIUpdater().getLearningRate(conf.getIterationCount(), conf.getEpochCount());
            }
        }
        return Double.NaN;
    }

    double loss() {
        return seen == 0 ? Double.NaN : lossSum / seen;
    }

    double accuracy() {
        return seenDigits == 0 ? Double.NaN : (double) correct / seenDigits;
    }

    int steps() {
        return steps;
    }
}
