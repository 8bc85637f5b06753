package dev.dl4jmnist.data;

import dev.dl4jmnist.TestData;
import org.deeplearning4j.datasets.iterator.impl.MnistDataSetIterator;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/** The in-memory minibatches are MnistDataSetIterator's, batch for batch, epoch after epoch. */
class InMemoryMnistIteratorTest {

    private static void assertSameEpochs(DataSetIterator expected, DataSetIterator actual, int epochs) {
        for (int epoch = 1; epoch <= epochs; epoch++) {
            int batches = 0;
            while (expected.hasNext()) {
                assertThat(actual.hasNext()).as("epoch %d batch %d exists", epoch, batches + 1).isTrue();
                DataSet e = expected.next();
                DataSet a = actual.next();
                assertThat(a.getFeatures()).as("epoch %d batch %d features", epoch, batches + 1).isEqualTo(e.getFeatures());
                assertThat(a.getLabels()).as("epoch %d batch %d labels", epoch, batches + 1).isEqualTo(e.getLabels());
                batches++;
            }
            assertThat(actual.hasNext()).as("epoch %d has no extra batch", epoch).isFalse();
            assertThat(batches).isPositive();
            expected.reset();
            actual.reset();
        }
    }

    private static MnistDataSetIterator reference(int batch, int examples, boolean train, boolean shuffle, long seed) throws IOException {
        return new MnistDataSetIterator(batch, examples, false, train, shuffle, seed,
                TestData.mnist().location().directory().toFile());
    }

    @Test
    void fullTrainingSetIsShuffledExactlyAsTheIterator() throws IOException {
        assertSameEpochs(reference(128, 60_000, true, true, 42), TestData.mnist().train(128, 60_000, 42), 2);
    }

    @Test
    void subsetIsDrawnAndReshuffledExactlyAsTheIterator() throws IOException {
        assertSameEpochs(reference(100, 3_000, true, true, 7), TestData.mnist().train(100, 3_000, 7), 3);
    }

    @Test
    void testSetComesInFileOrder() throws IOException {
        assertSameEpochs(reference(1000, 2_500, false, false, 0), TestData.mnist().test(1000, 2_500), 2);
    }

    @Test
    void aResetBeforeTheFirstEpochReshufflesAsTheIterator() throws IOException {
        DataSetIterator expected = reference(500, 5_000, true, true, 3);
        DataSetIterator actual = TestData.mnist().train(500, 5_000, 3);
        expected.reset();
        actual.reset();
        assertSameEpochs(expected, actual, 2);
    }
}
