package dev.dl4jmnist.data;

import dev.dl4jmnist.AppException;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Raw MNIST images and labels as stored in the IDX files (8-bit gray, 0 = black background,
 * 255 = white ink, row-major 28×28), for showing digits and printing pixels rather than training.
 */
public record MnistImages(byte[][] pixels, int[] labels, int rows, int cols) {

    /** Reads an images file and its labels file (IDX, each plain or gzipped: a name ending in {@code .gz}). */
    public static MnistImages read(Path imagesFile, Path labelsFile) {
        try (InputStream imagesIn = open(imagesFile); InputStream labelsIn = open(labelsFile)) {
            DataInputStream img = new DataInputStream(new java.io.BufferedInputStream(imagesIn, 1 << 16));
            DataInputStream lab = new DataInputStream(new java.io.BufferedInputStream(labelsIn, 1 << 16));
            if (img.readInt() != MnistFileSpec.IMAGES_MAGIC) {
                throw new AppException(imagesFile + ": not an IDX images file");
            }
            if (lab.readInt() != MnistFileSpec.LABELS_MAGIC) {
                throw new AppException(labelsFile + ": not an IDX labels file");
            }
            int n = img.readInt();
            int rows = img.readInt();
            int cols = img.readInt();
            int nLabels = lab.readInt();
            if (n != nLabels) {
                throw new AppException(imagesFile + " has " + n + " images but " + labelsFile + " has " + nLabels + " labels");
            }
            byte[][] pixels = new byte[n][rows * cols];
            int[] labels = new int[n];
            for (int i = 0; i < n; i++) {
                img.readFully(pixels[i]);
                labels[i] = lab.readUnsignedByte();
            }
            return new MnistImages(pixels, labels, rows, cols);
        } catch (IOException e) {
            throw new AppException("cannot read " + imagesFile + ": " + e.getMessage(), e);
        }
    }

    private static InputStream open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        return file.getFileName().toString().endsWith(".gz") ? new java.util.zip.GZIPInputStream(in, 1 << 16) : in;
    }

    /**
     * The test images and labels of an MNIST-like data set in {@code dir} ({@code t10k-images-idx3-ubyte} and
     * {@code t10k-labels-idx1-ubyte}, each plain or gzipped), such as Fashion-MNIST: read as they are, with
     * none of the checks that MNIST's own files get.
     */
    public static MnistImages testSetIn(Path dir) {
        return read(either(dir, "t10k-images-idx3-ubyte"), either(dir, "t10k-labels-idx1-ubyte"));
    }

    private static Path either(Path dir, String name) {
        for (Path candidate : new Path[]{dir.resolve(name), dir.resolve(name + ".gz")}) {
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new AppException(dir + " has no " + name + " (plain or .gz): expected an MNIST-like test set there");
    }

    public int size() {
        return labels.length;
    }

    /** Pixel (row, col) of image {@code index} as 0–255. */
    public int pixel(int index, int row, int col) {
        return pixels[index][row * cols + col] & 0xFF;
    }

    /** Image {@code index} as the model sees it: 784 floats in [0, 1]. */
    public float[] scaled(int index) {
        return scale(pixels[index]);
    }

    /** The one scaling of MNIST bytes (0–255) to the model's input (0–1): each byte divided by 255. */
    public static float[] scale(byte[] pixels) {
        float[] out = new float[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            out[i] = (pixels[i] & 0xFF) / 255f;
        }
        return out;
    }

    /** Images {@code from} (inclusive) to {@code to} (exclusive), sharing their pixel arrays. */
    public MnistImages slice(int from, int to) {
        return new MnistImages(java.util.Arrays.copyOfRange(pixels, from, to), java.util.Arrays.copyOfRange(labels, from, to), rows, cols);
    }

    /** Every image as the model sees it: one row of 784 floats in [0, 1] each. */
    public float[][] scaledAll() {
        float[][] out = new float[size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = scaled(i);
        }
        return out;
    }

    /** Count of each label 0–9. */
    public int[] labelCounts() {
        int[] counts = new int[MnistData.CLASSES];
        for (int l : labels) {
            counts[l]++;
        }
        return counts;
    }

}
