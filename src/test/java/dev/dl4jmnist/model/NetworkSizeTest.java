package dev.dl4jmnist.model;

import dev.dl4jmnist.AppException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Sizes are counted without overflow, and a network too large for the memory available is refused up front. */
class NetworkSizeTest {
    @Test
    void theTutorialsCountIsKerassAndDl4js() {
        assertThat(NetworkSize.parameters(List.of(512, 512))).isEqualTo(669_706L)
                .isEqualTo(MnistMlp.create(MlpConfig.defaults().withHidden(List.of(512, 512))).numParams());
        assertThat(NetworkSize.parameters(List.of(64))).isEqualTo(785L * 64 + 65 * 10);
    }

    @Test
    void hugeLayersAreCountedWithoutOverflow() {
        // 785·5e6 + 5e6·5e6 + (5e6+1)·5e6 + (5e6+1)·10: int arithmetic wraps to a negative number here
        assertThat(NetworkSize.parameters(List.of(5_000_000))).isEqualTo(785L * 5_000_000 + 5_000_001L * 10);
        assertThat(NetworkSize.parameters(List.of(5_000_000, 5_000_000))).isEqualTo(
                785L * 5_000_000 + 5_000_001L * 5_000_000 + 5_000_001L * 10);
        assertThat(NetworkSize.trainingBytes(MlpConfig.defaults().withHidden(List.of(2_000_000_000, 2_000_000_000))))
                .isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void aNetworkLargerThanTheMemoryIsRefusedInOneLine() {
        MlpConfig big = MlpConfig.defaults().withHidden(List.of(5_000_000)).withBatchSize(128);
        assertThatThrownBy(() -> NetworkSize.requireTrainable(big, 8L << 30)).isInstanceOf(AppException.class)
                .hasMessage("a network with hidden layers [5000000] has 3,975,000,010 parameters and needs about 88.3 GiB"
                        + " to train at batch size 128; this machine has 8.0 GiB of memory available");
        assertThatCode(() -> NetworkSize.requireTrainable(MlpConfig.defaults(), 8L << 30)).doesNotThrowAnyException();
        assertThat(NetworkSize.trainingBytes(MlpConfig.defaults())).isEqualTo(4L * (669_706L * 5 + (512 + 512 + 10) * 128L * 6));
    }
}
