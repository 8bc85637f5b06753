package dev.dl4jmnist.prediction;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * The label for one picture (one JSON line of {@code predict --json}): the predicted digit, its
 * probability and the three most likely digits — or, for a picture that could not be read, the error.
 *
 * @param preprocessed where the 28×28 image the model saw was saved, if asked
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DigitPrediction(String file, Integer prediction, Double probability, List<Candidate> top3,
                              String preprocessed, String error) {

    /** One digit and the model's probability for it. */
    public record Candidate(int digit, double probability) {
    }

    public static DigitPrediction labelled(String file, List<Candidate> top3, String preprocessed) {
        return new DigitPrediction(file, top3.get(0).digit(), top3.get(0).probability(), top3, preprocessed, null);
    }

    public static DigitPrediction failed(String file, String error) {
        return new DigitPrediction(file, null, null, null, null, error);
    }

    @JsonIgnore
    public boolean isFailure() {
        return error != null;
    }
}
