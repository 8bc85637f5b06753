package dev.dl4jmnist.evaluation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The Wilson interval against published values, at the edges and for bad counts. */
class WilsonIntervalTest {
    @Test
    void matchesNewcombesWorkedExample() {
        // Newcombe (1998), Statistics in Medicine 17:857, method 3: 81 of 263 → 0.2553 to 0.3662
        WilsonInterval i = WilsonInterval.of(81, 263);
        assertThat(i.low()).isCloseTo(0.2553, within(5e-5));
        assertThat(i.high()).isCloseTo(0.3662, within(5e-5));
    }

    @Test
    void staysInsideZeroAndOneAtTheEdges() {
        assertThat(WilsonInterval.of(0, 10).low()).isEqualTo(0);
        assertThat(WilsonInterval.of(0, 10).high()).isCloseTo(0.2775, within(5e-5));
        assertThat(WilsonInterval.of(10, 10).high()).isLessThanOrEqualTo(1);
        assertThat(WilsonInterval.of(10, 10).low()).isCloseTo(0.7225, within(5e-5));
        assertThat(WilsonInterval.of(0, 0)).isEqualTo(new WilsonInterval(0, 1));
    }

    @Test
    void refusesImpossibleCounts() {
        assertThatThrownBy(() -> WilsonInterval.of(5, 4)).hasMessage("need 0 <= successes <= trials, got 5 of 4");
    }
}
