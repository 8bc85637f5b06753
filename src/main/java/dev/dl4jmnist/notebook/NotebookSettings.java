package dev.dl4jmnist.notebook;

import dev.dl4jmnist.AppException;
import dev.dl4jmnist.data.MnistData;

import java.nio.file.Path;

/**
 * What the tutorial notebooks read before they start: where MNIST is ({@code MNIST_DIR}, as for the
 * commands), how many images to use, and where their files go. One switch makes a quick run:
 * {@code -Dnotebook.images=N} trains and tests on at most N images each and keeps every file in a
 * temporary directory.
 */
public final class NotebookSettings {
    /** The quick-run switch: the most training (and test) images any notebook uses. */
    public static final String IMAGES_PROPERTY = "notebook.images";

    private NotebookSettings() {
    }

    /** The MNIST directory in {@code MNIST_DIR}, or null (the usual search). */
    public static Path dataDir() {
        String dir = System.getenv("MNIST_DIR");
        return dir == null || dir.isBlank() ? null : Path.of(dir);
    }

    /** MNIST from {@code MNIST_DIR} if set, otherwise found by the usual search. */
    public static MnistData mnist() {
        return MnistData.locate(dataDir());
    }

    /** True when {@code -Dnotebook.images} is set. */
    public static boolean quick() {
        return System.getProperty(IMAGES_PROPERTY) != null;
    }

    /** All 10,000 test images, or fewer in a quick run. */
    public static int testImages() {
        return limit(MnistData.TEST_SIZE);
    }

    /** {@code fullRun} training images, or fewer in a quick run. */
    public static int trainImages(int fullRun) {
        return limit(fullRun);
    }

    private static int limit(int fullRun) {
        String value = System.getProperty(IMAGES_PROPERTY);
        if (value == null) {
            return fullRun;
        }
        try {
            int limit = Integer.parseInt(value.strip());
            if (limit >= 1) {
                return Math.min(limit, fullRun);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new AppException(IMAGES_PROPERTY + " must be a number of images (at least 1), got '" + value + "'");
    }

    /** Where notebooks write files: {@code output/notebooks}, or a temporary directory in a quick run. */
    public static Path workDir() {
        return quick() ? Path.of(System.getProperty("java.io.tmpdir"), "dl4j-mnist-notebooks-quick")
                : Path.of("output", "notebooks");
    }

    /** The model the training notebook saves and the later notebooks load. */
    public static Path modelFile() {
        return workDir().resolve("mnist-mlp.zip");
    }

    /** A file in {@link #workDir()}. */
    public static Path file(String name) {
        return workDir().resolve(name);
    }
}
