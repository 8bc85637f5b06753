package dev.dl4jmnist.training;

import dev.dl4jmnist.FullTier;
import dev.dl4jmnist.Bits;
import dev.dl4jmnist.TestData;
import dev.dl4jmnist.app.TrainTutorial;
import dev.dl4jmnist.app.TutorialObserver;
import dev.dl4jmnist.app.TutorialRequest;
import dev.dl4jmnist.app.TutorialResult;
import dev.dl4jmnist.model.CnnConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** Same seed, same CNN: weights, dropout masks, shuffling and the augmented images all follow the seed. */
@FullTier
class CnnDeterminismTest {
    @TempDir
    Path tmp;

    private TutorialResult run(long seed, boolean augment, String name) {
        CnnConfig config = CnnConfig.defaults().withEpochs(1).withSeed(seed);
        config = config.withAugmentation(config.augmentation().withEnabled(augment));
        Path data = TestData.mnist().location().directory();
        return TrainTutorial.run(new TutorialRequest(config, data, tmp.resolve(name), 768, 200), TutorialObserver.SILENT);
    }

    private static List<List<Double>> metrics(TutorialResult r) {
        return r.history().stream().map(e -> List.of(e.loss(), e.accuracy(), e.valLoss(), e.valAccuracy())).toList();
    }

    @Test
    void twoRunsWithOneSeedAreIdenticalAndAugmentationChangesThem() {
        TutorialResult a = run(5, true, "a.zip");
        TutorialResult b = run(5, true, "b.zip");
        assertEquals(metrics(a), metrics(b));
        assertArrayEquals(a.test().predicted(), b.test().predicted());
        Bits.assertBitIdentical(a.model().params(), b.model().params(), "parameters");
        // the augmentation is really applied: without it the same seed trains on other images
        TutorialResult plain = run(5, false, "plain.zip");
        assertNotEquals(metrics(a), metrics(plain));
    }
}
