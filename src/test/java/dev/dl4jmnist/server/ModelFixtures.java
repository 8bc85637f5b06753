package dev.dl4jmnist.server;

import dev.dl4jmnist.model.CnnConfig;
import dev.dl4jmnist.model.MnistCnn;
import dev.dl4jmnist.model.MnistMlp;
import dev.dl4jmnist.model.MlpConfig;
import dev.dl4jmnist.persistence.ModelStore;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Model files for the server's tests, made in a second and never trained: the tutorial's MLP (each seed gives
 * other weights, so versions answer differently), the CNN, and broken ones (a network with 5 outputs, NaN weights,
 * a damaged zip).
 */
final class ModelFixtures {
    private ModelFixtures() {
    }

    /** {@code store/name/version/file}: creates the directories and returns the file's path. */
    static Path slot(Path store, String name, long version, String file) throws IOException {
        return Files.createDirectories(store.resolve(name).resolve(Long.toString(version))).resolve(file);
    }

    static Path mlp(Path file, long seed) throws IOException {
        return copyOf("mlp-" + seed, () -> MnistMlp.create(MlpConfig.defaults().withSeed(seed)), file);
    }

    static Path cnn(Path file) throws IOException {
        return copyOf("cnn", () -> MnistCnn.create(CnnConfig.defaults()), file);
    }

    /** Each network is made and saved once per test run; every test gets its own copy of the file. */
    private static synchronized Path copyOf(String key, java.util.function.Supplier<MultiLayerNetwork> network, Path file)
            throws IOException {
        Path made = MADE.get(key);
        if (made == null) {
            made = Files.createTempDirectory("model-fixture-").resolve(key + ".zip");
            made.toFile().deleteOnExit();
            made.getParent().toFile().deleteOnExit();
            ModelStore.save(network.get(), made, false);
            MADE.put(key, made);
        }
        return Files.copy(made, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static final java.util.Map<String, Path> MADE = new java.util.HashMap<>();

    /** A network that maps 784 pixels to 5 outputs. */
    static Path fiveOutputs(Path file) {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(1).list()
                .layer(new DenseLayer.Builder().nIn(784).nOut(8).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(8).nOut(5).activation(Activation.SOFTMAX).build())
                .build());
        net.init();
        ModelStore.save(net, file, false);
        return file;
    }

    static Path nanWeights(Path file) {
        MultiLayerNetwork net = MnistMlp.create(MlpConfig.defaults());
        net.params().putScalar(3, Float.NaN);
        ModelStore.save(net, file, false);
        return file;
    }

    /** The first half of a model zip. */
    static Path damaged(Path file) throws IOException {
        Path whole = mlp(Files.createTempFile("whole-", ".zip"), 5);
        byte[] bytes = Files.readAllBytes(whole);
        Files.delete(whole);
        return Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    }
}
