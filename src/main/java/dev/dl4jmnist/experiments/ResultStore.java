package dev.dl4jmnist.experiments;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.dl4jmnist.io.AtomicFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Keeps each finished configuration's result as {@code runs/<name>.json} in the sweep's output
 * directory, written the moment it finishes, so an interrupted sweep loses only the configuration
 * it was training and a rerun can skip the ones already done.
 */
public final class ResultStore {
    /** The folder, inside the output directory, holding one JSON file per finished configuration. */
    public static final String RUNS = "runs";

    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path runs;

    public ResultStore(Path outputDir) {
        this.runs = outputDir.resolve(RUNS);
    }

    public Path fileFor(String name) {
        return runs.resolve(name + ".json");
    }

    public void save(ExperimentResult result) {
        AtomicFiles.writeStream(fileFor(result.name()), out -> MAPPER.writeValue(out, result));
    }

    /**
     * The stored result of {@code c}, if one exists and was trained with the same settings on the same
     * numbers of images; anything else (absent, unreadable, other settings) means "train it".
     */
    public Optional<ExperimentResult> finished(ExperimentConfig c, int trainExamples, int testExamples) {
        Path file = fileFor(c.name());
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            ExperimentResult stored = MAPPER.readValue(file.toFile(), ExperimentResult.class);
            return stored.matches(c, trainExamples, testExamples) ? Optional.of(stored) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
