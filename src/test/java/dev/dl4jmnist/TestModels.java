package dev.dl4jmnist;

import dev.dl4jmnist.app.TrainTutorial;
import dev.dl4jmnist.data.MnistData;
import dev.dl4jmnist.model.MnistMlp;
import dev.dl4jmnist.persistence.ModelStore;
import dev.dl4jmnist.training.Trainer;
import dev.dl4jmnist.model.MlpConfig;
import dev.dl4jmnist.training.TrainingProgress;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.stream.Stream;

/**
 * A real trained model for tests that need one (evaluation, prediction, comparison): the tutorial's
 * network after one epoch on all of MNIST (test accuracy about 0.967), trained once for each version
 * of the code and kept in target/test-models.
 */
public final class TestModels {
    private static Path quickModel;
    private static Path calibratedModel;

    private TestModels() {
    }

    /**
     * Path of a saved one-epoch model (ModelSerializer zip), in a directory named by a hash of what makes it — the
     * configuration and the application's compiled classes — so a model made by other code or settings is
     * never reused.
     */
    public static synchronized Path quickModelPath() {
        if (quickModel == null) {
            MlpConfig config = MlpConfig.defaults().withEpochs(1);
            Path file = Path.of("target", "test-models", fingerprint(config), "quick-1-epoch.zip").toAbsolutePath();
            if (!Files.isRegularFile(file)) {
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

    /**
     * Path of a saved one-epoch model trained as {@code train} trains by default: on the first 55,000 training
     * images, then calibrated on the last 5,000 (see {@link TrainTutorial#calibrate}).
     */
    public static synchronized Path calibratedModelPath() {
        if (calibratedModel == null) {
            MlpConfig config = MlpConfig.defaults().withEpochs(1);
            Path file = Path.of("target", "test-models", fingerprint(config), "calibrated-1-epoch.zip").toAbsolutePath();
            if (!Files.isRegularFile(file)) {
                MultiLayerNetwork net = MnistMlp.create(config);
                MnistData data = TestData.mnist();
                int examples = MnistData.TRAIN_SIZE - MnistData.HELD_OUT;
                Trainer.fit(net, data.train(config.batchSize(), examples, config.seed(), MnistData.HELD_OUT), examples,
                        data.test(1000, 1000), 1, TrainingProgress.SILENT);
                ModelStore.save(net, file, true, TrainTutorial.calibrate(net, data, MnistData.HELD_OUT).calibration());
            }
            calibratedModel = file;
        }
        return calibratedModel;
    }

    /** The first 12 hex digits of SHA-256 over the configuration and every class file of the application. */
    static String fingerprint(MlpConfig config) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(config.toString().getBytes(StandardCharsets.UTF_8));
            Path classes = Path.of("target", "classes");
            try (Stream<Path> files = Files.walk(classes)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".class")).sorted().toList()) {
                    sha.update(classes.relativize(f).toString().getBytes(StandardCharsets.UTF_8));
                    sha.update(Files.readAllBytes(f));
                }
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot fingerprint the test model's inputs", e);
        }
    }

    /** A freshly loaded copy of the one-epoch model. */
    public static MultiLayerNetwork quickModel() {
        return (MultiLayerNetwork) ModelStore.load(quickModelPath());
    }
}
