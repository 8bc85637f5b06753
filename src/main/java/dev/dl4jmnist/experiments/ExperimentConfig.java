package dev.dl4jmnist.experiments;

import dev.dl4jmnist.AppException;
import dev.dl4jmnist.model.TrainingConfig;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One configuration of a sweep: a name (also the file name of its stored result) and the full
 * hyperparameters it trains with. Only batch size, hidden widths and epochs differ between the
 * configurations of one sweep; everything else comes from {@code config/training.json}.
 */
public record ExperimentConfig(String name, TrainingConfig training) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    public ExperimentConfig {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new AppException("configuration name must be 1-64 letters, digits, '.', '_' or '-' (starting with a"
                    + " letter or digit), got " + (name == null ? "nothing" : "\"" + name + "\""));
        }
        if (training == null) {
            throw new AppException("configuration " + name + " has no hyperparameters");
        }
    }

    /** A configuration named after its factors, e.g. {@code b128-h512-512-e5}. */
    public static ExperimentConfig of(TrainingConfig training) {
        return new ExperimentConfig(defaultName(training), training);
    }

    /** {@code b<batch size>-h<widths joined by '-'>-e<epochs>}. */
    public static String defaultName(TrainingConfig t) {
        return "b" + t.batchSize() + "-h" + hiddenLabel(t.hidden()) + "-e" + t.epochs();
    }

    /** Hidden widths as {@code 512-512}. */
    public static String hiddenLabel(List<Integer> hidden) {
        return hidden.stream().map(String::valueOf).collect(Collectors.joining("-"));
    }

    public int batchSize() {
        return training.batchSize();
    }

    public List<Integer> hidden() {
        return training.hidden();
    }

    public int epochs() {
        return training.epochs();
    }

    /** The factors in words: {@code batch 128, hidden 512-512, 5 epochs}. */
    public String describe() {
        return String.format(Locale.ROOT, "batch %d, hidden %s, %d epoch%s", batchSize(), hiddenLabel(hidden()),
                epochs(), epochs() == 1 ? "" : "s");
    }
}
