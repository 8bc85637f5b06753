package dev.dl4jmnist.persistence;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.dl4jmnist.AppException;
import dev.dl4jmnist.io.AtomicFiles;
import dev.dl4jmnist.training.EpochStats;
import dev.dl4jmnist.model.NetworkRecipe;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The machine-readable record of one training run, written as JSON beside the model; the
 * hyperparameters say which network they are for ({@code "network": "mlp"} or {@code "cnn"}; summaries
 * written before the CNN existed have none and are the MLP's).
 */
public record RunSummary(String createdAt, String dataSource, 
                         @NetworkRecipe.Named NetworkRecipe hyperparameters, long parameters,
                         int trainExamples, int testExamples, List<EpochStats> history, Test test, Timings timings,
                         Model model, Reload reloadCheck, Training training) {

    /** Test-set loss (Keras's "Test score") and accuracy. */
    public record Test(double loss, double accuracy, int correct, int total) {
    }

    /** Wall-clock seconds and the process's peak resident memory. */
    public record Timings(double trainSeconds, double meanEpochSeconds, double totalSeconds, long peakRssBytes) {
    }

    /** The saved model file. */
    public record Model(String path, String sha256, long bytes) {
    }

    /**
     * How training went: the epoch the saved model is from, whether early stopping ended it and why it
     * stopped, the epoch it resumed after (0: none), and the seconds each checkpoint took to write.
     * Absent (null) in summaries written before early stopping and checkpoints.
     */
    public record Training(int bestEpoch, boolean stoppedEarly, String stopReason, int resumedAfterEpoch,
                           List<Double> checkpointSeconds) {
    }

    /** Saved → reloaded → same predictions? */
    public record Reload(int matching, int total, double maxAbsDifference, boolean passed) {
    }

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Writes this summary as JSON at {@code file}, atomically. */
    public void write(Path file) {
        AtomicFiles.writeStream(file, out -> MAPPER.writeValue(out, this));
    }

    public static RunSummary read(Path file) {
        try {
            return MAPPER.readValue(file.toFile(), RunSummary.class);
        } catch (IOException e) {
            throw new AppException("cannot read run summary " + file + ": " + e.getMessage(), e);
        }
    }
}
