package dev.dl4jmnist.experiments;

import dev.dl4jmnist.data.MnistData;
import dev.dl4jmnist.evaluation.EvaluationResult;
import dev.dl4jmnist.evaluation.Evaluator;
import dev.dl4jmnist.io.AtomicFiles;
import dev.dl4jmnist.model.NetworkRecipe;
import dev.dl4jmnist.training.EpochStats;
import dev.dl4jmnist.training.Trainer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs a sweep: trains every configuration in turn, whichever its network, on the same images (the same
 * first N training images, reshuffled from the same seed and, for the CNN, varied as its settings say;
 * the same test set for validation and the final score),
 * storing each result as soon as it finishes. Configurations already finished in the output
 * directory with the same settings are reused, not trained again.
 */
public final class Sweep {
    private Sweep() {
    }

    public static SweepResult run(SweepRequest request, MnistData data, SweepObserver observer) {
        Path out = request.outputDir();
        SweepReport.Files files = SweepReport.Files.in(out);
        for (Path f : files.all()) {
            AtomicFiles.checkWritable(f);                 // fail now, not after an hour of training
        }
        ResultStore store = new ResultStore(out);
        List<ExperimentConfig> configs = request.sweep().configurations();
        for (ExperimentConfig c : configs) {
            AtomicFiles.checkWritable(store.fileFor(c.name()));
            c.training().requireTrainable();
        }
        String source = data.location().source();
        DataSetIterator test = data.test(Evaluator.EVAL_BATCH, request.testExamples());

        List<ExperimentResult> results = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        int total = configs.size();
        for (int i = 0; i < total; i++) {
            ExperimentConfig c = configs.get(i);
            Optional<ExperimentResult> earlier = store.finished(c, request.trainExamples(), request.testExamples());
            if (earlier.isPresent()) {
                results.add(earlier.get());
                skipped.add(c.name());
                observer.configurationSkipped(i + 1, total, earlier.get());
                continue;
            }
            observer.configurationStarted(i + 1, total, c);
            ExperimentResult result = train(c, data, test, request.trainExamples(), observer);
            store.save(result);
            results.add(result);
            SweepReport.write(out, source, request, results, total);
            observer.configurationFinished(i + 1, total, result);
        }
        SweepReport.write(out, source, request, results, total);
        return new SweepResult(results, skipped, files);
    }

    private static ExperimentResult train(ExperimentConfig c, MnistData data, DataSetIterator test, int trainExamples,
                                          SweepObserver observer) {
        NetworkRecipe recipe = c.training();
        MultiLayerNetwork net = recipe.create();
        DataSetIterator train = recipe.trainingView(data.train(recipe.batchSize(), trainExamples, recipe.seed()));
        List<EpochStats> history = Trainer.fit(net, train, trainExamples, test, c.epochs(), observer);
        EvaluationResult score = Evaluator.evaluate(net, test);
        return ExperimentResult.of(c, net.numParams(), history, score, trainExamples, Instant.now().toString());
    }
}
