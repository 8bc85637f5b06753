package dev.dl4jmnist.app;

import dev.dl4jmnist.persistence.ModelStore;
import dev.dl4jmnist.prediction.DigitPrediction;
import dev.dl4jmnist.prediction.DigitPredictor;
import dev.dl4jmnist.prediction.PredictionReport;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/** {@code predict}: loads a model (the latest trained one when none is named) and labels users' pictures. */
public final class PredictDigits {
    private PredictDigits() {
    }

    /**
     * @param model  a DL4J zip or Keras .h5, or null for the latest trained model in {@code models/}
     * @param images picture files and directories of pictures
     */
    public record Request(Path model, List<Path> images, DigitPredictor.Options options) {
    }

    /** Labels every picture, calling {@code each} per picture in input order as soon as it is labelled. */
    public static PredictionReport run(Request request, Consumer<DigitPrediction> each) {
        Path modelFile = request.model() != null ? request.model() : ModelStore.latest(ModelStore.MODELS_DIR);
        DigitPredictor predictor = new DigitPredictor(ModelStore.loadClassifier(modelFile), request.options());
        return new PredictionReport(modelFile, predictor.predict(request.images(), each));
    }
}
