package dev.dl4jmnist.training;

import dev.dl4jmnist.FullTier;
import dev.dl4jmnist.app.TrainTutorial;
import dev.dl4jmnist.app.TutorialRequest;
import dev.dl4jmnist.app.TutorialResult;
import dev.dl4jmnist.app.TutorialObserver;
import dev.dl4jmnist.model.MlpConfig;
import dev.dl4jmnist.Bits;
import dev.dl4jmnist.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** Same seed, same numbers: weights, dropout masks and shuffling all follow the seed. */
@FullTier
class DeterminismTest {
    @TempDir
    Path tmp;

    private TutorialResult run(long seed, String name) {
        MlpConfig config = MlpConfig.defaults().withEpochs(2).withSeed(seed);
        Path data = TestData.mnist().location().directory();
        return TrainTutorial.run(new TutorialRequest(config, data, tmp.resolve(name), 5_000, 1_000), TutorialObserver.SILENT);
    }

    /** The history without wall-clock times. */
    private static List<List<Double>> metrics(TutorialResult r) {
        return r.history().stream().map(e -> List.of(e.loss(), e.accuracy(), e.valLoss(), e.valAccuracy())).toList();
    }

    @Test
    void twoRunsWithOneSeedAreIdentical() {
        TutorialResult a = run(7, "a.zip");
        TutorialResult b = run(7, "b.zip");
        assertEquals(metrics(a), metrics(b));
        assertEquals(a.test().loss(), b.test().loss());
        assertArrayEquals(a.test().predicted(), b.test().predicted());
        Bits.assertBitIdentical(a.test().probabilities(), b.test().probabilities(), "test probabilities");
        Bits.assertBitIdentical(a.model().params(), b.model().params(), "parameters");
        Bits.assertBitIdentical(a.model().getUpdater().getStateViewArray(), b.model().getUpdater().getStateViewArray(),
                "Adam's state");
    }

    @Test
    void anotherSeedGivesAnotherRun() {
        assertNotEquals(metrics(run(7, "a.zip")), metrics(run(8, "c.zip")));
    }
}
