package dev.dl4jmnist;

import dev.dl4jmnist.data.MnistData;
import dev.dl4jmnist.data.MnistDownloader;
import dev.dl4jmnist.data.MnistFileSpec;
import dev.dl4jmnist.data.MnistLocator;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The real MNIST for tests: read from the directory in the {@code mnist.dir} system property
 * (Maven passes $MNIST_DIR), verified, and unpacked once into target/ (never in place).
 */
public final class TestData {
    private static MnistData mnist;

    private TestData() {
    }

    /** The directory holding the original MNIST files; fails the test with a clear message when not configured. */
    public static Path mnistDir() {
        String dir = System.getProperty("mnist.dir");
        if (dir == null || dir.isBlank() || dir.startsWith("${")) {
            fail("MNIST is not configured for tests: set MNIST_DIR (or -Dmnist.dir) to a directory with the four MNIST IDX files");
        }
        Path p = Path.of(dir);
        if (!Files.isDirectory(p)) {
            fail("mnist.dir " + p + " is not a directory");
        }
        return p;
    }

    /** Verified MNIST, unpacked into target/test-mnist-cache (shared by all tests of one run). */
    public static synchronized MnistData mnist() {
        if (mnist == null) {
            MnistLocator locator = new MnistLocator(MnistFileSpec.MNIST, cacheDir(), Path.of("target", "no-dl4j-cache"),
                    new MnistDownloader("http://127.0.0.1:9/"));
            mnist = new MnistData(locator.locate(mnistDir()));
        }
        return mnist;
    }

    /** Where tests unpack MNIST. */
    public static Path cacheDir() {
        return Path.of("target", "test-mnist-cache").toAbsolutePath();
    }
}
