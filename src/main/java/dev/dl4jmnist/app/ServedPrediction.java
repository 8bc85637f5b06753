package dev.dl4jmnist.app;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.dl4jmnist.prediction.DigitPrediction;

import java.util.List;

/**
 * One answer of {@code POST /api/predict}: the same JSON object as {@code predict --json}, plus, when
 * asked for ({@code ?probabilities=true}), all ten class probabilities in digit order.
 */
public record ServedPrediction(@JsonUnwrapped DigitPrediction prediction,
                               @JsonInclude(JsonInclude.Include.NON_NULL) List<Double> probabilities) {
}
