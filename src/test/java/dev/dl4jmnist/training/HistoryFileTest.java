package dev.dl4jmnist.training;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The history's JSON lines: appended as they come, a cut-short last line ignored, a resume keeps what its checkpoint covers. */
class HistoryFileTest {
    @TempDir
    Path dir;

    private static TrainingEvent step(int epoch, int step) {
        return new TrainingEvent("step", epoch, null, step, 20, epoch - 1 + step / 20.0, 0.5, 0.9, null, null, 0.001, 100.0, null, 10.0, null);
    }

    private static TrainingEvent epoch(int epoch) {
        return new TrainingEvent("epoch", epoch, null, null, 20, (double) epoch, 0.5, 0.9, 0.4, 0.91, null, null, 2.0, 10.0, null);
    }

    private static List<String> shape(List<TrainingEvent> events) {
        return events.stream().map(e -> e.type() + (e.epoch() == null ? "" : e.epoch()) + (e.step() == null ? "" : "." + e.step())).toList();
    }

    @Test
    void aKilledRunsHistoryIsCutBackToItsCheckpointAndContinued() throws IOException {
        Path file = dir.resolve(HistoryFile.NAME);
        try (HistoryFile h = HistoryFile.open(file, 0)) {
            h.accept(TrainingEvent.start(3, 20, "mlp"));
            h.accept(step(1, 10));
            h.accept(step(1, 20));
            h.accept(epoch(1));
            h.accept(step(2, 10));                          // then killed in epoch 2…
        }
        Files.writeString(file, "{\"type\":\"step\",\"epo", StandardCharsets.UTF_8, StandardOpenOption.APPEND);   // …while writing a line
        assertEquals(List.of("start", "step1.10", "step1.20", "epoch1", "step2.10"), shape(HistoryFile.read(file)));

        try (HistoryFile h = HistoryFile.open(file, 1)) {     // resumed after epoch 1
            assertEquals(List.of("start", "step1.10", "step1.20", "epoch1"), shape(HistoryFile.read(file)));
            h.accept(TrainingEvent.resume(1, 3, 20));
            h.accept(step(2, 10));
            h.accept(epoch(2));
        }
        try (HistoryFile h = HistoryFile.open(file, 1)) {     // killed again, resumed after epoch 1 once more
            h.accept(TrainingEvent.resume(1, 3, 20));
        }
        assertThat(shape(HistoryFile.read(file))).containsExactly("start", "step1.10", "step1.20", "epoch1", "resume1");
    }

    @Test
    void aFreshRunStartsAnEmptyFile() throws IOException {
        Path file = dir.resolve(HistoryFile.NAME);
        Files.writeString(file, HistoryFile.line(epoch(1)));
        try (HistoryFile h = HistoryFile.open(file, 0)) {
            assertThat(HistoryFile.read(file)).isEmpty();
        }
    }
}
