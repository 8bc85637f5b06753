package dev.dl4jmnist.experiments;

import dev.dl4jmnist.AppException;
import dev.dl4jmnist.model.NetworkRecipe;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One configuration of a sweep: a name (also the file name of its stored result), the network and the
 * full settings it trains with. Within one network only batch size, hidden widths (MLP), augmentation
 * (CNN) and epochs differ between configurations; everything else comes from the network's config file
 * ({@code config/training.json} or {@code config/training-cnn.json}).
 */
public record ExperimentConfig(String name, NetworkRecipe training) {
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

    /** A configuration named after its factors, e.g. {@code b128-h512-512-e5} or {@code cnn-b128-e5}. */
    public static ExperimentConfig of(NetworkRecipe training) {
        return new ExperimentConfig(defaultName(training), training);
    }

    /**
     * The MLP's {@code b<batch size>-h<widths joined by '-'>-e<epochs>} (as before the CNN, so earlier
     * results are still found); the CNN's {@code cnn-b<batch size>-e<epochs>}, with {@code -noaug} when
     * its images are not varied.
     */
    public static String defaultName(NetworkRecipe t) {
        if (t.hidden().isEmpty()) {
            return t.networkName() + "-b" + t.batchSize() + "-e" + t.epochs() + (t.augmented() ? "" : "-noaug");
        }
        return "b" + t.batchSize() + "-h" + hiddenLabel(t.hidden()) + "-e" + t.epochs();
    }

    /** Hidden widths as {@code 512-512}; empty for a network without them. */
    public static String hiddenLabel(List<Integer> hidden) {
        return hidden.stream().map(String::valueOf).collect(Collectors.joining("-"));
    }

    /** {@code mlp} or {@code cnn}. */
    public String network() {
        return training.networkName();
    }

    public int batchSize() {
        return training.batchSize();
    }

    /** The MLP's hidden widths; empty for the CNN. */
    public List<Integer> hidden() {
        return training.hidden();
    }

    public int epochs() {
        return training.epochs();
    }

    /** The factors in words: {@code mlp, batch 128, hidden 512-512, 5 epochs} or {@code cnn, batch 128, augmented, 5 epochs}. */
    public String describe() {
        return String.format(Locale.ROOT, "%s, batch %d, %s", network(), batchSize(), shape(training));
    }

    /** What the network is apart from its batch size: {@code hidden 512-512, 5 epochs} or {@code augmented, 5 epochs}. */
    static String shape(NetworkRecipe t) {
        return String.format(Locale.ROOT, "%s, %d epoch%s", t.layout(), t.epochs(), t.epochs() == 1 ? "" : "s");
    }
}
