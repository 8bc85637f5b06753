package dev.dl4jmnist.prediction;

import dev.dl4jmnist.AppException;
import dev.dl4jmnist.UsageException;
import dev.dl4jmnist.io.AtomicFiles;
import dev.dl4jmnist.prediction.imaging.DigitPipeline;
import dev.dl4jmnist.prediction.imaging.ImageFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Users' corrections: pictures of digits with the label a user gave them, kept in a folder as
 * {@code DIR/<digit>/<name>.png} (the label is the folder's name, 0 to 9), each prepared as MNIST was
 * (784 values in [0, 1]). Anything else in the folder is refused in one line, naming it.
 */
public record Corrections(List<Path> files, List<float[]> images, int[] labels) {

    /**
     * Reads every picture under {@code dir}, folder by folder and name by name.
     *
     * @throws UsageException when {@code dir} is missing or holds no picture, when a folder in it is not named
     *                        after a digit, or a picture cannot be read or holds no digit
     */
    public static Corrections read(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new UsageException("corrections folder " + dir + " does not exist or is not a directory");
        }
        List<Path> files = new ArrayList<>();
        List<float[]> images = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (Path entry : list(dir)) {
            String name = entry.getFileName().toString();
            if (name.startsWith(".")) {
                continue;                                     // temporaries of a write in progress, and the like
            }
            if (!Files.isDirectory(entry) || !name.matches("[0-9]")) {
                throw new UsageException(entry + ": corrections go in folders named after their digit (0 to 9), not \"" + name + "\"");
            }
            int label = name.charAt(0) - '0';
            for (Path picture : list(entry)) {
                if (picture.getFileName().toString().startsWith(".")) {
                    continue;
                }
                try {
                    images.add(DigitPipeline.prepare(ImageFiles.read(picture, ImageFiles.DEFAULT_MAX_PIXELS)).modelInput());
                } catch (AppException e) {
                    throw new UsageException(picture + ": not a usable picture of a digit (" + e.getMessage() + ")", e);
                }
                files.add(picture);
                labels.add(label);
            }
        }
        if (files.isEmpty()) {
            throw new UsageException("no corrections in " + dir + " (pictures go in " + dir.resolve("7") + " and the like)");
        }
        return new Corrections(List.copyOf(files), List.copyOf(images), labels.stream().mapToInt(Integer::intValue).toArray());
    }

    public int size() {
        return files.size();
    }

    /**
     * Adds one correction to {@code dir}: the picture file's bytes, as given, in {@code dir/<label>/}, named by the
     * time and the bytes' hash; written atomically, never over an earlier one. The picture must hold a digit.
     *
     * @param maxBytes how large the folder may grow
     * @return the new file
     * @throws AppException when the label is not a digit, the picture holds no digit, or the folder is full
     */
    public static Path append(Path dir, int label, byte[] picture, long maxBytes) {
        if (label < 0 || label > 9) {
            throw new AppException("the label must be a digit, 0 to 9, got " + label);
        }
        DigitPipeline.prepare(picture, ImageFiles.DEFAULT_MAX_PIXELS);   // refuses what predict would refuse
        synchronized (Corrections.class) {
            long used = bytesUnder(dir);
            if (used + picture.length > maxBytes) {
                throw new FolderFullException("the corrections folder is full (" + used + " of " + maxBytes + " bytes used)");
            }
            String name = java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").format(java.time.LocalDateTime.now())
                    + "-" + sha256(picture).substring(0, 12) + ".png";
            Path target = dir.resolve(String.valueOf(label)).resolve(name);
            if (!Files.exists(target)) {
                AtomicFiles.write(target, tmp -> Files.write(tmp, picture));
            }
            return target;
        }
    }

    private static String sha256(byte[] bytes) {
        java.security.MessageDigest digest = dev.dl4jmnist.io.Sha256.newDigest();
        digest.update(bytes);
        return dev.dl4jmnist.io.Sha256.hex(digest);
    }

    /** The folder has no room for another correction. */
    public static final class FolderFullException extends AppException {
        FolderFullException(String message) {
            super(message);
        }
    }

    private static long bytesUnder(Path dir) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        } catch (IOException e) {
            throw new AppException("cannot list " + dir + ": " + AtomicFiles.describe(e), e);
        }
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.sorted().toList();
        } catch (IOException e) {
            throw new UsageException("cannot list " + dir + ": " + AtomicFiles.describe(e), e);
        }
    }
}
