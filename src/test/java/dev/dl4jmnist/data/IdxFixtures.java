package dev.dl4jmnist.data;

import dev.dl4jmnist.io.Sha256;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/** Small IDX files written by the tests themselves: five 28×28 images per set, with their real checksums. */
final class IdxFixtures {
    static final int COUNT = 5;

    private IdxFixtures() {
    }

    static byte[] images(int count, int seed) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(MnistFileSpec.IMAGES_MAGIC);
            out.writeInt(count);
            out.writeInt(28);
            out.writeInt(28);
            for (int i = 0; i < count * 784; i++) {
                out.writeByte((i * 31 + seed) & 0xFF);
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] labels(int count, int seed) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(MnistFileSpec.LABELS_MAGIC);
            out.writeInt(count);
            for (int i = 0; i < count; i++) {
                out.writeByte((i + seed) % 10);
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha(byte[] content) {
        MessageDigest d = Sha256.newDigest();
        d.update(content);
        return Sha256.hex(d);
    }

    /** The four files' contents, in the order of {@link #specs()}. */
    static List<byte[]> contents() {
        return List.of(images(COUNT, 1), labels(COUNT, 1), images(COUNT, 2), labels(COUNT, 2));
    }

    /** Specs matching {@link #contents()}, with MNIST's file names. */
    static List<MnistFileSpec> specs() {
        List<byte[]> c = contents();
        List<MnistFileSpec> specs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            MnistFileSpec real = MnistFileSpec.MNIST.get(i);
            specs.add(new MnistFileSpec(real.name(), real.magic(), COUNT, real.rows(), real.cols(), sha(c.get(i))));
        }
        return specs;
    }

    /** Writes the four files into {@code dir}, gzipped or plain. */
    static void write(Path dir, boolean gz) throws IOException {
        Files.createDirectories(dir);
        List<byte[]> c = contents();
        List<MnistFileSpec> specs = specs();
        for (int i = 0; i < 4; i++) {
            if (gz) {
                try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve(specs.get(i).gzName())))) {
                    out.write(c.get(i));
                }
            } else {
                Files.write(dir.resolve(specs.get(i).name()), c.get(i));
            }
        }
    }
}
