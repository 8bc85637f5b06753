package dev.dl4jmnist;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Exact comparison of arrays, to the last bit. (ND4J's {@code INDArray.equals} allows a difference of
 * 1e-5, which is not what "identical" claims.)
 */
public final class Bits {
    private Bits() {
    }

    /** Same shape, and every float has the same bit pattern. */
    public static void assertBitIdentical(INDArray expected, INDArray actual, String what) {
        assertArrayEquals(expected.shape(), actual.shape(), what + ": shape");
        float[] a = expected.dup().data().asFloat();
        float[] b = actual.dup().data().asFloat();
        for (int i = 0; i < a.length; i++) {
            if (Float.floatToRawIntBits(a[i]) != Float.floatToRawIntBits(b[i])) {
                fail(what + " differ at element " + i + " of " + a.length + ": " + a[i] + " vs " + b[i]
                        + " (" + countDifferent(a, b) + " elements differ)");
            }
        }
    }

    private static long countDifferent(float[] a, float[] b) {
        long n = 0;
        for (int i = 0; i < a.length; i++) {
            n += Float.floatToRawIntBits(a[i]) != Float.floatToRawIntBits(b[i]) ? 1 : 0;
        }
        return n;
    }

    /** True when the two arrays differ in at least one bit (for tests that something did change). */
    public static boolean differ(INDArray a, INDArray b) {
        return !Arrays.equals(a.dup().data().asFloat(), b.dup().data().asFloat());
    }
}
