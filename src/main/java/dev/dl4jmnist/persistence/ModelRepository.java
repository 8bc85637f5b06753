package dev.dl4jmnist.persistence;

import dev.dl4jmnist.AppException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A model repository laid out as Triton lays out its own: {@code DIR/NAME/VERSION/} holds one model file (a DL4J
 * zip or a Keras .h5, any file name), VERSION a positive integer. Lists names and versions; loading stays with
 * {@link ModelStore}. Other entries (files beside the models, directories whose names are not versions, hidden
 * files) are not models and are skipped, as Triton skips them.
 */
public final class ModelRepository {
    /** A model's name: letters, digits, '_', '-' and '.', not starting with '.', at most 64 characters. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}");
    /** A version directory's name: a positive integer without leading zeros, at most 18 digits. */
    private static final Pattern VERSION = Pattern.compile("[1-9][0-9]{0,17}");

    /** One version of a model in the repository: where its model file is. */
    public record VersionFile(String name, long version, Path file) {
    }

    private final Path root;

    public ModelRepository(Path root) {
        if (!Files.isDirectory(root)) {
            throw new AppException("model store " + root + " is not a directory");
        }
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    /** Whether {@code name} can name a model (and so a directory right under the root, never outside it). */
    public static boolean isValidName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    /** The names of the models in the repository (directories with a valid name), in name order. */
    public List<String> names() {
        try (Stream<Path> entries = Files.list(root)) {
            return entries.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(ModelRepository::isValidName).sorted().toList();
        } catch (IOException e) {
            throw new AppException("cannot list the model store " + root + ": " + e.getMessage(), e);
        }
    }

    /** Whether the repository has a directory for {@code name}. */
    public boolean contains(String name) {
        return isValidName(name) && Files.isDirectory(root.resolve(name));
    }

    /**
     * The versions of model {@code name}, lowest first; empty when it has none.
     *
     * @throws AppException (one line) when the name is not valid, the model is not there, or a version directory
     *                      does not hold exactly one model file
     */
    public List<VersionFile> versions(String name) {
        if (!contains(name)) {
            throw new AppException("model store " + root + " has no model '" + name + "'");
        }
        Path dir = root.resolve(name);
        List<VersionFile> out = new ArrayList<>();
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path versionDir : entries.filter(Files::isDirectory)
                    .filter(p -> VERSION.matcher(p.getFileName().toString()).matches()).toList()) {
                out.add(new VersionFile(name, Long.parseLong(versionDir.getFileName().toString()), modelFile(versionDir)));
            }
        } catch (IOException e) {
            throw new AppException("cannot list " + dir + ": " + e.getMessage(), e);
        }
        out.sort(Comparator.comparingLong(VersionFile::version));
        return out;
    }

    /** The one model file in a version directory (hidden files aside). */
    private static Path modelFile(Path versionDir) throws IOException {
        List<Path> files;
        try (Stream<Path> entries = Files.list(versionDir)) {
            files = entries.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        }
        if (files.size() != 1 || !Files.isRegularFile(files.get(0))) {
            throw new AppException(versionDir + " must hold one model file (a DL4J zip or a Keras .h5), but holds "
                    + (files.isEmpty() ? "nothing" : files.size() + " entries: "
                    + String.join(", ", files.stream().map(p -> p.getFileName().toString()).toList())));
        }
        return files.get(0);
    }
}
