package dev.dl4jmnist.experiments;

import dev.dl4jmnist.io.AtomicFiles;
import dev.dl4jmnist.io.WriteTogether;
import dev.dl4jmnist.visualisation.ChartFiles;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * The sweep's report files in its output directory: {@code results.csv} and {@code results.json}
 * (the table, the JSON with every epoch too) and five PNG charts. Rewritten after every finished
 * configuration, so an interrupted sweep leaves a report of what it finished.
 */
public record SweepReport(String createdAt, String dataSource, int trainExamples, int testExamples, int finished,
                          int configurations, List<String> columns, List<ExperimentResult> results) {

    public static final String CSV = "results.csv";
    public static final String JSON = "results.json";
    public static final String ACCURACY_CHART = "test-accuracy-vs-batch-size.png";
    public static final String TIME_CHART = "training-time-vs-batch-size.png";
    public static final String VALIDATION_LOSS_CHART = "validation-loss.png";
    public static final String ACCURACY_TIME_CHART = "test-accuracy-vs-training-time.png";
    public static final String ACCURACY_PARAMETERS_CHART = "test-accuracy-vs-parameters.png";

    /** Where the report files are. */
    public record Files(Path outputDir, Path csv, Path json, Path accuracyChart, Path timeChart, Path validationLossChart,
                        Path accuracyByTimeChart, Path accuracyByParametersChart) {
        public static Files in(Path dir) {
            return new Files(dir, dir.resolve(CSV), dir.resolve(JSON), dir.resolve(ACCURACY_CHART),
                    dir.resolve(TIME_CHART), dir.resolve(VALIDATION_LOSS_CHART), dir.resolve(ACCURACY_TIME_CHART),
                    dir.resolve(ACCURACY_PARAMETERS_CHART));
        }

        public List<Path> all() {
            return List.of(csv, json, accuracyChart, timeChart, validationLossChart, accuracyByTimeChart,
                    accuracyByParametersChart);
        }
    }

    /** Writes all seven files (each atomically) for {@code results}, the finished part of a sweep of {@code total}. */
    public static Files write(Path outputDir, String dataSource, SweepRequest request, List<ExperimentResult> results,
                              int total) {
        Files files = Files.in(outputDir);
        SweepReport report = new SweepReport(Instant.now().toString(), dataSource, request.trainExamples(),
                request.testExamples(), results.size(), total, ResultTable.CSV_COLUMNS, results);
        WriteTogether.run(() -> {                        // Ctrl-C never leaves charts of fewer runs than the table
            AtomicFiles.writeString(files.csv(), ResultTable.csv(results));
            AtomicFiles.writeStream(files.json(), out -> ResultStore.MAPPER.writeValue(out, report));
            ChartFiles.writePng(files.accuracyChart(), SweepCharts.accuracyByBatchSize(results));
            ChartFiles.writePng(files.timeChart(), SweepCharts.trainingTimeByBatchSize(results));
            ChartFiles.writePng(files.validationLossChart(), SweepCharts.validationLoss(results));
            ChartFiles.writePng(files.accuracyByTimeChart(), SweepCharts.accuracyByTrainingTime(results));
            ChartFiles.writePng(files.accuracyByParametersChart(), SweepCharts.accuracyByParameters(results));
        });
        return files;
    }
}
