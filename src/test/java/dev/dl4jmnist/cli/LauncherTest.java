package dev.dl4jmnist.cli;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The jar's launcher leaves the heap alone whenever the user's JVM options already size it. */
class LauncherTest {
    @Test
    void anyHeapOptionCountsAsSet() {
        assertThat(Launcher.heapSet(List.of("-Dlog.level=INFO", "-Xmx2g"))).isTrue();
        assertThat(Launcher.heapSet(List.of("-XX:MaxHeapSize=512m"))).isTrue();
        assertThat(Launcher.heapSet(List.of("-XX:MaxRAMPercentage=10"))).isTrue();
    }

    @Test
    void otherOptionsDoNot() {
        assertThat(Launcher.heapSet(List.of())).isFalse();
        assertThat(Launcher.heapSet(List.of("-Xms64m", "-Dlog.level=INFO", "-XX:+UseSerialGC"))).isFalse();
    }
}
