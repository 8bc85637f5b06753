package dev.dl4jmnist.persistence;

import dev.dl4jmnist.AppException;
import dev.dl4jmnist.Bits;
import dev.dl4jmnist.model.Calibration;
import dev.dl4jmnist.model.DigitAnswer;
import dev.dl4jmnist.model.MnistMlp;
import dev.dl4jmnist.model.MlpConfig;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ModelStoreTest {
    private static final Calibration CALIBRATION =
            new Calibration(1.2345, 0.4953, "MNIST training images 55,001–60,000", 5000, 0.005);

    /** A small, freshly initialised tutorial network with one hidden layer of {@code width}. */
    private static MultiLayerNetwork mlp(int width) {
        return MnistMlp.create(MlpConfig.defaults().withHidden(java.util.List.of(width)));
    }

    @TempDir
    Path tmp;

    @Test
    void saveAndReloadGiveIdenticalParametersUpdaterAndOutputs() {
        MultiLayerNetwork net = mlp(32);
        INDArray x = Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 20, 784);
        INDArray y = Nd4j.zeros(20, 10);
        for (int i = 0; i < 20; i++) {
            y.putScalar(i, i % 10, 1);
        }
        net.fit(x, y);                                   // so the Adam state is not all zeros
        Path file = tmp.resolve("m.zip");

        ModelStore.save(net, file);
        MultiLayerNetwork back = (MultiLayerNetwork) ModelStore.load(file);

        Bits.assertBitIdentical(net.params(), back.params(), "parameters");
        Bits.assertBitIdentical(net.getUpdater().getStateViewArray(), back.getUpdater().getStateViewArray(), "Adam's state");
        Bits.assertBitIdentical(net.output(x, false), back.output(x, false), "outputs");
        assertEquals(net.getLayerWiseConfigurations(), back.getLayerWiseConfigurations());
    }

    /** The same network saved twice, a moment apart, is the same file to the byte: the same run, the same SHA-256. */
    @Test
    void theSameNetworkSavedTwiceGivesTheSameBytes() throws Exception {
        MultiLayerNetwork net = mlp(16);
        Path first = tmp.resolve("first.zip");
        Path second = tmp.resolve("second.zip");
        ModelStore.save(net, first, true, CALIBRATION);
        Thread.sleep(2100);                              // a zip's times count in steps of two seconds
        ModelStore.save(net, second, true, CALIBRATION);

        assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(first.toFile())) {
            assertThat(zip.stream().map(java.util.zip.ZipEntry::getName)).contains(ModelStore.CALIBRATION_ENTRY)
                    .hasSizeGreaterThan(2);
        }
    }

    @Test
    void aCalibrationSavedWithTheModelComesBackWithItAndAnOlderZipLoadsUncalibrated() throws IOException {
        MultiLayerNetwork net = mlp(16);
        Path calibrated = tmp.resolve("calibrated.zip");
        Path plain = tmp.resolve("plain.zip");
        ModelStore.save(net, calibrated, true, CALIBRATION);
        ModelStore.save(net, plain);

        assertThat(ModelStore.loadClassifier(calibrated).calibration()).contains(CALIBRATION);
        assertThat(ModelStore.loadClassifier(plain).calibration()).isEmpty();
        // DL4J's own reader still reads the zip, and the network is the same
        Bits.assertBitIdentical(net.params(), ((MultiLayerNetwork) ModelStore.load(calibrated)).params(), "parameters");

        float[][] pixels = {new float[784]};
        DigitAnswer uncalibrated = ModelStore.loadClassifier(plain).answers(pixels)[0];
        assertThat(uncalibrated.calibrated()).isFalse();
        assertThat(uncalibrated.digit()).isTrue();
        assertThat(uncalibrated.probabilities()).containsExactly(ModelStore.loadClassifier(plain).probabilities(pixels)[0]);
        DigitAnswer answer = ModelStore.loadClassifier(calibrated).answers(pixels)[0];
        assertThat(answer.calibrated()).isTrue();
        assertThat(answer.probabilities()).containsExactly(CALIBRATION.apply(uncalibrated.probabilities()));
    }

    @Test
    void aDamagedCalibrationIsOneClearError() throws IOException {
        MultiLayerNetwork net = mlp(16);
        Path file = tmp.resolve("damaged.zip");
        ModelStore.save(net, file);
        try (java.nio.file.FileSystem zip = java.nio.file.FileSystems.newFileSystem(file)) {
            Files.writeString(zip.getPath(ModelStore.CALIBRATION_ENTRY), "{\"temperature\": -1}");
        }
        AppException e = assertThrows(AppException.class, () -> ModelStore.loadClassifier(file));
        assertThat(e.getMessage()).isEqualTo("cannot load model " + file + ": its calibration (" + ModelStore.CALIBRATION_ENTRY
                + ") is damaged");
    }

    @Test
    void saveLeavesNoTemporaryFiles() throws IOException {
        ModelStore.save(mlp(8), tmp.resolve("a.zip"));
        try (Stream<Path> files = Files.list(tmp)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("a.zip");
        }
    }

    @Test
    void savedFileIsReadableByOthersLikeAnyOrdinaryFile() throws IOException {
        Path file = tmp.resolve("r.zip");
        ModelStore.save(mlp(8), file);
        assertEquals("rw-r--r--", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void unwritableTargetIsOneClearError() throws IOException {
        Path blocker = tmp.resolve("file");
        Files.writeString(blocker, "x");
        AppException e = assertThrows(AppException.class,
                () -> ModelStore.save(mlp(8),
                        blocker.resolve("m.zip")));
        assertThat(e.getMessage()).startsWith("cannot write " + blocker.resolve("m.zip") + ": ");
    }

    @Test
    void loadingSomethingElseIsOneClearError() throws IOException {
        Path notAModel = tmp.resolve("x.zip");
        Files.writeString(notAModel, "hello");
        assertThat(assertThrows(AppException.class, () -> ModelStore.load(notAModel)).getMessage())
                .isEqualTo("cannot load model " + notAModel + ": not a DL4J model zip (it is not a zip file)");
        assertThat(assertThrows(AppException.class, () -> ModelStore.load(tmp.resolve("none.zip"))).getMessage())
                .isEqualTo("model file " + tmp.resolve("none.zip") + " does not exist");
    }

    @Test
    void zipsThatAreNotModelsSayWhatIsMissingInOurWords() throws IOException {
        Path noConfig = zip("other.zip", "readme.txt");
        Path noParameters = zip("config-only.zip", "configuration.json");
        Path badJson = zip("bad-json.zip", "configuration.json", "coefficients.bin");
        assertThat(assertThrows(AppException.class, () -> ModelStore.load(noConfig)).getMessage())
                .isEqualTo("cannot load model " + noConfig + ": not a DL4J model zip (it has no configuration.json)");
        assertThat(assertThrows(AppException.class, () -> ModelStore.load(noParameters)).getMessage())
                .isEqualTo("cannot load model " + noParameters + ": not a DL4J model zip (it has a configuration but no"
                        + " parameters (coefficients.bin))");
        assertThat(assertThrows(AppException.class, () -> ModelStore.load(badJson)).getMessage())
                .isEqualTo("cannot load model " + badJson + ": not a DL4J model zip (its configuration.json is not valid JSON)");

        // a real model zip whose parameters are damaged: our words, not DL4J's
        Path model = tmp.resolve("m.zip");
        ModelStore.save(mlp(8), model);
        Path damaged = tmp.resolve("damaged.zip");
        try (java.util.zip.ZipFile in = new java.util.zip.ZipFile(model.toFile());
             java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(Files.newOutputStream(damaged))) {
            for (java.util.zip.ZipEntry e : java.util.Collections.list(in.entries())) {
                out.putNextEntry(new java.util.zip.ZipEntry(e.getName()));
                byte[] bytes = in.getInputStream(e).readAllBytes();
                out.write(e.getName().equals("coefficients.bin") ? java.util.Arrays.copyOf(bytes, 10) : bytes);
            }
        }
        assertThat(assertThrows(AppException.class, () -> ModelStore.load(damaged)).getMessage())
                .isEqualTo("cannot load model " + damaged + ": DL4J cannot read the network inside (damaged, or written by"
                        + " an incompatible DL4J version)");
    }

    private Path zip(String name, String... entries) throws IOException {
        Path file = tmp.resolve(name);
        try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(Files.newOutputStream(file))) {
            for (String e : entries) {
                out.putNextEntry(new java.util.zip.ZipEntry(e));
                out.write("{not json".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return file;
    }

    @Test
    void loadTellsNetworksAndGraphsApart() throws IOException {
        Path mln = tmp.resolve("mln.zip");
        ModelStore.save(mlp(8), mln);
        assertThat(ModelStore.load(mln)).isInstanceOf(MultiLayerNetwork.class);

        org.deeplearning4j.nn.graph.ComputationGraph graph = new org.deeplearning4j.nn.graph.ComputationGraph(
                new org.deeplearning4j.nn.conf.NeuralNetConfiguration.Builder().graphBuilder().addInputs("in")
                        .addLayer("out", new org.deeplearning4j.nn.conf.layers.OutputLayer.Builder().nIn(784).nOut(10)
                                .activation(org.nd4j.linalg.activations.Activation.SOFTMAX).build(), "in")
                        .setOutputs("out").build());
        graph.init();
        Path cg = tmp.resolve("cg.zip");
        org.deeplearning4j.util.ModelSerializer.writeModel(graph, cg.toFile(), false);
        org.deeplearning4j.nn.api.Model back = ModelStore.load(cg);
        assertThat(back).isInstanceOf(org.deeplearning4j.nn.graph.ComputationGraph.class);
        Bits.assertBitIdentical(graph.params(), back.params(), "graph parameters");

        Path junk = tmp.resolve("junk.zip");
        Files.writeString(junk, "not a zip");
        assertThat(assertThrows(AppException.class, () -> ModelStore.load(junk)).getMessage())
                .startsWith("cannot load model " + junk + ": not a DL4J model zip");
    }

    @Test
    void summaryLivesBesideTheModel() {
        assertEquals(Path.of("models", "mnist-mlp.json"), ModelStore.summaryPathFor(ModelStore.DEFAULT_MODEL));
    }
}
