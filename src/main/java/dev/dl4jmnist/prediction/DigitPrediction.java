package dev.dl4jmnist.prediction;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.dl4jmnist.model.DigitAnswer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The answer for one picture (one JSON line of {@code predict --json}, one answer of {@code POST /api/predict}):
 * <ul>
 *   <li>a digit: {@code prediction}, its {@code probability} and the three most likely digits ({@code top3});</li>
 *   <li>not a digit: {@code notADigit} true, {@code prediction} absent, the {@code reason}, and, when the model
 *       saw the picture, its {@code bestGuess} with {@code probability} and {@code top3} all the same;</li>
 *   <li>a file that could not be read as a picture: the {@code error} alone.</li>
 * </ul>
 * {@code calibrated} says whether the probabilities are calibrated (see {@code train --held-out}).
 *
 * @param preprocessed where the 28×28 image the model saw was saved (or the image itself), if asked
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"file", "prediction", "notADigit", "reason", "bestGuess", "probability", "top3", "calibrated",
        "preprocessed", "error"})
public record DigitPrediction(String file, Integer prediction, Boolean notADigit, String reason, Integer bestGuess,
                              Double probability, List<Candidate> top3, Boolean calibrated, String preprocessed,
                              String error) {

    /** Why a picture the model saw is not a digit. */
    public static final String UNLIKE_DIGITS = "unlike the digits the model knows: its calibrated probability is below its threshold";

    /** One digit and the model's probability for it. */
    public record Candidate(int digit, double probability) {
    }

    /** The model's answer for a picture it saw: a digit, or not a digit with its best guess. */
    public static DigitPrediction of(String file, DigitAnswer answer, String preprocessed) {
        List<Candidate> top3 = top3(answer.probabilities());
        Candidate best = top3.get(0);
        if (answer.digit()) {
            return new DigitPrediction(file, best.digit(), false, null, null, best.probability(), top3, answer.calibrated(),
                    preprocessed, null);
        }
        return new DigitPrediction(file, null, true, UNLIKE_DIGITS, best.digit(), best.probability(), top3,
                answer.calibrated(), preprocessed, null);
    }

    /** Not a digit, found before the model was asked (a blank page): the reason alone. */
    public static DigitPrediction blank(String file, String reason) {
        return new DigitPrediction(file, null, true, reason, null, null, null, null, null, null);
    }

    public static DigitPrediction failed(String file, String error) {
        return new DigitPrediction(file, null, null, null, null, null, null, null, null, error);
    }

    /** The same answer with the preprocessed picture (a path or a base64 PNG) set. */
    public DigitPrediction withPreprocessed(String value) {
        return new DigitPrediction(file, prediction, notADigit, reason, bestGuess, probability, top3, calibrated, value, error);
    }

    /** The three most probable digits, most probable first (ties: lower digit first). */
    public static List<Candidate> top3(float[] probabilities) {
        List<Candidate> all = new ArrayList<>();
        for (int d = 0; d < probabilities.length; d++) {
            // the model computes in float: report the float's shortest decimal, not its widened binary expansion
            all.add(new Candidate(d, Double.parseDouble(Float.toString(probabilities[d]))));
        }
        all.sort(Comparator.comparingDouble(Candidate::probability).reversed().thenComparingInt(Candidate::digit));
        return List.copyOf(all.subList(0, 3));
    }

    /** Whether the file could not be read as a picture (an error, not an answer). */
    @JsonIgnore
    public boolean isFailure() {
        return error != null;
    }

    /** Whether the answer is a digit. */
    @JsonIgnore
    public boolean isDigit() {
        return prediction != null;
    }
}
