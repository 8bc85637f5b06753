package dev.dl4jmnist.model;

import dev.dl4jmnist.FullTier;
import dev.dl4jmnist.TestData;
import dev.dl4jmnist.TestModels;
import dev.dl4jmnist.data.MnistImages;
import dev.dl4jmnist.persistence.ModelStore;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** The inference API called from 8 threads at once gives exactly what one thread gets. */
@FullTier
class DigitClassifierConcurrencyTest {
    private static final int THREADS = 8;
    private static final int BATCH = 1000;

    @Test
    void eightThreadsAtOnceGiveTheSingleThreadedClassesAndProbabilities() throws Exception {
        DigitClassifier classifier = ModelStore.loadClassifier(TestModels.quickModelPath());
        MnistImages test = TestData.mnist().testImages();
        float[][] pixels = new float[test.size()][];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = test.scaled(i);
        }

        labelAll(classifier, pixels, 0);              // warm-up: the timings below compare steady states
        long t0 = System.nanoTime();
        float[][] single = labelAll(classifier, pixels, 0);
        long t1 = System.nanoTime();
        int[] singleClasses = DigitClassifier.argMax(single);

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<float[][]>> runs = new ArrayList<>();
        try {
            for (int t = 0; t < THREADS; t++) {
                int offset = t;                       // each thread starts at a different batch
                runs.add(pool.submit(() -> {
                    start.await();
                    return labelAll(classifier, pixels, offset);
                }));
            }
            long t2 = System.nanoTime();
            start.countDown();
            for (Future<float[][]> run : runs) {
                float[][] p = run.get();
                int[] classes = DigitClassifier.argMax(p);
                int same = 0;
                for (int i = 0; i < classes.length; i++) {
                    same += classes[i] == singleClasses[i] ? 1 : 0;
                }
                assertThat(same).isEqualTo(10_000);
                assertThat(Arrays.deepEquals(p, single)).as("bit-identical probabilities").isTrue();
            }
            long t3 = System.nanoTime();
            System.out.printf(Locale.ROOT, "DigitClassifier on %d test images: 1 thread %.2fs; %d threads, each labelling"
                            + " all of them, %.2fs (%.2fs per pass)%n", pixels.length, (t1 - t0) / 1e9, THREADS,
                    (t3 - t2) / 1e9, (t3 - t2) / 1e9 / THREADS);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Labels every image in batches of {@link #BATCH}, beginning at batch {@code offset} and wrapping round. */
    private static float[][] labelAll(DigitClassifier classifier, float[][] pixels, int offset) {
        int batches = (pixels.length + BATCH - 1) / BATCH;
        float[][] out = new float[pixels.length][];
        for (int k = 0; k < batches; k++) {
            int from = ((k + offset) % batches) * BATCH;
            int to = Math.min(pixels.length, from + BATCH);
            float[][] p = classifier.probabilities(Arrays.copyOfRange(pixels, from, to));
            System.arraycopy(p, 0, out, from, p.length);
        }
        return out;
    }
}
