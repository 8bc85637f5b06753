package dev.dl4jmnist.cli;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The jar's launcher leaves the heap alone whenever the user's JVM options already size it, and the user's malloc settings win. */
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

    @Test
    void mallocSettingsAreAddedWhereTheEnvironmentHasNone() {
        Map<String, String> env = new HashMap<>(Map.of("PATH", "/usr/bin"));
        Launcher.withDefaults(env, Launcher.MALLOC_ENVIRONMENT);
        assertThat(env).containsEntry("MALLOC_ARENA_MAX", "2").containsEntry("PATH", "/usr/bin").hasSize(2);
    }

    @Test
    void theUsersMallocSettingsWin() {
        Map<String, String> env = new HashMap<>(Map.of("MALLOC_ARENA_MAX", "8", "MALLOC_MMAP_THRESHOLD_", "131072"));
        Launcher.withDefaults(env, Launcher.MALLOC_ENVIRONMENT);
        assertThat(env).containsEntry("MALLOC_ARENA_MAX", "8").containsEntry("MALLOC_MMAP_THRESHOLD_", "131072").hasSize(2);
    }

    @Test
    void theUsersJvmOptionsComeAfterOursAndSoWin() {
        List<String> ours = Launcher.TRAINING_JVM;
        List<String> command = Launcher.childCommand(ours, List.of("-Xmn64m", "-Dorg.bytedeco.javacpp.maxBytes=4g"),
                new String[]{"train", "--epochs", "1"});
        assertThat(command.subList(1, 1 + ours.size())).isEqualTo(ours);
        assertThat(command.subList(1 + ours.size(), 3 + ours.size()))
                .containsExactly("-Xmn64m", "-Dorg.bytedeco.javacpp.maxBytes=4g");
        assertThat(command.subList(command.size() - 4, command.size()))
                .containsExactly(MnistApp.class.getName(), "train", "--epochs", "1");
    }
}
