package dev.dl4jmnist.prediction;

import java.nio.file.Path;
import java.util.List;

/** What {@code predict} did: the model used and one result per picture, in input order. */
public record PredictionReport(Path model, List<DigitPrediction> results) {

    public long failedCount() {
        return results.stream().filter(DigitPrediction::isFailure).count();
    }

    /** Pictures answered "not a digit". */
    public long notADigitCount() {
        return results.stream().filter(r -> !r.isFailure() && !r.isDigit()).count();
    }

    /** Pictures answered (a digit or "not a digit"): all but the ones that could not be read. */
    public long labelledCount() {
        return results.size() - failedCount();
    }
}
