package dev.dl4jmnist.data;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.DataSet;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Random;

/**
 * Replaces each training batch's images by varied copies ({@link DigitAugmenter}) as the iterator
 * hands the batch out; labels are untouched. One seeded generator serves every batch in order, so a
 * seed gives the same sequence of images, epoch after epoch.
 */
public final class AugmentingPreProcessor implements DataSetPreProcessor {
    private final DigitAugmenter augmenter;
    private Random random;

    public AugmentingPreProcessor(Augmentation settings, long seed) {
        this.augmenter = new DigitAugmenter(settings);
        this.random = new Random(seed);
    }

    /** The generator, as it stands (to save the data order with it). */
    Random random() {
        return random;
    }

    /** Continues with {@code saved} (a generator saved by a checkpoint). */
    void restoreRandom(Random saved) {
        this.random = saved;
    }

    @Override
    public void preProcess(DataSet batch) {
        INDArray features = batch.getFeatures();
        int rows = (int) features.rows();
        int pixels = (int) features.columns();
        float[] all = features.castTo(DataType.FLOAT).dup('c').data().asFloat();
        float[] out = new float[all.length];
        float[] image = new float[pixels];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(all, r * pixels, image, 0, pixels);
            System.arraycopy(augmenter.augment(image, random), 0, out, r * pixels, pixels);
        }
        batch.setFeatures(Nd4j.create(out, new long[]{rows, pixels}, 'c').castTo(features.dataType()));
    }
}
