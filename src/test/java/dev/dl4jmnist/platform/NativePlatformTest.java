package dev.dl4jmnist.platform;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.environment.Nd4jEnvironment;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The native build follows the CPU's flags (or the override), and the thread counts are in force after configure(). */
class NativePlatformTest {
    private static final Set<String> AVX512 = Set.of("sse2", "avx", "avx2", "fma", "avx512f", "avx512bw", "avx512dq", "avx512vl");

    @Test
    void bestBuildTheCpuRuns() {
        assertThat(NativePlatform.extensionFor(null, AVX512)).isEqualTo("-onednn-avx512");
        assertThat(NativePlatform.extensionFor(null, Set.of("sse2", "avx", "avx2", "fma", "avx512f"))).isEqualTo("-onednn-avx2");
        assertThat(NativePlatform.extensionFor(null, Set.of("sse2", "avx"))).isEmpty();
        assertThat(NativePlatform.extensionFor(null, Set.of())).isEmpty();
    }

    @Test
    void overrideWins() {
        assertThat(NativePlatform.extensionFor("generic", AVX512)).isEmpty();
        assertThat(NativePlatform.extensionFor("AVX2", AVX512)).isEqualTo("-onednn-avx2");
        assertThatThrownBy(() -> NativePlatform.extensionFor("sse9", AVX512))
                .hasMessage("dl4jmnist.nativeBuild must be avx512, avx2 or generic, got 'sse9'");
    }

    @Test
    void offHeapLimitIsTheHeapButAtLeastTwoGib() {
        assertThat(NativePlatform.offHeapLimit(512L << 20)).isEqualTo(2L << 30);
        assertThat(NativePlatform.offHeapLimit(6L << 30)).isEqualTo(6L << 30);
    }

    @Test
    void halfTheCoresByDefault() {
        if (System.getProperty("dl4jmnist.threads") == null) {
            assertThat(NativePlatform.threads()).isEqualTo(Math.max(1, Runtime.getRuntime().availableProcessors() / 2));
        }
    }

    @Test
    void threadCountsAreSetInCode() {
        NativePlatform.configure();
        int expected = NativePlatform.threads();
        assertThat(Nd4j.getEnvironment().maxMasterThreads()).isEqualTo(expected);
        assertThat(NativeOpsHolder.getInstance().getDeviceNativeOps().ompGetMaxThreads()).isEqualTo(expected);
        assertThat(Nd4jEnvironment.getEnvironment().getBlasThreads()).isEqualTo(expected);
    }

    @Test
    void badCountIsRefusedByName() {
        System.setProperty("dl4jmnist.test.count", "zero");
        try {
            assertThatThrownBy(() -> NativePlatform.count("dl4jmnist.test.count", 1))
                    .hasMessage("dl4jmnist.test.count must be a positive number, got 'zero'");
            System.setProperty("dl4jmnist.test.count", "3");
            assertThat(NativePlatform.count("dl4jmnist.test.count", 1)).isEqualTo(3);
        } finally {
            System.clearProperty("dl4jmnist.test.count");
        }
    }
}
