package dev.dl4jmnist.data;

import dev.dl4jmnist.FullTier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Outlier exposure's mixing: half a batch of pool pictures labelled uniform after the digits, and a pool without one kind. */
@FullTier   // makes the 20,000-picture pool twice (about 20 s)
class NonDigitMixingTest {
    private static final int DIGITS = 128;
    /** Each picture of the standard pool, by its pixels, to its index. */
    private static Map<List<Float>, Integer> pool;

    @BeforeAll
    static void makePool() {
        float[][] pictures = NonDigits.images(NonDigitMixing.POOL, NonDigitMixing.POOL_SEED);
        pool = new HashMap<>();
        for (int i = 0; i < pictures.length; i++) {
            pool.put(key(pictures[i]), i);
        }
    }

    private static List<Float> key(float[] picture) {
        Float[] boxed = new Float[picture.length];
        for (int i = 0; i < picture.length; i++) {
            boxed[i] = picture[i];
        }
        return List.of(boxed);
    }

    private static DataSet digits() {
        INDArray labels = Nd4j.zeros(DataType.FLOAT, DIGITS, MnistData.CLASSES);
        for (int i = 0; i < DIGITS; i++) {
            labels.putScalar(i, i % MnistData.CLASSES, 1);
        }
        return new DataSet(Nd4j.zeros(DataType.FLOAT, DIGITS, MnistData.PIXELS).addi(0.5), labels);
    }

    @Test
    void everyBatchGetsHalfAsManyPoolPicturesLabelledUniformAfterItsDigits() {
        DataSet batch = digits();
        NonDigitMixing.standard(1).preProcess(batch);
        int extra = NonDigitMixing.perBatch(DIGITS);
        assertThat(extra).isEqualTo(64);
        assertThat(batch.getFeatures().size(0)).isEqualTo(DIGITS + extra);
        assertThat(batch.getLabels().size(0)).isEqualTo(DIGITS + extra);
        for (int row = 0; row < DIGITS + extra; row++) {
            boolean nonDigit = row >= DIGITS;
            assertThat(NonDigitMixing.isNonDigitRow(batch.getLabels(), row)).as("row %d", row).isEqualTo(nonDigit);
            if (nonDigit) {
                assertThat(batch.getLabels().getRow(row).toFloatVector()).containsOnly(0.1f);
                assertThat(pool).as("row %d is a pool picture", row).containsKey(key(batch.getFeatures().getRow(row).toFloatVector()));
            } else {
                assertThat(batch.getFeatures().getRow(row).toFloatVector()).containsOnly(0.5f);
            }
        }
    }

    @Test
    void aPoolWithoutOneKindNeverShowsItAndShowsEveryOther() {
        NonDigitMixing mixing = NonDigitMixing.withoutKind(NonDigits.Kind.SCRIBBLE, 1);
        Set<NonDigits.Kind> seen = EnumSet.noneOf(NonDigits.Kind.class);
        for (int b = 0; b < 40; b++) {
            DataSet batch = digits();
            mixing.preProcess(batch);
            for (int row = DIGITS; row < batch.getFeatures().size(0); row++) {
                Integer index = pool.get(key(batch.getFeatures().getRow(row).toFloatVector()));
                assertThat(index).as("batch %d row %d is a pool picture", b, row).isNotNull();
                seen.add(NonDigits.kindOf(index));
            }
        }
        assertThat(seen).doesNotContain(NonDigits.Kind.SCRIBBLE)
                .containsExactlyInAnyOrderElementsOf(EnumSet.complementOf(EnumSet.of(NonDigits.Kind.SCRIBBLE)));
    }
}
