package dev.dl4jmnist.prediction;

import java.nio.file.Path;
import java.util.List;

/** What {@code predict} did: the model used and one result per picture, in input order. */
public record PredictionReport(Path model, List<DigitPrediction> results) {

    public long failedCount() {
        return results.stream().filter(DigitPrediction::isFailure).count();
    }

    public long labelledCount() {
        return results.size() - failedCount();
    }
}
