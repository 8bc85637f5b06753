package dev.dl4jmnist.app;

import dev.dl4jmnist.evaluation.PictureAccuracy;
import dev.dl4jmnist.persistence.ModelStore;
import dev.dl4jmnist.prediction.DigitPrediction;
import dev.dl4jmnist.prediction.DigitPredictor;
import dev.dl4jmnist.prediction.LabelledPictures;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code evaluate --images}: a model's accuracy, with intervals, on a folder of labelled pictures. */
public final class EvaluatePictures {
    private EvaluatePictures() {
    }

    /** @param model a DL4J zip or Keras .h5; {@code pictures}: digit subfolders or a labels.csv */
    public record Request(Path model, Path pictures, long maxPixels) {
    }

    /**
     * The pictures found, the accuracy on those answered, the ones answered "not a digit", and the ones that could
     * not be read (with why).
     */
    public record Result(Path model, LabelledPictures pictures, PictureAccuracy accuracy, List<DigitPrediction> refused,
                         List<DigitPrediction> unlabelled) {
    }

    public static Result run(Request request) {
        LabelledPictures pictures = LabelledPictures.in(request.pictures());
        DigitPredictor predictor = new DigitPredictor(ModelStore.loadClassifier(request.model()),
                new DigitPredictor.Options(request.maxPixels(), null));
        List<DigitPrediction> answers = predictor.predict(pictures.pictures().stream().map(LabelledPictures.Picture::file).toList(), p -> {
        });
        List<Integer> predicted = new ArrayList<>();
        List<Integer> truth = new ArrayList<>();
        List<Integer> refusedTruth = new ArrayList<>();
        List<DigitPrediction> unlabelled = new ArrayList<>();
        List<DigitPrediction> refused = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            DigitPrediction answer = answers.get(i);
            int digit = pictures.pictures().get(i).digit();
            if (answer.isFailure()) {
                unlabelled.add(answer);
            } else if (!answer.isDigit()) {
                refused.add(answer);
                refusedTruth.add(digit);
            } else {
                predicted.add(answer.prediction());
                truth.add(digit);
            }
        }
        PictureAccuracy accuracy = PictureAccuracy.of(predicted.stream().mapToInt(Integer::intValue).toArray(),
                truth.stream().mapToInt(Integer::intValue).toArray(), refusedTruth.stream().mapToInt(Integer::intValue).toArray(),
                unlabelled.size());
        return new Result(request.model(), pictures, accuracy, refused, unlabelled);
    }
}
