package dev.dl4jmnist.kerasimport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dl4jmnist.AppException;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pins each rewrite the translator makes for DL4J's Keras importer, one difference per test. */
class KerasConfigTranslatorTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String ADAM_K2 = "{\"optimizer_config\": {\"class_name\": \"Adam\", \"config\": {\"learning_rate\": 0.001,"
            + " \"beta_1\": 0.9, \"beta_2\": 0.999, \"decay\": 0.0, \"epsilon\": 1e-07, \"amsgrad\": false}},"
            + " \"loss\": \"categorical_crossentropy\", \"metrics\": [\"accuracy\"]}";

    private static String sequential(String... layers) {
        return "{\"class_name\": \"Sequential\", \"config\": {\"name\": \"sequential\", \"layers\": [" + String.join(", ", layers) + "]}}";
    }

    private static String input(String shape) {
        return "{\"class_name\": \"InputLayer\", \"config\": {\"batch_shape\": " + shape + ", \"dtype\": \"float32\", \"name\": \"input_layer\"}}";
    }

    private static String dense(String name, int units, String extra) {
        return "{\"class_name\": \"Dense\", \"config\": {\"name\": \"" + name + "\", \"units\": " + units
                + ", \"activation\": \"softmax\", \"use_bias\": true" + extra + "}}";
    }

    private static String adamK3(String extra) {
        return "{\"loss\": \"categorical_crossentropy\", \"optimizer_config\": {\"class_name\": \"Adam\", \"config\": {\"name\": \"adam\","
                + " \"learning_rate\": 0.001, \"weight_decay\": null, \"clipnorm\": null, \"global_clipnorm\": null, \"clipvalue\": null,"
                + " \"use_ema\": false, \"beta_1\": 0.9, \"beta_2\": 0.999, \"epsilon\": 1e-07, \"amsgrad\": false" + extra + "}}}";
    }

    private static KerasConfigTranslator.Translation translate(String version, String model, String training) {
        return KerasConfigTranslator.translate("test.h5", version, "torch", model, training);
    }

    private static JsonNode json(String s) throws Exception {
        return JSON.readTree(s);
    }

    private static JsonNode layers(KerasConfigTranslator.Translation t) throws Exception {
        return json(t.modelJson()).path("config").path("layers");
    }

    @Test
    void keras3VersionIsGivenToDl4jAsKeras2AndBackendIsAdded() throws Exception {
        var t = translate("3.11.3", sequential(input("[null, 784]"), dense("dense", 10, "")), null);
        assertEquals("2", json(t.modelJson()).path("keras_version").asText());
        assertEquals("torch", json(t.modelJson()).path("backend").asText());
        assertTrue(t.changes().contains("Keras 3.11.3 presented to DL4J as Keras 2 (its importer refuses major version 3)"));
    }

    @Test
    void keras2VersionIsKeptAsItIs() throws Exception {
        var t = translate("2.3.1", sequential(dense("dense_1", 10, ", \"batch_input_shape\": [null, 784]")), ADAM_K2);
        assertEquals("2.3.1", json(t.modelJson()).path("keras_version").asText());
        assertEquals(List.of(), t.changes());
        assertEquals(json(ADAM_K2), json(t.trainingJson()));   // Keras 2 Adam has 'decay': nothing to add
    }

    @Test
    void inputLayerBatchShapeBecomesBatchInputShape() throws Exception {
        var t = translate("3.11.3", sequential(input("[null, 784]"), dense("dense", 10, "")), null);
        JsonNode inputConfig = layers(t).get(0).path("config");
        assertEquals("[null,784]", inputConfig.path("batch_input_shape").toString());
        assertFalse(inputConfig.has("batch_shape"));
    }

    @Test
    void dropoutRateIsCopiedToTheKeyDl4jReads() throws Exception {
        String dropout = "{\"class_name\": \"Dropout\", \"config\": {\"name\": \"dropout\", \"rate\": 0.25, \"seed\": null}}";
        var t = translate("3.11.3", sequential(input("[null, 784]"), dropout, dense("dense", 10, "")), null);
        JsonNode config = layers(t).get(1).path("config");
        assertEquals(0.25, config.path("dropout").asDouble());
        assertEquals(0.25, config.path("rate").asDouble());
    }

    @Test
    void keras3AdamGetsTheDecayKeyDl4jRequires() throws Exception {
        var t = translate("3.11.3", sequential(input("[null, 784]"), dense("dense", 10, "")), adamK3(""));
        assertNull(t.trainingProblem());
        assertEquals(0.0, json(t.trainingJson()).path("optimizer_config").path("config").path("decay").asDouble(-1));
        assertTrue(t.changes().contains("optimizer Adam: Keras 3 config has no 'decay' key; given as 0.0 (DL4J's importer requires it)"));
    }

    @Test
    void adagradIsSpelledTheWayDl4jsImporterSpellsIt() throws Exception {
        String adagrad = "{\"loss\": \"categorical_crossentropy\", \"optimizer_config\": {\"class_name\": \"Adagrad\", \"config\":"
                + " {\"learning_rate\": 0.01, \"initial_accumulator_value\": 0.0, \"epsilon\": 1e-07}}}";
        var t = translate("3.11.3", sequential(input("[null, 784]"), dense("dense", 10, "")), adagrad);
        assertEquals("Adgrad", json(t.trainingJson()).path("optimizer_config").path("class_name").asText());
    }

    @Test
    void optimizerOptionsDl4jCannotReproduceLeaveTheModelForInferenceOnly() {
        String model = sequential(input("[null, 784]"), dense("dense", 10, ""));
        assertEquals("Adam option weight_decay=0.004 has no DL4J equivalent in the importer",
                translate("3.11.3", model, adamK3("").replace("\"weight_decay\": null", "\"weight_decay\": 0.004")).trainingProblem());
        assertEquals("Adam option amsgrad=true is imported as plain Adam by DL4J",
                translate("3.11.3", model, adamK3("").replace("\"amsgrad\": false", "\"amsgrad\": true")).trainingProblem());
        assertEquals("Adam option clipnorm=1.0 has no DL4J equivalent in the importer",
                translate("3.11.3", model, adamK3("").replace("\"clipnorm\": null", "\"clipnorm\": 1.0")).trainingProblem());
        String sgd = "{\"loss\": \"categorical_crossentropy\", \"optimizer_config\": {\"class_name\": \"SGD\", \"config\":"
                + " {\"learning_rate\": 0.01, \"momentum\": 0.9, \"nesterov\": false}}}";
        assertEquals("SGD with classical (non-Nesterov) momentum has no DL4J updater; DL4J would use Nesterov momentum",
                translate("3.11.3", model, sgd).trainingProblem());
        String schedule = adamK3("").replace("\"learning_rate\": 0.001", "\"learning_rate\": {\"class_name\": \"ExponentialDecay\", \"config\": {}}");
        assertEquals("the Adam learning rate is a schedule, which DL4J's importer cannot map",
                translate("3.11.3", model, schedule).trainingProblem());
        String lion = "{\"loss\": \"categorical_crossentropy\", \"optimizer_config\": {\"class_name\": \"Lion\", \"config\": {\"learning_rate\": 0.001}}}";
        assertEquals("optimizer Lion cannot be mapped by DL4J's importer", translate("3.11.3", model, lion).trainingProblem());
        var none = translate("3.11.3", model, null);
        assertNull(none.trainingJson());
        assertEquals("the file has no training configuration (saved without its optimizer or never compiled)", none.trainingProblem());
    }

    @Test
    void sgdWithoutMomentumOrWithNesterovImports() throws Exception {
        String model = sequential(input("[null, 784]"), dense("dense", 10, ""));
        String plain = "{\"loss\": \"categorical_crossentropy\", \"optimizer_config\": {\"class_name\": \"SGD\", \"config\":"
                + " {\"learning_rate\": 0.01, \"momentum\": 0.0, \"nesterov\": false}}}";
        var t = translate("3.11.3", model, plain);
        assertNull(t.trainingProblem());
        assertEquals(0.0, json(t.trainingJson()).path("optimizer_config").path("config").path("decay").asDouble(-1));
    }

    @Test
    void inputAndFlattenBecomeA784ValueInput() throws Exception {
        String flatten = "{\"class_name\": \"Flatten\", \"config\": {\"name\": \"flatten\", \"data_format\": \"channels_last\"}}";
        var t = translate("3.11.3", sequential(input("[null, 28, 28]"), flatten, dense("dense", 10, "")), null);
        JsonNode layers = layers(t);
        assertEquals(2, layers.size());
        assertEquals("[null,784]", layers.get(0).path("config").path("batch_input_shape").toString());
        assertEquals("Dense", layers.get(1).path("class_name").asText());
        assertTrue(t.changes().contains("Input(shape=(28, 28)) + Flatten() replaced by a 784-value input (same row-major order)"));
    }

    @Test
    void keras2FlattenWithInputShapeBecomesA784ValueInput() throws Exception {
        String flatten = "{\"class_name\": \"Flatten\", \"config\": {\"name\": \"flatten_1\", \"batch_input_shape\": [null, 28, 28, 1]}}";
        var t = translate("2.3.1", sequential(flatten, dense("dense_1", 10, "")), ADAM_K2);
        JsonNode layers = layers(t);
        assertEquals(1, layers.size());
        assertEquals("[null,784]", layers.get(0).path("config").path("batch_input_shape").toString());
    }

    @Test
    void keras3FunctionalNodesBecomeKeras2NodeListsAndFlattenIsRewired() throws Exception {
        String model = "{\"class_name\": \"Functional\", \"config\": {\"name\": \"functional\", \"layers\": ["
                + "{\"class_name\": \"InputLayer\", \"name\": \"input_layer\", \"config\": {\"batch_shape\": [null, 28, 28], \"name\": \"input_layer\"}, \"inbound_nodes\": []},"
                + "{\"class_name\": \"Flatten\", \"name\": \"flatten\", \"config\": {\"name\": \"flatten\"}, \"inbound_nodes\": [{\"args\": [{\"class_name\": \"__keras_tensor__\","
                + " \"config\": {\"shape\": [null, 28, 28], \"dtype\": \"float32\", \"keras_history\": [\"input_layer\", 0, 0]}}], \"kwargs\": {}}]},"
                + "{\"class_name\": \"Dense\", \"name\": \"dense\", \"config\": {\"name\": \"dense\", \"units\": 10, \"activation\": \"softmax\"}, \"inbound_nodes\": [{\"args\":"
                + " [{\"class_name\": \"__keras_tensor__\", \"config\": {\"shape\": [null, 784], \"dtype\": \"float32\", \"keras_history\": [\"flatten\", 0, 0]}}], \"kwargs\": {}}]}],"
                + " \"input_layers\": [\"input_layer\", 0, 0], \"output_layers\": [\"dense\", 0, 0]}}";
        var t = translate("3.11.3", model, null);
        assertTrue(t.functional());
        JsonNode root = json(t.modelJson());
        JsonNode layers = root.path("config").path("layers");
        assertEquals(2, layers.size());
        assertEquals("[[[\"input_layer\",0,0,{}]]]", layers.get(1).path("inbound_nodes").toString());
        assertEquals("[[\"input_layer\",0,0]]", root.path("config").path("input_layers").toString());
        assertEquals("[[\"dense\",0,0]]", root.path("config").path("output_layers").toString());
        assertEquals("[null,784]", layers.get(0).path("config").path("batch_input_shape").toString());
    }

    private static String conv(String name, String extra) {
        return "{\"class_name\": \"Conv2D\", \"config\": {\"name\": \"" + name + "\", \"filters\": 4, \"kernel_size\": [3, 3],"
                + " \"strides\": [1, 1], \"padding\": \"valid\", \"data_format\": \"channels_last\", \"activation\": \"relu\","
                + " \"use_bias\": true" + extra + "}}";
    }

    private static final String FLATTEN = "{\"class_name\": \"Flatten\", \"config\": {\"name\": \"flatten\", \"data_format\": \"channels_last\"}}";

    @Test
    void imageInputIsGiven784PixelValuesAndAReshapeBeforeTheFirstConvolution() throws Exception {
        var t = translate("3.11.3", sequential(input("[null, 28, 28, 1]"), conv("conv2d", ""), FLATTEN, dense("dense", 10, "")), null);
        JsonNode layers = layers(t);
        assertEquals("[null,784]", layers.get(0).path("config").path("batch_input_shape").toString());
        assertEquals("Reshape", layers.get(1).path("class_name").asText());
        assertEquals("[28,28,1]", layers.get(1).path("config").path("target_shape").toString());
        assertEquals("Conv2D", layers.get(2).path("class_name").asText());
        assertTrue(t.changes().contains("Input(shape=(28, 28, 1)) given as 784 pixel values followed by Reshape((28, 28, 1)) named"
                + " 'mnist_pixels_to_image' (the application feeds flat pixels; same row-major order, so the first layer sees the same image)"));
    }

    @Test
    void keras2FirstConvolutionHoldingTheInputShapeGetsTheReshapeInFrontOfIt() throws Exception {
        var t = translate("2.2.4", sequential(conv("conv2d_1", ", \"batch_input_shape\": [null, 28, 28, 1]"), FLATTEN, dense("dense_1", 10, "")), null);
        JsonNode layers = layers(t);
        assertEquals("Reshape", layers.get(0).path("class_name").asText());
        assertEquals("[null,784]", layers.get(0).path("config").path("batch_input_shape").toString());
        assertTrue(layers.get(1).path("config").path("batch_input_shape").isMissingNode());
    }

    @Test
    void reshapeWithAMinusOneIsGivenTheSizeKerasWorksOut() throws Exception {
        String reshape = "{\"class_name\": \"Reshape\", \"config\": {\"name\": \"reshape\", \"target_shape\": [-1, 28, 1]}}";
        var t = translate("3.11.3", sequential(input("[null, 784]"), reshape, conv("conv2d", ""), FLATTEN, dense("dense", 10, "")), null);
        assertEquals("[28,28,1]", layers(t).get(1).path("config").path("target_shape").toString());
        assertTrue(t.changes().contains("Reshape 'reshape' target (-1, 28, 1) given as (28, 28, 1) (DL4J's importer cannot work out a -1 size)"),
                t.changes().toString());
    }

    @Test
    void batchNormalizationWithoutScaleIsGivenGammaOneAndCannotTrainOn() throws Exception {
        String bn = "{\"class_name\": \"BatchNormalization\", \"config\": {\"name\": \"bn\", \"axis\": -1, \"epsilon\": 0.001,"
                + " \"center\": true, \"scale\": false}}";
        var t = translate("3.11.3", sequential(input("[null, 784]"), bn, dense("dense", 10, "")), adamK3(""));
        assertTrue(layers(t).get(1).path("config").path("scale").asBoolean());
        assertNull(t.trainingJson());
        assertEquals("BatchNormalization 'bn' has no scale or centre: Keras keeps them at 1 and 0, DL4J would train them", t.trainingProblem());
    }

    @Test
    void anInputWithOpenSizesIsRefusedAsAnInputNotAsALayer() {
        var e = assertThrows(AppException.class, () -> translate("3.11.3",
                sequential(input("[null, null, null, 1]"), conv("conv2d", ""), FLATTEN, dense("dense", 10, "")), null));
        assertEquals("test.h5: the model's input shape (None, None, 1) does not fit MNIST (784 pixel values, 28×28×1, or 28×28"
                + " followed by Flatten or Reshape)", e.getMessage());
    }

    @Test
    void inputsThatDoNotFitMnistAreRefusedWithTheShape() {
        var e = assertThrows(AppException.class, () -> translate("3.11.3", sequential(input("[null, 100]"), dense("dense", 10, "")), null));
        assertEquals("test.h5: the model's input shape (100,) does not fit MNIST (784 pixel values, 28×28×1, or 28×28 followed by Flatten or Reshape)", e.getMessage());
        var e2 = assertThrows(AppException.class, () -> translate("3.11.3", sequential(input("[null, 28, 28]"), dense("dense", 10, "")), null));
        // a Dense layer straight on a 28×28 input is applied row by row in Keras: refused as unsupported, before the input check
        assertEquals("test.h5: layer 2 of 2, 'dense' (Dense), is not supported: its input has 2 dimensions; Keras applies Dense to"
                + " the last one, which DL4J does not (put a Flatten before it)", e2.getMessage());
        var e3 = assertThrows(AppException.class, () -> translate("2.3.1", sequential(dense("dense", 10, "")), null));
        assertEquals("test.h5: the model does not record its input shape, so it cannot be checked against MNIST", e3.getMessage());
    }

    @Test
    void otherModelClassesAreRefused() {
        var e = assertThrows(AppException.class, () -> translate("3.11.3", "{\"class_name\": \"MyModel\", \"config\": {}}", null));
        assertEquals("test.h5: Keras model class 'MyModel' cannot be imported (only Sequential and Functional-API models can)", e.getMessage());
    }

    @Test
    void theRealKeras3FileNeedsExactlyTheKnownRewrites() {
        var t = KerasConfigTranslator.translate(KerasFile.read(Path.of("models/keras/keras-3.11.3-torch/trained_model.h5")));
        assertEquals(List.of(
                "Keras 3.11.3 presented to DL4J as Keras 2 (its importer refuses major version 3)",
                "InputLayer batch_shape renamed to batch_input_shape (Keras 3 → Keras 2 key)",
                "Dropout rate copied to the 'dropout' key DL4J reads (otherwise its Dropout layers keep every activation)",
                "optimizer Adam: Keras 3 config has no 'decay' key; given as 0.0 (DL4J's importer requires it)"), t.changes());
        assertEquals("Sequential", t.modelClass());
    }

    @Test
    void theRealKeras2FileNeedsOnlyTheDropoutFix() {
        var t = KerasConfigTranslator.translate(KerasFile.read(Path.of("models/keras/keras-2.3.1-theano/trained_model.h5")));
        assertEquals(List.of("Dropout rate copied to the 'dropout' key DL4J reads (otherwise its Dropout layers keep every activation)"),
                t.changes());
    }
}
