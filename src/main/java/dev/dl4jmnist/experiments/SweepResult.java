package dev.dl4jmnist.experiments;

import java.nio.file.Path;
import java.util.List;

/** A sweep's outcome: one result per configuration (in the sweep's order), which were reused, and the files written. */
public record SweepResult(List<ExperimentResult> results, List<String> skipped, SweepReport.Files files) {

    public SweepResult {
        results = List.copyOf(results);
        skipped = List.copyOf(skipped);
    }

    public Path outputDir() {
        return files.outputDir();
    }
}
