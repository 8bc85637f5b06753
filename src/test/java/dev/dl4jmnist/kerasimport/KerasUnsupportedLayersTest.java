package dev.dl4jmnist.kerasimport;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dl4jmnist.UnsupportedModelException;
import dev.dl4jmnist.cli.CliRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Layers and options the import cannot reproduce are refused before anything is built, in one line naming the
 * layer's class, its name and its position in the file's layer list (counted from 1, the InputLayer included), so
 * that no such model imports and then answers differently from Keras. The inputs are the keras.io convnet's layer
 * list (from the real fixture, see {@link ConvnetVariants}) with one layer entry added or edited: they prove what
 * the importer refuses, not what Keras writes for those layers beyond their class name and keys.
 */
class KerasUnsupportedLayersTest {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final String SUPPORTED = "the import reproduces only InputLayer, Conv2D, MaxPooling2D, AveragePooling2D,"
            + " GlobalAveragePooling2D, GlobalMaxPooling2D, BatchNormalization, Flatten, Reshape, Dense, Activation, Dropout layers";

    /** The convnet's first layers, {@code extra} as layer 3 (after the first Conv2D), then the rest of the convnet. */
    private static Path convnetWith(Path dir, String cls, ObjectNode config) {
        return ConvnetVariants.input(1, 28, 28, 1).conv("conv2d", 4, 3, 1, "valid", "relu", true).raw(cls, config)
                .pool("MaxPooling2D", "max_pooling2d", 2, 2, "valid").flatten("flatten").dense("dense", 10, "softmax", true)
                .writeKeras3(dir.resolve("model.h5"), false);
    }

    private static String refusal(Path file) {
        String message = assertThrows(UnsupportedModelException.class, () -> KerasImporter.importModel(file)).getMessage();
        assertFalse(message.contains("\n"), message);
        return message.substring(file.toString().length() + 2);
    }

    @ParameterizedTest(name = "{0} is refused by name")
    @CsvSource({
            "LSTM,            lstm",
            "Conv2DTranspose, conv2d_transpose",
            "Lambda,          lambda",
            "DigitCapsule,    digit_capsule",       // a custom layer: Keras writes its registered class name
            "SeparableConv2D, separable_conv2d",
            "Add,             add"})
    void layerClassesOutsideTheListAreRefused(String cls, String name, @TempDir Path tmp) {
        ObjectNode config = F.objectNode().put("name", name).put("trainable", true);
        if (cls.equals("DigitCapsule")) {
            config.put("capsules", 10);
        }
        assertEquals("layer 3 of 6, '" + name + "' (" + cls + "), is not supported: " + SUPPORTED,
                refusal(convnetWith(tmp, cls, config)));
    }

    @Test
    void aCustomLayerInAFunctionalModelIsRefusedLikeAnyOther(@TempDir Path tmp) {
        ObjectNode custom = ConvnetVariants.layer("MyScale", F.objectNode().put("name", "my_scale").put("factor", 2.0));
        custom.putNull("module");
        custom.put("registered_name", "Custom>MyScale");
        Path file = ConvnetVariants.input(1, 28, 28, 1).conv("conv2d", 4, 3, 1, "valid", "relu", true).flatten("flatten")
                .raw(custom).dense("dense", 10, "softmax", true).writeKeras3(tmp.resolve("custom.h5"), true);
        assertEquals("layer 4 of 5, 'my_scale' (MyScale), is not supported: " + SUPPORTED, refusal(file));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "channels_first data               | data_format     | channels_first | data_format channels_first (only channels_last)",
            "grouped convolution               | groups          | 2              | groups=2 (grouped convolution)",
            "an activation DL4J would not match | activation     | gelu           | activation 'gelu' (supported: elu, linear, relu, selu, sigmoid, softmax, softplus, softsign, tanh)"})
    void conv2dOptionsThatCannotBeReproducedAreRefused(String what, String key, String value, String reason, @TempDir Path tmp) {
        ObjectNode conv = (ObjectNode) ConvnetVariants.input(1, 28, 28, 1).conv("conv2d_1", 4, 3, 1, "valid", "relu", true)
                .lastLayer();
        ObjectNode config = conv.with("config");
        if (key.equals("groups")) {
            config.put(key, Integer.parseInt(value));
        } else {
            config.put(key, value);
        }
        assertEquals("layer 3 of 6, 'conv2d_1' (Conv2D), is not supported: " + reason,
                refusal(convnetWith(tmp, "Conv2D", config)));
    }

    @Test
    void denseOnAFeatureMapIsRefused(@TempDir Path tmp) {
        Path file = ConvnetVariants.input(1, 28, 28, 1).conv("conv2d", 4, 3, 1, "valid", "relu", true)
                .raw("Dense", F.objectNode().put("name", "dense_on_map").put("units", 10).put("activation", "softmax"))
                .writeKeras3(tmp.resolve("dense.h5"), false);
        assertEquals("layer 3 of 3, 'dense_on_map' (Dense), is not supported: its input has 3 dimensions; Keras applies Dense"
                + " to the last one, which DL4J does not (put a Flatten before it)", refusal(file));
    }

    @Test
    void batchNormalizationOverAnotherAxisIsRefused(@TempDir Path tmp) {
        ObjectNode config = F.objectNode().put("name", "batch_normalization").put("axis", 1).put("epsilon", 0.001);
        assertEquals("layer 3 of 6, 'batch_normalization' (BatchNormalization), is not supported: axis 1 (only the last axis, the channels)",
                refusal(convnetWith(tmp, "BatchNormalization", config)));
    }

    @Test
    void theCommandLineSaysItInOneLineWithExitCode2(@TempDir Path tmp) {
        Path file = convnetWith(tmp, "LSTM", F.objectNode().put("name", "lstm").put("units", 8));
        Path zip = tmp.resolve("out.zip");
        CliRunner r = CliRunner.run("import-keras", file.toString(), "--output", zip.toString());
        assertEquals(2, r.exitCode());
        assertEquals("error: " + file + ": layer 3 of 6, 'lstm' (LSTM), is not supported: " + SUPPORTED + System.lineSeparator(), r.err());
        assertFalse(Files.exists(zip));
        CliRunner compare = CliRunner.run("compare", "--keras", file.toString());
        assertEquals(2, compare.exitCode());
        assertEquals(1, compare.err().lines().count(), compare.err());
    }
}
