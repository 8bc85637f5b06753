package dev.dl4jmnist.experiments;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.dl4jmnist.AppException;
import dev.dl4jmnist.UsageException;
import dev.dl4jmnist.io.ConfigFiles;
import dev.dl4jmnist.model.NetworkRecipe;
import dev.dl4jmnist.model.MlpConfig;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The list of configurations a sweep trains, read from a file like {@code config/experiments.json}
 * or built from command-line options. Every configuration is checked when the definition is made,
 * so an invalid one is refused before any training starts.
 */
public record SweepDefinition(List<ExperimentConfig> configurations) {

    /** The file users edit; {@code ./config/experiments.json} when it exists, else the packaged copy. */
    public static final String FILE_NAME = "experiments.json";

    public SweepDefinition {
        configurations = List.copyOf(configurations);
        if (configurations.isEmpty()) {
            throw new AppException("a sweep needs at least one configuration");
        }
        Map<String, Integer> names = new HashMap<>();
        Map<NetworkRecipe, Integer> settings = new HashMap<>();
        for (int i = 0; i < configurations.size(); i++) {
            ExperimentConfig c = configurations.get(i);
            Integer same = settings.putIfAbsent(c.training(), i);
            if (same != null) {
                throw new AppException("configurations[" + i + "] repeats configurations[" + same + "] (" + c.describe()
                        + "); list each configuration once");
            }
            Integer sameName = names.putIfAbsent(c.name(), i);
            if (sameName != null) {
                throw new AppException("configurations[" + i + "] has the same name as configurations[" + sameName
                        + "] (" + c.name() + "); names must be unique");
            }
        }
    }

    /** The file's shape: top-level epochs (optional) and the configurations. */
    @JsonIgnoreProperties(value = {"_comment"})
    record FileContent(Integer epochs, List<Entry> configurations) {
    }

    /**
     * One configuration as written in the file; omitted keys take the sweep's or the network's config file's
     * values. {@code network} is {@code mlp} (the default) or {@code cnn}; {@code hidden} is the MLP's,
     * {@code augment} the CNN's.
     */
    @JsonIgnoreProperties(value = {"_comment"})
    record Entry(String name, String network, Integer batchSize, List<Integer> hidden, Boolean augment, Integer epochs) {
    }

    /** The default sweep: {@code ./config/experiments.json} when it exists, else the packaged copy. */
    public static SweepDefinition defaults() {
        ConfigFiles.Loaded<FileContent> loaded = ConfigFiles.readDefault(FILE_NAME, FileContent.class);
        return checked(loaded.value(), loaded.source());
    }

    /** Reads a sweep file; any problem is one {@link AppException} line naming the file. */
    public static SweepDefinition fromFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new UsageException("experiment file " + file + " does not exist");
        }
        return checked(ConfigFiles.read(file, FileContent.class), file.toString());
    }

    private static SweepDefinition checked(FileContent content, String source) {
        if (content.configurations() == null) {
            throw new UsageException(source + ": no \"configurations\" list");
        }
        try {
            return build(content);
        } catch (AppException e) {
            throw new UsageException(source + ": " + e.getMessage(), e);
        }
    }

    private static SweepDefinition build(FileContent content) {
        Map<String, NetworkRecipe> bases = new HashMap<>();         // each network's defaults read once, when first named
        List<ExperimentConfig> list = new ArrayList<>();
        for (int i = 0; i < content.configurations().size(); i++) {
            Entry e = content.configurations().get(i);
            if (e == null) {
                throw new AppException("configurations[" + i + "] is empty");
            }
            String network = e.network() != null ? e.network() : SweepNetworks.MLP;
            if (!bases.containsKey(network)) {
                NetworkRecipe defaults = at(i, () -> SweepNetworks.defaults(network));
                bases.put(network, content.epochs() == null ? defaults
                        : at(-1, () -> defaults.withEpochs(content.epochs())));
            }
            NetworkRecipe base = bases.get(network);
            list.add(at(i, () -> {
                NetworkRecipe t = base;
                if (e.batchSize() != null) t = t.withBatchSize(e.batchSize());
                if (e.hidden() != null) t = t.withHidden(e.hidden());
                if (e.augment() != null) t = t.withAugmentation(e.augment());
                if (e.epochs() != null) t = t.withEpochs(e.epochs());
                return e.name() != null ? new ExperimentConfig(e.name(), t) : ExperimentConfig.of(t);
            }));
        }
        return new SweepDefinition(list);
    }

    /** The batch sizes × hidden layouts given as options, each at {@code base}'s other settings. */
    public static SweepDefinition grid(MlpConfig base, List<Integer> batchSizes, List<List<Integer>> hiddenLayouts) {
        return grid(List.of(base), batchSizes, hiddenLayouts);
    }

    /**
     * Every network in {@code bases} at every batch size (none given: each network's own), the MLPs also with
     * every hidden layout (none given: the MLP's own); the CNN has no hidden layouts and takes no part in them.
     * Other settings are each base's.
     */
    public static SweepDefinition grid(List<? extends NetworkRecipe> bases, List<Integer> batchSizes,
                                       List<List<Integer>> hiddenLayouts) {
        List<ExperimentConfig> list = new ArrayList<>();
        for (NetworkRecipe base : bases) {
            List<Integer> batches = batchSizes == null || batchSizes.isEmpty() ? List.of(base.batchSize()) : batchSizes;
            List<NetworkRecipe> shapes = new ArrayList<>();
            if (!base.hidden().isEmpty() && hiddenLayouts != null && !hiddenLayouts.isEmpty()) {
                hiddenLayouts.forEach(h -> shapes.add(base.withHidden(h)));
            } else {
                shapes.add(base);
            }
            for (NetworkRecipe shape : shapes) {
                for (Integer batch : batches) {
                    if (batch == null) {
                        throw new AppException("batch sizes must be numbers");
                    }
                    list.add(ExperimentConfig.of(shape.withBatchSize(batch)));
                }
            }
        }
        return new SweepDefinition(list);
    }

    /** The same configurations, all trained for {@code epochs} epochs (names follow when they were derived). */
    public SweepDefinition withEpochs(int epochs) {
        List<ExperimentConfig> list = new ArrayList<>();
        for (ExperimentConfig c : configurations) {
            NetworkRecipe t = c.training().withEpochs(epochs);
            boolean derived = c.name().equals(ExperimentConfig.defaultName(c.training()));
            list.add(derived ? ExperimentConfig.of(t) : new ExperimentConfig(c.name(), t));
        }
        return new SweepDefinition(list);
    }

    private static <T> T at(int index, java.util.function.Supplier<T> build) {
        try {
            return build.get();
        } catch (AppException e) {
            throw new AppException((index < 0 ? "" : "configurations[" + index + "]: ") + e.getMessage(), e);
        }
    }
}
