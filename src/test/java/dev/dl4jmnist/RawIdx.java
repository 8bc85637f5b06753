package dev.dl4jmnist;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;

/**
 * Reads single images and labels straight from the IDX files by byte offset (images: 16-byte header,
 * then 784 bytes each; labels: 8-byte header, then one byte each), independently of the application's readers.
 */
public final class RawIdx {
    private RawIdx() {
    }

    public static Path trainImages() {
        return TestData.mnist().location().directory().resolve("train-images-idx3-ubyte");
    }

    public static Path trainLabels() {
        return TestData.mnist().location().directory().resolve("train-labels-idx1-ubyte");
    }

    public static Path testImages() {
        return TestData.mnist().location().directory().resolve("t10k-images-idx3-ubyte");
    }

    public static Path testLabels() {
        return TestData.mnist().location().directory().resolve("t10k-labels-idx1-ubyte");
    }

    public static byte[] image(Path imagesFile, int index) {
        try (RandomAccessFile f = new RandomAccessFile(imagesFile.toFile(), "r")) {
            byte[] out = new byte[784];
            f.seek(16L + 784L * index);
            f.readFully(out);
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static int label(Path labelsFile, int index) {
        try (RandomAccessFile f = new RandomAccessFile(labelsFile.toFile(), "r")) {
            f.seek(8L + index);
            return f.readUnsignedByte();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
