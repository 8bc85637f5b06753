package dev.dl4jmnist.data;

import dev.dl4jmnist.AppException;
import dev.dl4jmnist.io.AtomicFiles;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Finds MNIST and proves it is intact. Order: an explicit directory (--data-dir / MNIST_DIR), then
 * DL4J's usual cache, then DL4J's download. Every file is checked (IDX header, size, SHA-256)
 * before use. Gzipped files are unpacked into this application's own cache, never in place, so
 * a read-only or shared directory is left exactly as it was.
 */
public final class MnistLocator {
    private final List<MnistFileSpec> specs;
    private final Path cacheDir;
    private final Path dl4jCacheDir;
    private final MnistDownloader downloader;

    /**
     * @param specs        the files to find (normally {@link MnistFileSpec#MNIST})
     * @param cacheDir     where gzipped files are unpacked
     * @param dl4jCacheDir DL4J's own cache directory (where its MNIST iterator keeps the files)
     * @param downloader   used only when neither an explicit directory nor DL4J's cache has the files
     */
    public MnistLocator(List<MnistFileSpec> specs, Path cacheDir, Path dl4jCacheDir, MnistDownloader downloader) {
        this.specs = List.copyOf(specs);
        this.cacheDir = cacheDir;
        this.dl4jCacheDir = dl4jCacheDir;
        this.downloader = downloader;
    }

    /** The default locator: MNIST's files, the user's cache, DL4J's cache and DL4J's server. */
    public static MnistLocator standard() {
        String env = System.getenv("DL4J_MNIST_CACHE");
        Path cache = env != null && !env.isBlank() ? Path.of(env)
                : Path.of(System.getProperty("user.home"), ".cache", "dl4j-mnist", "mnist");
        Path dl4j = org.deeplearning4j.common.resources.DL4JResources.getBaseDirectory().toPath();
        return new MnistLocator(MnistFileSpec.MNIST, cache, dl4j, new MnistDownloader());
    }

    /** Finds the files; {@code explicitDir} may be null. Throws {@link AppException} with one clear message. */
    public MnistLocation locate(Path explicitDir) {
        if (explicitDir != null) {
            return fromExplicit(explicitDir);
        }
        List<String> looked = new ArrayList<>();
        looked.add("--data-dir / MNIST_DIR: not set");
        String cacheState = checkComplete(dl4jCacheDir);
        if (cacheState == null) {
            return new MnistLocation(dl4jCacheDir, "DL4J cache " + dl4jCacheDir);
        }
        looked.add("DL4J cache " + dl4jCacheDir + ": " + cacheState);
        if (cacheState.startsWith("missing")) {
            try {
                downloader.download(dl4jCacheDir);
                String after = checkComplete(dl4jCacheDir);
                if (after == null) {
                    return new MnistLocation(dl4jCacheDir, "downloaded to " + dl4jCacheDir);
                }
                looked.add("download from " + downloader.describe() + ": " + after);
            } catch (IOException | RuntimeException e) {
                looked.add("download from " + downloader.describe() + ": " + e.getMessage());
            }
        }
        throw new AppException("MNIST not found. Looked at: " + String.join("; ", looked)
                + ". Put the four MNIST files (" + names() + ", plain or .gz) in a directory and pass it with"
                + " --data-dir DIR or MNIST_DIR=DIR.");
    }

    private MnistLocation fromExplicit(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new AppException("MNIST directory " + dir + " (from --data-dir / MNIST_DIR) does not exist or is not a directory");
        }
        boolean allPlain = true;
        for (MnistFileSpec spec : specs) {
            Path plain = dir.resolve(spec.name());
            Path gz = dir.resolve(spec.gzName());
            if (!Files.isRegularFile(plain) && !Files.isRegularFile(gz)) {
                throw new AppException("MNIST directory " + dir + " has no " + spec.name() + " (nor " + spec.gzName()
                        + "); it needs " + names() + ", plain or .gz");
            }
            allPlain &= Files.isRegularFile(plain);
        }
        if (allPlain) {
            for (MnistFileSpec spec : specs) {
                validateFile(dir.resolve(spec.name()), spec);
            }
            return new MnistLocation(dir, dir.toString());
        }
        List<String> damaged = new ArrayList<>();
        for (MnistFileSpec spec : specs) {
            Path target = cacheDir.resolve(spec.name());
            Path plain = dir.resolve(spec.name());
            boolean gz = !Files.isRegularFile(plain);
            Path source = gz ? dir.resolve(spec.gzName()) : plain;
            String fingerprint = fingerprint(source);
            Path stamp = stampFor(target);
            boolean cachedValid = Files.isRegularFile(target) && tryValidate(target, spec);
            if (cachedValid && fingerprint.equals(readStamp(stamp))) {
                continue;                                   // unpacked from this very source file before, and still intact
            }
            try {
                AtomicFiles.write(target, tmp -> {
                    try (InputStream in = open(source, gz); OutputStream out = Files.newOutputStream(tmp)) {
                        IdxValidator.validate(in, out, spec, source.toString());
                    }
                });
                AtomicFiles.writeString(stamp, fingerprint);
            } catch (AppException e) {
                if (!cachedValid) {
                    throw e;
                }
                damaged.add(e.getMessage());                // the earlier verified copy is still good: use it, and say so
            }
        }
        if (!damaged.isEmpty()) {
            return new MnistLocation(cacheDir, cacheDir.toString(), "the source " + dir + " is damaged (" + String.join("; ", damaged)
                    + "), so the copies unpacked from it earlier were used");
        }
        return new MnistLocation(cacheDir, dir + " (unpacked into " + cacheDir + ")");
    }

    /** Size and modification time of a source file: when they change, the source is unpacked and verified again. */
    private static String fingerprint(Path source) {
        try {
            return Files.size(source) + " " + Files.getLastModifiedTime(source).toMillis();
        } catch (IOException e) {
            throw new AppException(source + ": cannot read (" + AtomicFiles.describe(e) + ")", e);
        }
    }

    /** Beside each unpacked file, the fingerprint of the source it was unpacked from. */
    private static Path stampFor(Path unpacked) {
        return unpacked.resolveSibling("." + unpacked.getFileName() + ".source");
    }

    private static String readStamp(Path stamp) {
        try {
            return Files.isRegularFile(stamp) ? Files.readString(stamp) : "";
        } catch (IOException e) {
            return "";
        }
    }

    /** Null when every file is present and valid; otherwise what is wrong. */
    private String checkComplete(Path dir) {
        List<String> missing = new ArrayList<>();
        for (MnistFileSpec spec : specs) {
            if (!Files.isRegularFile(dir.resolve(spec.name()))) {
                missing.add(spec.name());
            }
        }
        if (!missing.isEmpty()) {
            return "missing " + String.join(", ", missing);
        }
        for (MnistFileSpec spec : specs) {
            try {
                validateFile(dir.resolve(spec.name()), spec);
            } catch (AppException e) {
                return e.getMessage() + " (delete it to download again)";
            }
        }
        return null;
    }

    private boolean tryValidate(Path file, MnistFileSpec spec) {
        try {
            validateFile(file, spec);
            return true;
        } catch (AppException e) {
            return false;
        }
    }

    private static void validateFile(Path file, MnistFileSpec spec) {
        try (InputStream in = open(file, false)) {
            IdxValidator.validate(in, null, spec, file.toString());
        } catch (IOException e) {
            throw new AppException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    private static InputStream open(Path file, boolean gz) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        if (!gz) {
            return in;
        }
        try {
            return new GZIPInputStream(in, 1 << 16);
        } catch (IOException e) {
            in.close();
            throw new AppException(file + ": not a valid gzip file (" + e.getMessage() + ")", e);
        }
    }

    private String names() {
        return String.join(", ", specs.stream().map(MnistFileSpec::name).toList());
    }
}
