package dev.dl4jmnist;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MemoryBudgetTest {
    @Test
    void sharesAreTakenInWholeKibAndGivenBackOnClose() throws InterruptedException {
        MemoryBudget budget = new MemoryBudget(10 * 1024 + 500);
        assertThat(budget.totalKib()).isEqualTo(10);
        Optional<MemoryBudget.Share> first = budget.tryTake(4 * 1024 + 1, 10);
        assertThat(first).isPresent();
        assertThat(budget.freeKib()).isEqualTo(5);
        assertThat(budget.tryTake(6 * 1024, 10)).as("more than is free, after waiting").isEmpty();
        assertThat(budget.freeKib()).isEqualTo(5);
        first.get().close();
        assertThat(budget.freeKib()).isEqualTo(10);
        try (MemoryBudget.Share all = budget.tryTake(10 * 1024, 10).orElseThrow()) {
            assertThat(budget.freeKib()).isZero();
        }
        assertThat(budget.freeKib()).isEqualTo(10);
        assertThatThrownBy(() -> budget.tryTake(10 * 1024 + 1, 10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("needs 11 KiB of a budget of 10");
    }
}
