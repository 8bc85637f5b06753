package dev.dl4jmnist;

import dev.dl4jmnist.data.MnistData;
import dev.dl4jmnist.model.MnistMlp;
import dev.dl4jmnist.persistence.ModelStore;
import dev.dl4jmnist.training.Trainer;
import dev.dl4jmnist.model.TrainingConfig;
import dev.dl4jmnist.training.TrainingProgress;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A real trained model for tests that need one (evaluation, prediction, comparison): the tutorial's
 * network after one epoch on all of MNIST (test accuracy about 0.967), trained once per build and
 * kept in target/test-models.
 */
public final class TestModels {
    private static Path quickModel;

    private TestModels() {
    }

    /** Path of a saved one-epoch model (ModelSerializer zip). */
    public static synchronized Path quickModelPath() {
        if (quickModel == null) {
            Path file = Path.of("target", "test-models", "quick-1-epoch.zip").toAbsolutePath();
            if (!Files.isRegularFile(file)) {
                TrainingConfig config = TrainingConfig.defaults().withEpochs(1);
                MultiLayerNetwork net = MnistMlp.create(config);
                MnistData data = TestData.mnist();
                Trainer.fit(net, data.train(config.batchSize(), MnistData.TRAIN_SIZE, config.seed()), MnistData.TRAIN_SIZE,
                        data.test(1000, 1000), 1, TrainingProgress.SILENT);
                ModelStore.save(net, file);
            }
            quickModel = file;
        }
        return quickModel;
    }

    /** A freshly loaded copy of the one-epoch model. */
    public static MultiLayerNetwork quickModel() {
        return (MultiLayerNetwork) ModelStore.load(quickModelPath());
    }
}
