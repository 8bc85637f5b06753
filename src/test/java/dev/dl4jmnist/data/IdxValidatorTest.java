package dev.dl4jmnist.data;

import dev.dl4jmnist.AppException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class IdxValidatorTest {
    private final byte[] good = IdxFixtures.images(IdxFixtures.COUNT, 1);
    private final MnistFileSpec spec = IdxFixtures.specs().get(0);

    private String failure(byte[] content) {
        return assertThrows(AppException.class,
                () -> IdxValidator.validate(new ByteArrayInputStream(content), null, spec, "f")).getMessage();
    }

    @Test
    void goodFileIsCopiedByteForByte() {
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        IdxValidator.validate(new ByteArrayInputStream(good), copy, spec, "f");
        assertArrayEquals(good, copy.toByteArray());
    }

    @Test
    void truncatedFileIsRefusedWithItsSize() {
        assertThat(failure(Arrays.copyOf(good, good.length - 100)))
                .isEqualTo("f: truncated: 3,836 bytes, expected 3,936");
    }

    @Test
    void fileShorterThanHeaderIsRefused() {
        assertThat(failure(Arrays.copyOf(good, 10))).startsWith("f: truncated: 10 of 3,936 bytes");
    }

    @Test
    void wrongMagicIsRefused() {
        byte[] labels = IdxFixtures.labels(IdxFixtures.COUNT, 1);
        assertThat(failure(Arrays.copyOf(labels, good.length)))
                .startsWith("f: wrong IDX magic number 0x00000801 (expected 0x00000803");
    }

    @Test
    void wrongCountIsRefused() {
        byte[] other = IdxFixtures.images(IdxFixtures.COUNT + 1, 1);
        assertThat(failure(other)).isEqualTo("f: IDX header says 6 items, expected 5");
    }

    @Test
    void wrongChecksumIsRefused() {
        byte[] flipped = good.clone();
        flipped[500] ^= 1;
        assertThat(failure(flipped)).startsWith("f: checksum mismatch: SHA-256 ").contains("expected " + spec.sha256());
    }

    @Test
    void extraBytesAreRefused() {
        assertThat(failure(Arrays.copyOf(good, good.length + 1))).isEqualTo("f: too long: 3,937 bytes, expected 3,936");
    }

    @Test
    void realMnistSpecsHaveTheOriginalSizes() {
        assertThat(MnistFileSpec.MNIST.stream().map(MnistFileSpec::totalBytes).toList())
                .containsExactly(47_040_016L, 60_008L, 7_840_016L, 10_008L);
    }
}
