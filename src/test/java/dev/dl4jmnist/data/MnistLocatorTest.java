package dev.dl4jmnist.data;

import dev.dl4jmnist.AppException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class MnistLocatorTest {
    @TempDir
    Path tmp;

    /** A downloader pointed at a closed local port: what a machine without network sees. */
    private final MnistDownloader offline = new MnistDownloader("http://127.0.0.1:9/");

    private MnistLocator locator() {
        return new MnistLocator(IdxFixtures.specs(), tmp.resolve("cache"), tmp.resolve("dl4j"), offline);
    }

    private static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void gzippedDirectoryIsUnpackedIntoTheCacheAndLeftUntouched() throws IOException {
        Path src = tmp.resolve("src");
        IdxFixtures.write(src, true);
        List<String> before = listing(src);

        MnistLocation location = locator().locate(src);

        assertEquals(tmp.resolve("cache"), location.directory());
        assertEquals(before, listing(src), "the source directory must not change");
        List<byte[]> contents = IdxFixtures.contents();
        for (int i = 0; i < 4; i++) {
            assertArrayEquals(contents.get(i), Files.readAllBytes(location.directory().resolve(IdxFixtures.specs().get(i).name())));
        }
        assertThat(listing(location.directory())).noneMatch(n -> n.endsWith(".tmp"))   // no temporary files left
                .filteredOn(n -> !n.startsWith(".")).hasSize(4);                     // the files, and hidden .source stamps
    }

    @Test
    void plainDirectoryIsUsedInPlace() throws IOException {
        Path src = tmp.resolve("plain");
        IdxFixtures.write(src, false);
        assertEquals(src, locator().locate(src).directory());
        assertThat(Files.exists(tmp.resolve("cache"))).isFalse();
    }

    @Test
    void corruptGzipIsRefusedAndNothingIsLeftInTheCache() throws IOException {
        Path src = tmp.resolve("src");
        IdxFixtures.write(src, true);
        Path gz = src.resolve("train-images-idx3-ubyte.gz");
        byte[] bytes = Files.readAllBytes(gz);
        Files.write(gz, java.util.Arrays.copyOf(bytes, bytes.length / 2));

        AppException e = assertThrows(AppException.class, () -> locator().locate(src));
        assertThat(e.getMessage()).startsWith(gz + ": truncated");
        assertThat(listing(tmp.resolve("cache"))).doesNotContain("train-images-idx3-ubyte")
                .noneMatch(n -> n.endsWith(".tmp"));
    }

    @Test
    void notGzipAtAllIsRefused() throws IOException {
        Path src = tmp.resolve("src");
        IdxFixtures.write(src, true);
        Files.writeString(src.resolve("t10k-labels-idx1-ubyte.gz"), "<html>not found</html>");
        AppException e = assertThrows(AppException.class, () -> locator().locate(src));
        // our words first; the JDK's own reason follows in brackets and is not pinned
        assertThat(e.getMessage()).startsWith(src.resolve("t10k-labels-idx1-ubyte.gz") + ": not a valid gzip file (").doesNotContain("\n");
    }

    @Test
    void missingFileIsNamed() throws IOException {
        Path src = tmp.resolve("src");
        IdxFixtures.write(src, true);
        Files.delete(src.resolve("train-labels-idx1-ubyte.gz"));
        AppException e = assertThrows(AppException.class, () -> locator().locate(src));
        assertThat(e.getMessage()).startsWith("MNIST directory " + src + " has no train-labels-idx1-ubyte (nor train-labels-idx1-ubyte.gz)");
    }

    @Test
    void missingDirectoryIsNamed() {
        AppException e = assertThrows(AppException.class, () -> locator().locate(tmp.resolve("nope")));
        assertThat(e.getMessage()).contains(tmp.resolve("nope") + " (from --data-dir / MNIST_DIR) does not exist");
    }

    @Test
    void validDl4jCacheIsUsedWhenNoDirectoryIsGiven() throws IOException {
        IdxFixtures.write(tmp.resolve("dl4j"), false);
        MnistLocation location = locator().locate(null);
        assertEquals(tmp.resolve("dl4j"), location.directory());
        assertThat(location.source()).startsWith("DL4J cache");
    }

    @Test
    void corruptDl4jCacheIsReportedNotUsed() throws IOException {
        IdxFixtures.write(tmp.resolve("dl4j"), false);
        Path f = tmp.resolve("dl4j").resolve("t10k-images-idx3-ubyte");
        byte[] b = Files.readAllBytes(f);
        b[100] ^= 1;
        Files.write(f, b);
        AppException e = assertThrows(AppException.class, () -> locator().locate(null));
        assertThat(e.getMessage()).contains(f + ": checksum mismatch").contains("delete it to download again");
    }

    @Test
    void noDataAndNoNetworkSaysWhereItLookedWithoutHanging() {
        AppException e = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> assertThrows(AppException.class, () -> locator().locate(null)));
        assertThat(e.getMessage())
                .startsWith("MNIST not found. Looked at: --data-dir / MNIST_DIR: not set; DL4J cache " + tmp.resolve("dl4j")
                        + ": missing train-images-idx3-ubyte")
                .contains("download from http://127.0.0.1:9/datasets/mnist/: cannot reach")
                .endsWith("pass it with --data-dir DIR or MNIST_DIR=DIR.");
    }

    @Test
    void cachedFilesAreReusedWhenValid() throws IOException {
        Path src = tmp.resolve("src");
        IdxFixtures.write(src, true);
        Path cached = locator().locate(src).directory().resolve("train-images-idx3-ubyte");
        Object inode = Files.readAttributes(cached, BasicFileAttributes.class).fileKey();

        MnistLocation again = locator().locate(src);

        // a rewrite goes through a temporary file and a rename, which gives a new inode: the same inode proves reuse
        assertThat(inode).isNotNull();
        assertEquals(inode, Files.readAttributes(cached, BasicFileAttributes.class).fileKey());
        assertEquals(src + " (unpacked into " + tmp.resolve("cache") + ") (verified)", again.describe());
    }

    @Test
    void aSourceDamagedAfterUnpackingIsReportedAndTheVerifiedCopyIsUsed() throws IOException {
        Path src = tmp.resolve("src");
        IdxFixtures.write(src, true);
        locator().locate(src);
        Path gz = src.resolve("train-labels-idx1-ubyte.gz");
        byte[] bytes = Files.readAllBytes(gz);
        Files.write(gz, java.util.Arrays.copyOf(bytes, bytes.length / 2));

        MnistLocation location = locator().locate(src);

        assertEquals(tmp.resolve("cache"), location.directory());
        assertArrayEquals(IdxFixtures.contents().get(1), Files.readAllBytes(location.directory().resolve("train-labels-idx1-ubyte")));
        assertThat(location.describe()).startsWith(tmp.resolve("cache") + " (verified; the source " + src + " is damaged ("
                + gz + ": truncated").endsWith("), so the copies unpacked from it earlier were used)");
    }

    @Test
    void aChangedButValidSourceIsUnpackedAgain() throws IOException {
        Path src = tmp.resolve("src");
        IdxFixtures.write(src, true);
        Path cached = locator().locate(src).directory().resolve("train-images-idx3-ubyte");
        Object inode = Files.readAttributes(cached, BasicFileAttributes.class).fileKey();
        Path gz = src.resolve("train-images-idx3-ubyte.gz");
        Files.setLastModifiedTime(gz, java.nio.file.attribute.FileTime.fromMillis(Files.getLastModifiedTime(gz).toMillis() - 60_000));

        assertEquals(src + " (unpacked into " + tmp.resolve("cache") + ") (verified)", locator().locate(src).describe());
        assertThat(Files.readAttributes(cached, BasicFileAttributes.class).fileKey()).isNotEqualTo(inode);
    }
}
