package dev.dl4jmnist.cli;

import dev.dl4jmnist.FullTier;
import dev.dl4jmnist.model.DigitClassifier;
import dev.dl4jmnist.Bits;
import dev.dl4jmnist.TestData;
import dev.dl4jmnist.TestModels;
import dev.dl4jmnist.evaluation.Evaluator;
import dev.dl4jmnist.kerasimport.KerasImporter;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code compare} and {@code import-keras} through the command line: what they print, write and refuse. */
class KerasCommandsTest {
    private static final String NL = System.lineSeparator();

    private static final String K2 = "models/keras/keras-2.3.1-theano/trained_model.h5";
    private static final String K3 = "models/keras/keras-3.11.3-torch/trained_model.h5";

    @FullTier
    @Test
    void compareShowsBothModelsTheImportCheckAndTheDisagreements(@TempDir Path tmp) {
        Path grid = tmp.resolve("disagreements.png");
        CliRunner r = CliRunner.run("compare", "--data-dir", TestData.mnist().location().directory().toString(), "--model", TestModels.quickModelPath().toString(),
                "--grid", grid.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("Source                   " + K2), r.out());
        assertTrue(r.out().contains("Keras version, backend   2.3.1, theano"), r.out());
        assertTrue(r.out().contains("Parameters               669,706"), r.out());
        assertTrue(r.out().contains("Test accuracy            0.9800"), r.out());
        assertTrue(r.out().contains("Keras-reported accuracy  0.9800"), r.out());
        Matcher keras = Pattern.compile("Imported Keras model vs Keras's own predictions \\(test_probs\\.npy\\): classes 10000/10000"
                + " identical, max abs probability difference (\\S+)").matcher(r.out());
        assertTrue(keras.find(), r.out());
        // float32 arithmetic in another order than Keras's: differences of a few ulps of 1.0, never more than 1e-5
        assertThat(Double.parseDouble(keras.group(1))).isGreaterThanOrEqualTo(0).isLessThan(1e-5);
        assertTrue(r.out().contains("can be trained further in DL4J with Adam(learning_rate=0.001, beta_1=0.9, beta_2=0.999, epsilon=1.0E-7)"), r.out());

        Matcher agree = Pattern.compile("Agreement between Keras and DL4J predicted classes: (\\d+)/10000 \\((\\d+\\.\\d\\d)%\\)").matcher(r.out());
        assertTrue(agree.find(), r.out());
        Matcher dis = Pattern.compile("Disagreements: (\\d+); first 10: (\\d+) \\(Keras (\\d), DL4J (\\d), Class (\\d)\\)").matcher(r.out());
        assertTrue(dis.find(), r.out());
        assertEquals(10_000, Integer.parseInt(agree.group(1)) + Integer.parseInt(dis.group(1)));
        assertEquals(String.format(java.util.Locale.ROOT, "%.2f", Integer.parseInt(agree.group(1)) / 100.0), agree.group(2));
        assertTrue(r.out().contains("Picture of the first 9: " + grid), r.out());
        assertTrue(Files.isRegularFile(grid));
        assertEquals("", r.err());
    }

    @Test
    void importKerasWritesAZipThatHoldsExactlyTheImportedNetwork(@TempDir Path tmp) throws Exception {
        Path zip = tmp.resolve("k3.zip");
        CliRunner r = CliRunner.run("import-keras", K3, "--output", zip.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("Keras model: " + K3 + " (Keras 3.11.3 (torch), Sequential)"), r.out());
        assertTrue(r.out().contains("Total params: 669,706"), r.out());
        assertTrue(r.out().contains("  - InputLayer batch_shape renamed to batch_input_shape (Keras 3 → Keras 2 key)"), r.out());
        assertTrue(r.out().contains("Checked against the file's configuration: 20 properties match"), r.out());
        assertTrue(r.out().contains("Training: can continue in DL4J with Adam(learning_rate=0.001, beta_1=0.9, beta_2=0.999, epsilon=1.0E-7)"), r.out());
        assertTrue(r.out().contains("Reloaded from the zip: max abs output difference 0.0"), r.out());

        MultiLayerNetwork saved = ModelSerializer.restoreMultiLayerNetwork(zip.toFile(), true);
        INDArray batch = TestData.mnist().test(500, 500).next().getFeatures();
        Bits.assertBitIdentical(DigitClassifier.of(KerasImporter.importModel(Path.of(K3)).model()).probabilities(batch),
                saved.output(batch, false), "outputs of the imported and the saved model");
        assertTrue(saved.getUpdater().getStateViewArray() != null, "updater state saved so training can continue");
    }

    @Test
    void importKerasConvertsAFunctionalModelToAComputationGraph(@TempDir Path tmp) throws Exception {
        Path zip = tmp.resolve("functional.zip");
        CliRunner r = CliRunner.run("import-keras", "src/test/resources/keras/keras3-functional.h5", "--output", zip.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("DL4J network: ComputationGraph"), r.out());
        ComputationGraph graph = ModelSerializer.restoreComputationGraph(zip.toFile(), true);
        assertEquals(13_002, graph.numParams());
    }

    @Test
    void importKerasSaysWhenTheModelCannotBeTrainedFurther(@TempDir Path tmp) {
        CliRunner r = CliRunner.run("import-keras", "src/test/resources/keras/keras3-no-optimizer.h5", "--output", tmp.resolve("m.zip").toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("Training: cannot continue in DL4J: the file has no training configuration (saved without its"
                + " optimizer or never compiled) (the model is saved for inference)"), r.out());
    }

    @Test
    void badInputIsOneLineAndANonZeroExit(@TempDir Path tmp) {
        Path out = tmp.resolve("out.zip");
        CliRunner notHdf5 = CliRunner.run("import-keras", "src/test/resources/keras/not-hdf5.h5", "--output", out.toString());
        assertEquals(1, notHdf5.exitCode());
        assertEquals("error: src/test/resources/keras/not-hdf5.h5 is not an HDF5 file (a Keras .h5 model starts with the HDF5 signature)" + NL,
                notHdf5.err());
        assertFalse(Files.exists(out));

        CliRunner weightsOnly = CliRunner.run("compare", "--keras", "src/test/resources/keras/weights-only.h5", "--data-dir", TestData.mnist().location().directory().toString());
        assertEquals(1, weightsOnly.exitCode());
        assertTrue(weightsOnly.err().startsWith("error: src/test/resources/keras/weights-only.h5 holds only weights"), weightsOnly.err());
        assertEquals(1, weightsOnly.err().lines().count());

        CliRunner missingModel = CliRunner.run("compare", "--model", tmp.resolve("missing.zip").toString(), "--data-dir", TestData.mnist().location().directory().toString());
        assertEquals(1, missingModel.exitCode());
        assertEquals("error: DL4J model " + tmp.resolve("missing.zip") + " does not exist" + NL, missingModel.err());

        CliRunner missingFile = CliRunner.run("import-keras", tmp.resolve("nope.h5").toString(), "--output", out.toString());
        assertEquals(1, missingFile.exitCode());
        assertEquals("error: Keras model file " + tmp.resolve("nope.h5") + " does not exist" + NL, missingFile.err());

        CliRunner noOutput = CliRunner.run("import-keras", K2);
        assertEquals(2, noOutput.exitCode());
        assertTrue(noOutput.err().startsWith("error: Missing required option: '--output=MODEL.zip'"), noOutput.err());
    }
}
