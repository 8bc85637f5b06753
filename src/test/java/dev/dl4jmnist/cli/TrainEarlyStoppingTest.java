package dev.dl4jmnist.cli;

import dev.dl4jmnist.Bits;
import dev.dl4jmnist.FullTier;
import dev.dl4jmnist.TestData;
import dev.dl4jmnist.persistence.ModelStore;
import dev.dl4jmnist.persistence.RunSummary;
import dev.dl4jmnist.training.Checkpoint;
import dev.dl4jmnist.training.CheckpointStore;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code --early-stopping} on a run that plateaus (2,000 images, up to 12 epochs: validation loss stops
 * falling by 0.01 after a few): it stops, says which epoch was best and why, saves that epoch's network,
 * and a second run with the same seed gives the same bits.
 */
@FullTier
class TrainEarlyStoppingTest {
    @TempDir
    Path tmp;

    private CliRunner train(String name) {
        return CliRunner.run("train", "--data-dir", TestData.mnist().location().directory().toString(),
                "--train-examples", "2000", "--test-examples", "500", "--epochs", "12", "--seed", "4",
                "--early-stopping", "2", "--min-delta", "0.01", "--model", tmp.resolve(name).toString());
    }

    @Test
    void aPlateauStopsTheRunAndTheBestEpochIsSaved() {
        CliRunner r = train("a.zip");
        assertEquals(0, r.exitCode(), r.err());
        RunSummary s = RunSummary.read(tmp.resolve("a.json"));
        int epochs = s.history().size();
        int best = s.training().bestEpoch();
        assertThat(epochs).as("stopped before the 12th epoch").isLessThan(12);
        assertThat(s.training().stoppedEarly()).isTrue();
        assertEquals(epochs - 2, best, "two epochs without improvement after the best");
        Matcher m = Pattern.compile("Best epoch: (\\d+) of (\\d+) \\(val_loss ").matcher(r.out());
        assertThat(m.find()).as(r.out()).isTrue();
        assertEquals(best, Integer.parseInt(m.group(1)));
        assertThat(r.out()).contains("Stopped: val_loss did not improve on epoch " + best + "'s ")
                .contains(" by more than 0.01 for 2 epochs");
        // the test set is the validation set: the saved model's test loss is the best epoch's val_loss
        assertEquals(s.history().get(best - 1).valLoss(), s.test().loss());
        // and its parameters are the best epoch's checkpoint's, bit for bit
        Checkpoint atBest = bestCheckpoint(tmp.resolve("a.run"), best);
        MultiLayerNetwork saved = (MultiLayerNetwork) ModelStore.load(tmp.resolve("a.zip"));
        Bits.assertBitIdentical(atBest.network().params(), saved.params(), "the best epoch's parameters");

        CliRunner again = train("b.zip");
        assertEquals(0, again.exitCode(), again.err());
        MultiLayerNetwork b = (MultiLayerNetwork) ModelStore.load(tmp.resolve("b.zip"));
        Bits.assertBitIdentical(saved.params(), b.params(), "same seed, same parameters");
        assertEquals(s.history().stream().map(e -> e.valLoss()).toList(),
                RunSummary.read(tmp.resolve("b.json")).history().stream().map(e -> e.valLoss()).toList());
        assertEquals(best, RunSummary.read(tmp.resolve("b.json")).training().bestEpoch());
    }

    /** The checkpoint written after epoch {@code epoch} (kept: it is among the last three). */
    private static Checkpoint bestCheckpoint(Path runDir, int epoch) {
        return CheckpointStore.read(runDir.resolve(String.format("epoch-%04d.ckpt", epoch)));
    }
}
