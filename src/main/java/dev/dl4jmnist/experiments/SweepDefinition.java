package dev.dl4jmnist.experiments;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.dl4jmnist.AppException;
import dev.dl4jmnist.model.TrainingConfig;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The list of configurations a sweep trains, read from a file like {@code config/experiments.json}
 * or built from command-line options. Every configuration is checked when the definition is made,
 * so an invalid one is refused before any training starts.
 */
public record SweepDefinition(List<ExperimentConfig> configurations) {

    /** The packaged copy of {@code config/experiments.json}. */
    public static final String DEFAULTS_RESOURCE = "/config/experiments.json";

    public SweepDefinition {
        configurations = List.copyOf(configurations);
        if (configurations.isEmpty()) {
            throw new AppException("a sweep needs at least one configuration");
        }
        Map<String, Integer> names = new HashMap<>();
        Map<TrainingConfig, Integer> settings = new HashMap<>();
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

    /** One configuration as written in the file; omitted keys take the sweep's or training.json's values. */
    @JsonIgnoreProperties(value = {"_comment"})
    record Entry(String name, Integer batchSize, List<Integer> hidden, Integer epochs) {
    }

    /** The default sweep, from the packaged {@code config/experiments.json}. */
    public static SweepDefinition defaults() {
        try (InputStream in = SweepDefinition.class.getResourceAsStream(DEFAULTS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(DEFAULTS_RESOURCE + " is missing from the application");
            }
            return parse(in, DEFAULTS_RESOURCE);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + DEFAULTS_RESOURCE + ": " + e.getMessage(), e);
        }
    }

    /** Reads a sweep file; any problem is one {@link AppException} line naming the file. */
    public static SweepDefinition fromFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new AppException("experiment file " + file + " does not exist");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, file.toString());
        } catch (IOException e) {
            throw new AppException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static SweepDefinition parse(InputStream in, String source) throws IOException {
        FileContent content;
        try {
            content = mapper().readValue(in, FileContent.class);
        } catch (UnrecognizedPropertyException e) {
            String known = e.getKnownPropertyIds().stream().map(String::valueOf).filter(k -> !k.equals("_comment"))
                    .sorted().collect(Collectors.joining(", "));
            throw new AppException(source + ": unknown key \"" + e.getPropertyName() + "\" in " + where(e)
                    + " (known keys: " + known + ")", e);
        } catch (JacksonException e) {
            JsonLocation at = e.getLocation();
            String line = at != null && at.getLineNr() > 0 ? " line " + at.getLineNr() : "";
            throw new AppException(source + line + ": " + e.getOriginalMessage(), e);
        }
        if (content == null || content.configurations() == null) {
            throw new AppException(source + ": no \"configurations\" list");
        }
        try {
            return build(content);
        } catch (AppException e) {
            throw new AppException(source + ": " + e.getMessage(), e);
        }
    }

    private static SweepDefinition build(FileContent content) {
        TrainingConfig base = TrainingConfig.defaults();
        if (content.epochs() != null) {
            base = at(-1, () -> TrainingConfig.defaults().withEpochs(content.epochs()));
        }
        List<ExperimentConfig> list = new ArrayList<>();
        for (int i = 0; i < content.configurations().size(); i++) {
            Entry e = content.configurations().get(i);
            if (e == null) {
                throw new AppException("configurations[" + i + "] is empty");
            }
            TrainingConfig b = base;
            list.add(at(i, () -> {
                TrainingConfig t = b;
                if (e.batchSize() != null) t = t.withBatchSize(e.batchSize());
                if (e.hidden() != null) t = t.withHidden(e.hidden());
                if (e.epochs() != null) t = t.withEpochs(e.epochs());
                return e.name() != null ? new ExperimentConfig(e.name(), t) : ExperimentConfig.of(t);
            }));
        }
        return new SweepDefinition(list);
    }

    /** The batch sizes × hidden layouts given as options, each at {@code base}'s other settings. */
    public static SweepDefinition grid(TrainingConfig base, List<Integer> batchSizes, List<List<Integer>> hiddenLayouts) {
        List<Integer> batches = batchSizes == null || batchSizes.isEmpty() ? List.of(base.batchSize()) : batchSizes;
        List<List<Integer>> layouts = hiddenLayouts == null || hiddenLayouts.isEmpty() ? List.of(base.hidden()) : hiddenLayouts;
        List<ExperimentConfig> list = new ArrayList<>();
        for (List<Integer> hidden : layouts) {
            for (Integer batch : batches) {
                if (batch == null) {
                    throw new AppException("batch sizes must be numbers");
                }
                list.add(ExperimentConfig.of(base.withHidden(hidden).withBatchSize(batch)));
            }
        }
        return new SweepDefinition(list);
    }

    /** The same configurations, all trained for {@code epochs} epochs (names follow when they were derived). */
    public SweepDefinition withEpochs(int epochs) {
        List<ExperimentConfig> list = new ArrayList<>();
        for (ExperimentConfig c : configurations) {
            TrainingConfig t = c.training().withEpochs(epochs);
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

    private static String where(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        List<JsonMappingException.Reference> path = e.getPath();
        for (int i = 0; i < path.size() - 1; i++) {         // the last reference is the unknown key itself
            JsonMappingException.Reference r = path.get(i);
            if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            } else {
                sb.append(sb.length() == 0 ? "" : ".").append(r.getFieldName());
            }
        }
        return sb.length() == 0 ? "the top level" : sb.toString();
    }

    private static ObjectMapper mapper() {
        return new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    }
}
