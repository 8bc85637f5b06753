package dev.dl4jmnist.kerasimport;

import dev.dl4jmnist.AppException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Bad input: each import fails with one line that names the problem. */
class KerasImportProblemsTest {
    private static final Path DIR = Path.of("src/test/resources/keras");

    private static String failure(Path file) {
        String message = assertThrows(AppException.class, () -> KerasImporter.importModel(file)).getMessage();
        assertFalse(message.contains("\n"), "one line: " + message);
        return message;
    }

    @Test
    void missingFile() {
        assertEquals("Keras model file src/test/resources/keras/nothing-here.h5 does not exist", failure(DIR.resolve("nothing-here.h5")));
    }

    @Test
    void directoryInsteadOfFile() {
        assertEquals("Keras model file src/test/resources/keras is not a regular file", failure(DIR));
    }

    @Test
    void fileThatIsNotHdf5() {
        assertEquals("src/test/resources/keras/not-hdf5.h5 is not an HDF5 file (a Keras .h5 model starts with the HDF5 signature)",
                failure(DIR.resolve("not-hdf5.h5")));
    }

    @Test
    void emptyFile(@TempDir Path tmp) throws Exception {
        Path empty = Files.createFile(tmp.resolve("empty.h5"));
        assertEquals(empty + " is not an HDF5 file (a Keras .h5 model starts with the HDF5 signature)", failure(empty));
    }

    @Test
    void truncatedHdf5File(@TempDir Path tmp) throws Exception {
        byte[] real = Files.readAllBytes(Path.of("models/keras/keras-2.3.1-theano/trained_model.h5"));
        Path cut = tmp.resolve("cut.h5");
        Files.write(cut, java.util.Arrays.copyOf(real, 4096));
        String message = failure(cut);
        assertEquals(cut + " is not a readable HDF5 file (it may be truncated or damaged)", message);
    }

    @Test
    void weightsOnlyFile() {
        assertEquals("src/test/resources/keras/weights-only.h5 holds only weights (Keras save_weights): it has no model"
                + " configuration; save the whole model with model.save(\"model.h5\")", failure(DIR.resolve("weights-only.h5")));
    }

    @Test
    void layerOutsideTheSupportedListIsRefusedByClassNameAndPosition() {
        assertEquals("src/test/resources/keras/unmappable-layer.h5: layer 3 of 9, 'unit_normalization' (UnitNormalization), is not"
                + " supported: the import reproduces only InputLayer, Conv2D, MaxPooling2D, AveragePooling2D, GlobalAveragePooling2D,"
                + " GlobalMaxPooling2D, BatchNormalization, Flatten, Reshape, Dense, Activation, Dropout layers",
                failure(DIR.resolve("unmappable-layer.h5")));
    }

    @Test
    void inputThatDoesNotFitMnist() {
        assertEquals("src/test/resources/keras/wrong-input.h5: the model's input shape (100,) does not fit MNIST"
                + " (784 pixel values, 28×28×1, or 28×28 followed by Flatten or Reshape)", failure(DIR.resolve("wrong-input.h5")));
    }
}
