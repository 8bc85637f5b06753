package dev.dl4jmnist.app;

import dev.dl4jmnist.AppException;
import dev.dl4jmnist.UsageException;
import dev.dl4jmnist.data.MnistData;
import dev.dl4jmnist.evaluation.EvaluationResult;
import dev.dl4jmnist.evaluation.Evaluator;
import dev.dl4jmnist.io.AtomicFiles;
import dev.dl4jmnist.io.ExclusiveFile;
import dev.dl4jmnist.io.Sha256;
import dev.dl4jmnist.model.Calibration;
import dev.dl4jmnist.persistence.ModelStore;
import dev.dl4jmnist.prediction.Corrections;
import dev.dl4jmnist.training.CalibrationFit;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.file.Path;
import java.util.List;

/**
 * A new version of a trained model from users' corrections: it trains on the corrections mixed with a
 * replay of MNIST training images (the corrections repeated to about a tenth of the mix, shuffled
 * together every epoch) at a gentler learning rate than training's, and measures accuracy on MNIST's test
 * set and on the corrections before and after. A calibrated source keeps its held-out images unseen (the
 * replay never draws them) and the new version is calibrated on them again, as {@code train} does. The
 * source model is read, never written.
 */
public final class FineTuneModel {
    private FineTuneModel() {
    }

    public static FineTuneResult run(FineTuneRequest request) {
        if (request.sourceModel().toAbsolutePath().normalize().equals(request.modelPath().toAbsolutePath().normalize())) {
            throw new UsageException("the fine-tuned model would overwrite " + request.sourceModel() + "; choose another --model");
        }
        Corrections corrections = Corrections.read(request.corrections());   // refused before any model is loaded
        AtomicFiles.checkWritable(request.modelPath());
        try (ExclusiveFile claim = ExclusiveFile.claim(request.modelPath(), "another training run")) {
            Model loaded = ModelStore.load(request.sourceModel());
            if (!(loaded instanceof MultiLayerNetwork net)) {
                throw new AppException("cannot fine-tune " + request.sourceModel() + ": only networks that train trains can be fine-tuned");
            }
            MnistData data = MnistData.locate(request.dataDir());
            int heldOut = ModelStore.calibrationOf(request.sourceModel()).map(Calibration::images).orElse(0);
            DataSetIterator test = data.test(Evaluator.EVAL_BATCH, MnistData.TEST_SIZE);
            DataSet fixes = dataSet(corrections);
            EvaluationResult testBefore = Evaluator.evaluate(net, test);
            EvaluationResult fixesBefore = Evaluator.evaluate(net, iterator(fixes, Evaluator.EVAL_BATCH));

            DataSet mixed = DataSet.merge(mix(fixes, replay(data, request, heldOut)));
            Nd4j.getRandom().setSeed(request.seed());
            net.setLearningRate(request.learningRate());       // Adam's moments carry over from the source's training
            for (int epoch = 0; epoch < request.epochs(); epoch++) {
                mixed.shuffle(request.seed() + epoch);
                net.fit(iterator(mixed, request.batchSize()));
            }
            EvaluationResult testAfter = Evaluator.evaluate(net, test);
            EvaluationResult fixesAfter = Evaluator.evaluate(net, iterator(fixes, Evaluator.EVAL_BATCH));
            CalibrationFit.Result calibration = heldOut > 0 ? TrainTutorial.calibrate(net, data, heldOut) : null;
            ModelStore.save(net, request.modelPath(), true, calibration != null ? calibration.calibration() : null);
            return new FineTuneResult(corrections.size(), request.replayExamples(), request.epochs(), testBefore, testAfter,
                    fixesBefore, fixesAfter, request.modelPath(), Sha256.of(request.modelPath()), calibration);
        }
    }

    /** The share of the mixed set the corrections make up (repeated as often as it takes): about one in ten. */
    static final double CORRECTIONS_SHARE = 0.1;

    /** The corrections, repeated to about {@link #CORRECTIONS_SHARE} of the set, then the replayed MNIST images. */
    private static List<DataSet> mix(DataSet fixes, DataSet replay) {
        int copies = (int) Math.max(1, Math.round(CORRECTIONS_SHARE / (1 - CORRECTIONS_SHARE) * replay.numExamples() / fixes.numExamples()));
        List<DataSet> parts = new java.util.ArrayList<>(java.util.Collections.nCopies(copies, fixes));
        parts.add(replay);
        return parts;
    }

    private static DataSet dataSet(Corrections c) {
        INDArray features = Nd4j.create(DataType.FLOAT, c.size(), MnistData.PIXELS);
        INDArray labels = Nd4j.zeros(DataType.FLOAT, c.size(), MnistData.CLASSES);
        for (int i = 0; i < c.size(); i++) {
            features.putRow(i, Nd4j.createFromArray(c.images().get(i)));
            labels.putScalar(i, c.labels()[i], 1f);
        }
        return new DataSet(features, labels);
    }

    /**
     * The first {@code replayExamples} MNIST training images in the seed's shuffled order, as one set, never from
     * the last {@code heldOut}.
     */
    private static DataSet replay(MnistData data, FineTuneRequest request, int heldOut) {
        DataSetIterator all = data.train(request.replayExamples(), request.replayExamples(), request.seed(), heldOut);
        DataSet d = all.next();
        return new DataSet(d.getFeatures().dup(), d.getLabels().dup());
    }

    private static DataSetIterator iterator(DataSet set, int batch) {
        return new ListDataSetIterator<>(set.asList(), batch);
    }
}
