package dev.dl4jmnist.data;

import dev.dl4jmnist.TestData;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The images a model's calibration is fitted on are never among those it trains on. */
class HeldOutTest {

    @Test
    void trainingNeverDrawsTheHeldOutImagesAndDrawsAllTheOthers() {
        MnistData data = TestData.mnist();
        MnistImages all = data.trainImages();
        MnistImages heldOut = data.heldOut(MnistData.HELD_OUT);
        assertThat(heldOut.size()).isEqualTo(5_000);
        assertThat(heldOut.labels()).containsExactly(Arrays.copyOfRange(all.labels(), 55_000, 60_000));

        Set<String> trained = new HashSet<>();
        ResumableIterator train = data.train(1000, MnistData.TRAIN_SIZE - MnistData.HELD_OUT, 42, MnistData.HELD_OUT);
        int rows = 0;
        while (train.hasNext()) {
            DataSet batch = train.next();
            float[][] pixels = batch.getFeatures().toFloatMatrix();
            for (float[] row : pixels) {
                trained.add(Arrays.toString(row));
            }
            rows += pixels.length;
        }
        assertThat(rows).isEqualTo(55_000);
        int seen = 0;
        for (int i = 0; i < heldOut.size(); i++) {
            // MNIST has a few identical images; count the held-out ones whose pixels training saw elsewhere
            seen += trained.contains(Arrays.toString(heldOut.scaled(i))) ? 1 : 0;
        }
        assertThat(seen).as("held-out images whose exact pixels training drew").isZero();
        for (int i = 0; i < 55_000; i += 997) {
            assertThat(trained).contains(Arrays.toString(all.scaled(i)));
        }
    }

    @Test
    void asManyTrainingImagesAsAreNotHeldOutAtMost() {
        MnistData data = TestData.mnist();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> data.train(128, 55_001, 42, 5_000))
                .hasMessage("training examples must be between 1 and 55000, got 55001");
        assertThat(MnistData.describeHeldOut(5_000)).isEqualTo("MNIST training images 55,001–60,000 (the last 5,000, never trained on)");
    }
}
