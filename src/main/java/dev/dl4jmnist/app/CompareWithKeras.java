package dev.dl4jmnist.app;

import dev.dl4jmnist.evaluation.PredictionMatch;
import dev.dl4jmnist.AppException;
import dev.dl4jmnist.data.MnistData;
import dev.dl4jmnist.data.MnistImages;
import dev.dl4jmnist.evaluation.EvaluationResult;
import dev.dl4jmnist.evaluation.Evaluator;
import dev.dl4jmnist.persistence.ModelStore;
import dev.dl4jmnist.visualisation.DigitGrid;
import dev.dl4jmnist.visualisation.DigitTile;
import dev.dl4jmnist.kerasimport.ImportedKerasModel;
import dev.dl4jmnist.kerasimport.KerasReference;
import dev.dl4jmnist.model.DigitClassifier;
import org.deeplearning4j.nn.api.Model;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code compare}: a Keras {@code .h5} model and a DL4J-trained model evaluated on the same 10,000 MNIST
 * test images; how far the imported Keras model is from Keras's own saved predictions; where the two
 * models' predicted classes differ, with a 3×3 picture of the first disagreements.
 */
public final class CompareWithKeras {
    /** The shipped Keras 2 file, used when no {@code --keras} file is given. */
    public static final Path DEFAULT_KERAS = Path.of("models", "keras", "keras-2.3.1-theano", "trained_model.h5");
    /** Images in the disagreement picture. */
    public static final int GRID_TILES = 9;
    /** Columns of the disagreement picture. */
    private static final int GRID_COLUMNS = 3;

    private CompareWithKeras() {
    }

    /**
     * @param dl4jModel         the DL4J model zip; when it does not exist and {@code dl4jModelExplicit} is false,
     *                          the Keras model is evaluated alone
     * @param dataDir           MNIST directory, or null to search
     * @param grid              where to write the disagreement picture
     */
    public record Request(Path kerasFile, Path dl4jModel, boolean dl4jModelExplicit, Path dataDir, Path grid) {
        /** A request for {@code dl4jModel}, or, when it is null, the latest trained model in {@code models/} if there is one. */
        public static Request of(Path kerasFile, Path dl4jModel, Path dataDir, Path grid) {
            Path model = dl4jModel != null ? dl4jModel
                    : ModelStore.latestTrained(ModelStore.MODELS_DIR).orElse(ModelStore.DEFAULT_MODEL);
            return new Request(kerasFile, model, dl4jModel != null, dataDir, grid);
        }
    }

    /** One test image on which the two models predict different classes. */
    public record Disagreement(int index, int kerasClass, int dl4jClass, int label) {
        public String title() {
            return "Keras " + kerasClass + ", DL4J " + dl4jClass + ", Class " + label;
        }
    }

    /**
     * @param savedPredictions   imported model vs Keras's own saved probabilities, or null when none sit beside the file
     * @param dl4j               the DL4J network, or null when there is none
     * @param dl4jTest           its test results, or null
     * @param agreeing           test images on which both models predict the same class (0 without a DL4J model)
     * @param grid               the disagreement picture, or null when nothing was drawn
     */
    public record Result(MnistData data, ImportedKerasModel keras, EvaluationResult kerasTest, KerasReference reference,
                         PredictionMatch savedPredictions, Path dl4jPath, Model dl4j,
                         EvaluationResult dl4jTest, int agreeing, List<Disagreement> disagreements, Path grid) {
        public boolean hasDl4j() {
            return dl4j != null;
        }
    }

    public static Result run(Request request) {
        if (request.dl4jModelExplicit() && !Files.isRegularFile(request.dl4jModel())) {
            throw new AppException("DL4J model " + request.dl4jModel() + " does not exist");
        }
        ImportedKerasModel keras = ModelStore.importKeras(request.kerasFile());
        Model dl4j = Files.isRegularFile(request.dl4jModel()) ? ModelStore.load(request.dl4jModel()) : null;
        MnistData data = MnistData.locate(request.dataDir());
        DataSetIterator test = data.test(Evaluator.EVAL_BATCH, MnistData.TEST_SIZE);

        EvaluationResult kerasTest = Evaluator.evaluate(DigitClassifier.of(keras.model()), test);
        KerasReference reference = KerasReference.besides(request.kerasFile());
        PredictionMatch saved = reference.hasProbabilities()
                ? PredictionMatch.of(kerasTest.probabilities(), reference.probabilities()) : null;
        if (dl4j == null) {
            return new Result(data, keras, kerasTest, reference, saved, request.dl4jModel(), null, null, 0, List.of(), null);
        }
        EvaluationResult dl4jTest = Evaluator.evaluate(DigitClassifier.of(dl4j), test);
        List<Disagreement> disagreements = new ArrayList<>();
        for (int i = 0; i < kerasTest.size(); i++) {
            if (kerasTest.predicted()[i] != dl4jTest.predicted()[i]) {
                disagreements.add(new Disagreement(i, kerasTest.predicted()[i], dl4jTest.predicted()[i], kerasTest.labels()[i]));
            }
        }
        Path grid = null;
        if (!disagreements.isEmpty()) {
            MnistImages images = data.testImages();
            List<DigitTile> tiles = disagreements.stream().limit(GRID_TILES)
                    .map(d -> new DigitTile(images.pixels()[d.index()], d.title())).toList();
            DigitGrid.writePng(request.grid(), tiles, GRID_COLUMNS);
            grid = request.grid();
        }
        return new Result(data, keras, kerasTest, reference, saved, request.dl4jModel(), dl4j, dl4jTest,
                kerasTest.size() - disagreements.size(), List.copyOf(disagreements), grid);
    }
}
