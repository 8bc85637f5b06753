package dev.dl4jmnist.app;

import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The loaded models and their versions, the one list that the page, both APIs and the metrics read. A model's
 * versions are replaced as a whole, atomically: a request sees the set before a swap or the set after it, and
 * keeps the version it found until it has answered.
 */
public final class ModelRegistry {
    /** The loaded versions of one model; requests that name no version get {@link #latest()}. */
    public record Versions(String name, NavigableMap<Long, ServedModel> byVersion) {
        public Versions {
            if (byVersion.isEmpty()) {
                throw new IllegalArgumentException("a model needs at least one version");
            }
            byVersion = Collections.unmodifiableNavigableMap(new TreeMap<>(byVersion));
        }

        public ServedModel latest() {
            return byVersion.lastEntry().getValue();
        }

        public List<Long> versions() {
            return List.copyOf(byVersion.keySet());
        }
    }

    private final ConcurrentSkipListMap<String, Versions> models = new ConcurrentSkipListMap<>();

    /** Every loaded model, by name. */
    public List<Versions> all() {
        return List.copyOf(models.values());
    }

    public Optional<Versions> find(String name) {
        return Optional.ofNullable(name != null ? models.get(name) : null);
    }

    /** The named version, or the latest when {@code version} is null. */
    public Optional<ServedModel> find(String name, Long version) {
        return find(name).map(v -> version == null ? v.latest() : v.byVersion().get(version));
    }

    void put(Versions versions) {
        models.put(versions.name(), versions);
    }

    void remove(String name) {
        models.remove(name);
    }
}
