package dev.dl4jmnist.data;

import java.util.List;

/**
 * What one IDX file must be: its name, IDX magic number, dimensions and the SHA-256 of its
 * uncompressed bytes. {@link #MNIST} lists the four original MNIST files.
 */
public record MnistFileSpec(String name, int magic, int count, int rows, int cols, String sha256) {

    /** IDX magic of an unsigned-byte, 3-dimensional file (images). */
    public static final int IMAGES_MAGIC = 0x00000803;
    /** IDX magic of an unsigned-byte, 1-dimensional file (labels). */
    public static final int LABELS_MAGIC = 0x00000801;

    public static MnistFileSpec images(String name, int count, String sha256) {
        return new MnistFileSpec(name, IMAGES_MAGIC, count, 28, 28, sha256);
    }

    public static MnistFileSpec labels(String name, int count, String sha256) {
        return new MnistFileSpec(name, LABELS_MAGIC, count, 0, 0, sha256);
    }

    /** The original MNIST files (checksums of the uncompressed files, as published with the data set). */
    public static final List<MnistFileSpec> MNIST = List.of(
            images("train-images-idx3-ubyte", 60_000,
                    "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db"),
            labels("train-labels-idx1-ubyte", 60_000,
                    "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5"),
            images("t10k-images-idx3-ubyte", 10_000,
                    "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7"),
            labels("t10k-labels-idx1-ubyte", 10_000,
                    "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2"));

    public boolean isImages() {
        return magic == IMAGES_MAGIC;
    }

    /** Bytes in the header: magic plus one 4-byte size per dimension. */
    public int headerBytes() {
        return isImages() ? 16 : 8;
    }

    /** Total size of the uncompressed file. */
    public long totalBytes() {
        return headerBytes() + (long) count * (isImages() ? rows * cols : 1);
    }

    public String gzName() {
        return name + ".gz";
    }
}
