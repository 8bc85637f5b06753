package dev.dl4jmnist;

import dev.dl4jmnist.data.MnistData;
import dev.dl4jmnist.data.MnistDownloader;
import dev.dl4jmnist.data.MnistFileSpec;
import dev.dl4jmnist.data.MnistLocator;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The real MNIST for tests: from the directory in the {@code mnist.dir} system property (Maven passes
 * $MNIST_DIR), verified and unpacked once into target/ (never in place); without it, found as the
 * application finds it.
 */
public final class TestData {
    private static MnistData mnist;

    private TestData() {
    }

    /**
     * The directory holding the original MNIST files, from {@code mnist.dir} (Maven passes $MNIST_DIR), or
     * null when it is not set: then the tests find MNIST as the application does.
     */
    static Path mnistDir() {
        String dir = System.getProperty("mnist.dir");
        if (dir == null || dir.isBlank() || dir.startsWith("${")) {
            return null;
        }
        Path p = Path.of(dir);
        if (!Files.isDirectory(p)) {
            fail("mnist.dir " + p + " (from MNIST_DIR) is not a directory");
        }
        return p;
    }

    /**
     * Verified MNIST. With MNIST_DIR set, it is unpacked once into target/test-mnist-cache (never in place);
     * without it, the tests look where the application looks: DL4J's cache, then the application's
     * download — so after `mvn compile exec:java` has fetched MNIST once, a plain `mvn verify` finds it.
     */
    public static synchronized MnistData mnist() {
        if (mnist == null) {
            Path dir = mnistDir();
            if (dir == null) {
                mnist = MnistData.locate(null);
            } else {
                MnistLocator locator = new MnistLocator(MnistFileSpec.MNIST, cacheDir(), Path.of("target", "no-dl4j-cache"),
                        new MnistDownloader("http://127.0.0.1:9/"));
                mnist = new MnistData(locator.locate(dir));
            }
        }
        return mnist;
    }

    /** Where tests unpack MNIST. */
    public static Path cacheDir() {
        return Path.of("target", "test-mnist-cache").toAbsolutePath();
    }
}
