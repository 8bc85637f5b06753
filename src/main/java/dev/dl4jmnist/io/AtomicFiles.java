package dev.dl4jmnist.io;

import dev.dl4jmnist.AppException;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Writes files so that readers see either the old file or the complete new one, never a half-written one. */
public final class AtomicFiles {

    /** Writes one file's content; may throw IOException. */
    @FunctionalInterface
    public interface Writer {
        void write(Path temporaryFile) throws IOException;
    }

    /** Targets whose stale temporaries this process has already looked for. */
    private static final Set<Path> CLEANED = ConcurrentHashMap.newKeySet();

    private AtomicFiles() {
    }

    /** Runs {@code writer} on a temporary file beside {@code target}, then renames it over the target. */
    public static void write(Path target, Writer writer) {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            if (CLEANED.add(target.toAbsolutePath())) {   // once per file and process: a write must not list its directory every time
                removeStaleTemporaries(dir, target.getFileName().toString());
            }
            tmp = Files.createTempFile(dir, temporaryPrefix(target.getFileName().toString(), ProcessHandle.current().pid()), ".tmp");
            tmp.toFile().deleteOnExit();                  // also gone if the user interrupts the write (Ctrl-C)
            writer.write(tmp);
            makeReadable(tmp);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException e) {
            throw new AppException("cannot write " + target + ": " + describe(e), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort: the temporary file is hidden and ends in .tmp
                }
            }
        }
    }

    /** Temporary files are named {@code .NAME.PID-RANDOM.tmp}: hidden, and traceable to the process writing them. */
    static String temporaryPrefix(String name, long pid) {
        return "." + name + "." + pid + "-";
    }

    /**
     * Deletes temporaries of {@code name} left by processes that no longer run (a {@code kill -9} during a
     * write); a temporary of a live process (another run writing now) is left alone.
     */
    static void removeStaleTemporaries(Path dir, String name) {
        Pattern ours = Pattern.compile(Pattern.quote("." + name + ".") + "(\\d+)-\\d+\\.tmp");
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Matcher m = ours.matcher(f.getFileName().toString());
                if (m.matches() && !isRunning(Long.parseLong(m.group(1)))) {
                    Files.deleteIfExists(f);
                }
            }
        } catch (IOException | NumberFormatException ignored) {
            // best effort: a leftover is hidden and harmless, and the next write tries again
        }
    }

    private static boolean isRunning(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** Temporary files are created owner-only; the finished file gets the usual rw-r--r--. */
    private static void makeReadable(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    /** Writes text (UTF-8) atomically. */
    public static void writeString(Path target, String text) {
        write(target, tmp -> Files.writeString(tmp, text, StandardCharsets.UTF_8));
    }

    /** Writes bytes produced into a stream atomically. */
    public static void writeStream(Path target, StreamWriter writer) {
        write(target, tmp -> {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                writer.write(out);
            }
        });
    }

    /** Produces a file's bytes into a stream. */
    @FunctionalInterface
    public interface StreamWriter {
        void write(OutputStream out) throws IOException;
    }

    /**
     * Fails early, with a clear message, when a file cannot be created at {@code target} (so a long
     * training run does not end in an unwritable path). Creates nothing: the directories are made only
     * when the file is written.
     */
    public static void checkWritable(Path target) {
        Path abs = target.toAbsolutePath();
        if (Files.isDirectory(abs)) {
            throw new AppException("cannot write " + target + ": it is a directory");
        }
        Path existing = abs.getParent();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            throw new AppException("cannot write " + target + ": no such file system root");
        }
        if (!Files.isDirectory(existing)) {
            throw new AppException("cannot write " + target + ": " + existing + " is a file, not a directory");
        }
        if (!Files.isWritable(existing)) {
            throw new AppException("cannot write " + target + ": permission denied (" + existing + ")");
        }
    }

    /** A short human description of an I/O failure (the JDK's messages are often just a path). */
    public static String describe(Exception e) {
        String kind = switch (e.getClass().getSimpleName()) {
            case "AccessDeniedException" -> "permission denied";
            case "NoSuchFileException" -> "no such file or directory";
            case "FileAlreadyExistsException" -> "a file is in the way";
            case "NotDirectoryException" -> "not a directory";
            case "FileSystemException" -> "file system error";
            default -> null;
        };
        if (kind != null) {
            String reason = e instanceof java.nio.file.FileSystemException fse ? fse.getReason() : null;
            return reason != null ? kind + " (" + reason + ")" : kind + " (" + e.getMessage() + ")";
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
