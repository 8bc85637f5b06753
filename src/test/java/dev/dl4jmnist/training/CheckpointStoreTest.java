package dev.dl4jmnist.training;

import dev.dl4jmnist.Bits;
import dev.dl4jmnist.UsageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Checkpoint files: exact round trip, the last few kept, damaged ones skipped, another run's refused. */
class CheckpointStoreTest {
    @TempDir
    Path dir;

    private static final Map<String, Object> RUN = Map.of("network", "mlp", "config", Map.of("epochs", 5, "seed", 42));

    private static Checkpoint checkpoint(int epoch, boolean withBest) {
        Nd4j.getRandom().setSeed(epoch);
        NetworkState net = new NetworkState(Nd4j.rand(DataType.FLOAT, 1, 1000), Nd4j.rand(DataType.FLOAT, 1, 2000), epoch * 16, epoch);
        List<EpochStats> history = new ArrayList<>();
        for (int e = 1; e <= epoch; e++) {
            history.add(new EpochStats(e, 16, 0.5 / e, 0.9, 0.4 / e, 0.91, 1.25, 1.0));
        }
        Checkpoint.Best best = withBest ? new Checkpoint.Best(1, 0.4, new NetworkState(net.params().mul(2), net.updaterState().mul(3), 16, 1)) : null;
        return new Checkpoint(epoch, history, net, new RandomState(-123456789012345L, 987654321L), new byte[]{1, 2, 3, (byte) epoch}, best);
    }

    @Test
    void aCheckpointReadsBackBitForBit() {
        CheckpointStore store = new CheckpointStore(dir, RUN);
        Checkpoint c = checkpoint(2, true);
        store.write(c);
        Checkpoint back = new CheckpointStore(dir, RUN).latest(line -> {
            throw new AssertionError(line);
        }).orElseThrow();
        assertEquals(2, back.epoch());
        assertEquals(c.history(), back.history());
        assertEquals(c.random(), back.random());
        assertArrayEquals(c.dataOrder(), back.dataOrder());
        Bits.assertBitIdentical(c.network().params(), back.network().params(), "parameters");
        Bits.assertBitIdentical(c.network().updaterState(), back.network().updaterState(), "updater state");
        assertEquals(32, back.network().iterationCount());
        assertEquals(2, back.network().epochCount());
        assertEquals(1, back.best().epoch());
        assertEquals(0.4, back.best().valLoss());
        Bits.assertBitIdentical(c.best().network().params(), back.best().network().params(), "best parameters");
        Bits.assertBitIdentical(c.best().network().updaterState(), back.best().network().updaterState(), "best updater state");
    }

    @Test
    void onlyTheLastFewAreKept() {
        CheckpointStore store = new CheckpointStore(dir, RUN);
        for (int e = 1; e <= 5; e++) {
            store.write(checkpoint(e, false));
        }
        assertThat(store.files()).containsExactly(store.fileFor(5), store.fileFor(4), store.fileFor(3));
        assertEquals(5, store.latest(l -> { }).orElseThrow().epoch());
        assertEquals(3, store.clear());
        assertThat(store.files()).isEmpty();
    }

    @Test
    void aTruncatedOrCorruptLastCheckpointIsSkippedWithALine() throws IOException {
        CheckpointStore store = new CheckpointStore(dir, RUN);
        store.write(checkpoint(1, false));
        store.write(checkpoint(2, false));
        store.write(checkpoint(3, false));
        byte[] three = Files.readAllBytes(store.fileFor(3));
        Files.write(store.fileFor(3), java.util.Arrays.copyOf(three, three.length / 2));       // truncated
        byte[] two = Files.readAllBytes(store.fileFor(2));
        two[two.length / 2] ^= 0x5a;                                                          // one byte flipped
        Files.write(store.fileFor(2), two);
        List<String> notes = new ArrayList<>();
        Checkpoint c = store.latest(notes::add).orElseThrow();
        assertEquals(1, c.epoch());
        assertThat(notes).hasSize(2);
        assertThat(notes.get(0)).startsWith("Skipping checkpoint " + store.fileFor(3) + ": damaged or incomplete (");
        assertThat(notes.get(1)).startsWith("Skipping checkpoint " + store.fileFor(2) + ": damaged or incomplete (");
    }

    @Test
    void noCheckpointIsEmpty() {
        assertThat(new CheckpointStore(dir.resolve("none"), RUN).latest(l -> { })).isEmpty();
    }

    @Test
    void anotherRunsCheckpointIsRefusedNamingTheDifference() {
        new CheckpointStore(dir, RUN).write(checkpoint(1, false));
        Map<String, Object> other = Map.of("network", "mlp", "config", Map.of("epochs", 3, "seed", 42));
        UsageException e = assertThrows(UsageException.class, () -> new CheckpointStore(dir, other).latest(l -> { }));
        assertThat(e.getMessage()).isEqualTo("checkpoint " + dir.resolve("epoch-0001.ckpt") + " belongs to another run"
                + " (config.epochs: 5 there, 3 here); resume with that run's options, or train without --resume to start afresh");
    }
}
