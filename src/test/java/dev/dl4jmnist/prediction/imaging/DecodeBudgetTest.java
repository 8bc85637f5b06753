package dev.dl4jmnist.prediction.imaging;

import dev.dl4jmnist.AppException;
import dev.dl4jmnist.MemoryBudget;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Decodes share a memory budget: they queue for room, are turned away when none comes, and give it back. */
class DecodeBudgetTest {
    private static final long MB = 1 << 20;

    @Test
    void sharesAreGivenBackOnClose() {
        DecodeBudget budget = new DecodeBudget(100 * MB, 50);
        try (MemoryBudget.Share a = budget.take(60 * MB)) {
            assertThat(budget.freeKib()).isEqualTo(40 * 1024);
        }
        assertThat(budget.freeKib()).isEqualTo(100 * 1024);
    }

    @Test
    void aDecodeThatFindsNoRoomInTimeIsAskedToComeBack() {
        DecodeBudget budget = new DecodeBudget(100 * MB, 50);
        try (MemoryBudget.Share held = budget.take(60 * MB)) {
            assertThatThrownBy(() -> budget.take(60 * MB)).isInstanceOf(DecodeBudget.BusyException.class)
                    .hasMessage("too many pictures are being read at once; try again in a moment");
        }
        budget.take(60 * MB).close();                 // room again once the first is done
    }

    @Test
    void aDecodeWaitsForRoomThatComesFree() throws Exception {
        DecodeBudget budget = new DecodeBudget(100 * MB, 5_000);
        MemoryBudget.Share held = budget.take(60 * MB);
        CompletableFuture<Boolean> second = CompletableFuture.supplyAsync(() -> {
            try (MemoryBudget.Share s = budget.take(60 * MB)) {
                return true;
            }
        });
        Thread.sleep(100);
        assertThat(second).isNotDone();
        held.close();
        assertThat(second.get(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aPictureLargerThanTheWholeBudgetIsRefusedAtOnce() {
        DecodeBudget budget = new DecodeBudget(100 * MB, 5_000);
        assertThatThrownBy(() -> budget.take(300 * MB)).isInstanceOf(AppException.class)
                .isNotInstanceOf(DecodeBudget.BusyException.class)
                .hasMessage("image too large to decode here: it needs about 300 MB, and this process allows 100 MB for pictures");
    }

    @Test
    void theCostCountsTheDecodedPixelsAndTheWorkingCopies() {
        assertThat(DecodeBudget.bytesFor(1_000_000, 3)).isEqualTo(11_000_000);
    }
}
