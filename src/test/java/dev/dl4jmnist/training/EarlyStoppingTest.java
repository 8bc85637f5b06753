package dev.dl4jmnist.training;

import dev.dl4jmnist.AppException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The rule: lower by more than the minimum counts, patience epochs without it stop. */
class EarlyStoppingTest {
    @Test
    void anImprovementIsADecreaseByMoreThanTheMinimum() {
        EarlyStopping rule = new EarlyStopping(2, 0.01);
        assertThat(rule.improves(Double.NaN, 0.5)).as("the first epoch").isTrue();
        assertThat(rule.improves(0.5, 0.48)).isTrue();
        assertThat(rule.improves(0.5, 0.49)).as("by exactly the minimum").isFalse();
        assertThat(rule.improves(0.5, 0.6)).isFalse();
        assertThat(rule.improves(0.5, Double.NaN)).isFalse();
        assertThat(new EarlyStopping(1, 0).improves(0.5, Math.nextDown(0.5))).isTrue();
        assertThat(new EarlyStopping(1, 0).improves(0.5, 0.5)).isFalse();
    }

    @Test
    void patienceEpochsWithoutImprovementStop() {
        EarlyStopping rule = new EarlyStopping(2, 0);
        assertThat(rule.stopsAfter(3, 2)).isFalse();
        assertThat(rule.stopsAfter(4, 2)).isTrue();
    }

    @Test
    void nonsenseIsRefused() {
        assertThat(assertThrows(AppException.class, () -> new EarlyStopping(0, 0)).getMessage())
                .isEqualTo("early-stopping patience must be at least 1 epoch, got 0");
        assertThat(assertThrows(AppException.class, () -> new EarlyStopping(2, -0.1)).getMessage())
                .isEqualTo("the minimum improvement must be 0 or more, got -0.1");
    }
}
