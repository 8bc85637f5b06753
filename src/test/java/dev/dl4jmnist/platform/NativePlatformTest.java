package dev.dl4jmnist.platform;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.environment.Nd4jEnvironment;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** After configure() the native build in force is one the CPU runs, and the thread counts are set. */
class NativePlatformTest {
    @Test
    void theBuildInForceIsTheFastestOnTheClassPathThatThisCpuRuns() {
        NativePlatform.configure();
        NativeBuild best = NativePlatform.packagedBuildFor(null);
        assertThat(best.runsOn(NativeBuild.cpuFlags())).isTrue();
        if (System.getProperty("dl4jmnist.nativeBuild") == null) {
            assertThat(System.getProperty(NativePlatform.EXTENSION_PROPERTY)).isEqualTo(best.extension());
        }
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
