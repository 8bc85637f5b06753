package dev.dl4jmnist.experiments;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The sweep's table, one row per configuration: as aligned text for the console and as CSV. Both
 * answer the same questions (which network, how many parameters, how long, how accurate, how many test
 * images wrong); the CSV keeps every digit and the hidden widths and test-set size, the text rounds for
 * reading and writes errors as {@code wrong/tested}.
 */
public final class ResultTable {
    /** The CSV's column headings. */
    public static final List<String> CSV_COLUMNS = List.of("configuration", "network", "batch_size", "hidden", "epochs",
            "train_seconds", "seconds_per_epoch", "final_train_loss", "test_loss", "test_accuracy", "test_errors",
            "test_examples", "parameters");

    private static final String TEXT_FORMAT = "%-22s %7s %6s %6s %10s %9s %10s %9s %9s %11s %11s";

    private ResultTable() {
    }

    /** The aligned text table. */
    public static String text(List<ExperimentResult> results) {
        int nameWidth = Math.max(22, results.stream().mapToInt(r -> r.name().length()).max().orElse(0));
        String format = TEXT_FORMAT.replace("%-22s", "%-" + nameWidth + "s");
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, format, "configuration", "network", "batch", "epochs", "train s", "s/epoch",
                "train loss", "test loss", "test acc", "errors", "parameters"));
        for (ExperimentResult r : results) {
            lines.add(String.format(Locale.ROOT, format, r.name(), r.network(), r.batchSize(), r.epochs(),
                    String.format(Locale.ROOT, "%.1f", r.trainSeconds()),
                    String.format(Locale.ROOT, "%.1f", r.secondsPerEpoch()),
                    String.format(Locale.ROOT, "%.4f", r.finalTrainLoss()),
                    String.format(Locale.ROOT, "%.4f", r.testLoss()),
                    String.format(Locale.ROOT, "%.4f", r.testAccuracy()),
                    String.format(Locale.ROOT, "%,d/%,d", r.testErrors(), r.testExamples()),
                    String.format(Locale.ROOT, "%,d", r.parameters())));
        }
        return String.join(System.lineSeparator(), lines);
    }

    /** RFC 4180 CSV with a header row; numbers at full precision. */
    public static String csv(List<ExperimentResult> results) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.join(",", CSV_COLUMNS)).append("\r\n");
        for (ExperimentResult r : results) {
            List<String> cells = List.of(quote(r.name()), r.network(), String.valueOf(r.batchSize()),
                    quote(r.hiddenLabel()), String.valueOf(r.epochs()), String.valueOf(r.trainSeconds()),
                    String.valueOf(r.secondsPerEpoch()), String.valueOf(r.finalTrainLoss()),
                    String.valueOf(r.testLoss()), String.valueOf(r.testAccuracy()), String.valueOf(r.testErrors()),
                    String.valueOf(r.testExamples()), String.valueOf(r.parameters()));
            sb.append(String.join(",", cells)).append("\r\n");
        }
        return sb.toString();
    }

    private static String quote(String cell) {
        if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
            return "\"" + cell.replace("\"", "\"\"") + "\"";
        }
        return cell;
    }
}
