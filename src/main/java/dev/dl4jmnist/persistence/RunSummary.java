package dev.dl4jmnist.persistence;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.dl4jmnist.AppException;
import dev.dl4jmnist.io.AtomicFiles;
import dev.dl4jmnist.run.TutorialResult;
import dev.dl4jmnist.training.EpochStats;
import dev.dl4jmnist.training.TrainingConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** The machine-readable record of one training run, written as JSON beside the model. */
public record RunSummary(String createdAt, String dataSource, TrainingConfig hyperparameters, long parameters,
                         int trainExamples, int testExamples, List<EpochStats> history, Test test, Timings timings,
                         Model model, Reload reloadCheck) {

    /** Test-set loss (Keras's "Test score") and accuracy. */
    public record Test(double loss, double accuracy, int correct, int total) {
    }

    /** Wall-clock seconds and the process's peak resident memory. */
    public record Timings(double trainSeconds, double meanEpochSeconds, double totalSeconds, long peakRssBytes) {
    }

    /** The saved model file. */
    public record Model(String path, String sha256, long bytes) {
    }

    /** Saved → reloaded → same predictions? */
    public record Reload(int matching, int total, double maxAbsDifference, boolean passed) {
    }

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public static RunSummary of(TutorialResult r) {
        long bytes;
        try {
            bytes = Files.size(r.modelPath());
        } catch (IOException e) {
            bytes = -1;
        }
        return new RunSummary(Instant.now().toString(), r.data().source(), r.config(), r.parameters(),
                r.shapes().trainExamples(), r.shapes().testExamples(), r.history(),
                new Test(r.test().loss(), r.test().accuracy(), r.test().correctCount(), r.test().size()),
                new Timings(r.trainSeconds(), r.trainSeconds() / Math.max(1, r.history().size()), r.totalSeconds(),
                        r.peakRssBytes()),
                new Model(r.modelPath().toAbsolutePath().normalize().toString(), r.modelSha256(), bytes),
                new Reload(r.reload().matching(), r.reload().total(), r.reload().maxAbsDifference(), r.reload().allMatch()));
    }

    public static void write(TutorialResult result) {
        RunSummary summary = of(result);
        AtomicFiles.writeStream(result.summaryPath(), out -> MAPPER.writeValue(out, summary));
    }

    public static RunSummary read(Path file) {
        try {
            return MAPPER.readValue(file.toFile(), RunSummary.class);
        } catch (IOException e) {
            throw new AppException("cannot read run summary " + file + ": " + e.getMessage(), e);
        }
    }
}
