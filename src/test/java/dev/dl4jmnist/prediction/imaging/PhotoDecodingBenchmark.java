package dev.dl4jmnist.prediction.imaging;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * What a 36-megapixel photo costs to prepare, stored upright and with EXIF orientation 6 (rotate 90°),
 * alone and two at once (a benchmark that prints numbers, not a test). Run it with serve's heap to see
 * whether two fit: {@code java -Xmx512m -XX:+UseParallelGC -cp target/test-classes:target/classes:$(cat cp.txt)
 * dev.dl4jmnist.prediction.imaging.PhotoDecodingBenchmark} (an older jar in place of target/classes times
 * older code). {@code --two-at-once-only} skips the timings.
 */
public final class PhotoDecodingBenchmark {
    private static final int RUNS = 5;

    private PhotoDecodingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        BufferedImage photo = LargePictureTest.sevenOnPaper(7360, 4912);
        grain(photo);                              // a camera's noise: without it the JPEG is a few hundred KB
        byte[] upright = jpeg(photo);
        byte[] rotated = HostilePictures.jpegWithExifOrientation(upright, 6);
        photo = null;
        System.out.printf(Locale.ROOT, "36 MP JPEG, %.1f MB; heap limit %d MiB%n", upright.length / 1e6,
                Runtime.getRuntime().maxMemory() >> 20);
        boolean timed = !List.of(args).contains("--two-at-once-only");
        if (timed) {
            for (int warm = 0; warm < 2; warm++) {
                prepare(upright);
                prepare(rotated);
            }
            System.out.printf(Locale.ROOT, "upright:       median %.0f ms%n", median(upright));
            System.out.printf(Locale.ROOT, "orientation 6: median %.0f ms%n", median(rotated));
        }
        ExecutorService two = Executors.newFixedThreadPool(2);
        long start = System.nanoTime();
        List<Future<PreparedDigit>> both = new ArrayList<>();
        for (byte[] picture : List.of(upright, rotated)) {
            both.add(two.submit(() -> prepare(picture)));
        }
        String outcome = "both prepared";
        for (Future<PreparedDigit> f : both) {
            try {
                f.get();
            } catch (java.util.concurrent.ExecutionException e) {
                outcome = "failed: " + e.getCause();
            }
        }
        System.out.printf(Locale.ROOT, "two at once:   %.0f ms, %s%n", (System.nanoTime() - start) / 1e6, outcome);
        two.shutdown();
    }

    private static double median(byte[] picture) {
        double[] ms = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long t = System.nanoTime();
            prepare(picture);
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        java.util.Arrays.sort(ms);
        return ms[RUNS / 2];
    }

    /**
     * Decoding and preparing as {@code predict} and {@code serve} do, through the calls that exist in every
     * version of the pipeline, so that the same benchmark times older code on its class path.
     */
    private static PreparedDigit prepare(byte[] picture) {
        return DigitPipeline.prepare(ImageFiles.read(picture, ImageFiles.DEFAULT_MAX_PIXELS));
    }

    private static void grain(BufferedImage image) {
        java.util.Random random = new java.util.Random(1);
        int[] row = new int[image.getWidth()];
        for (int y = 0; y < image.getHeight(); y++) {
            image.getRGB(0, y, row.length, 1, row, 0, row.length);
            for (int x = 0; x < row.length; x++) {
                int n = random.nextInt(25) - 12;
                int r = clamp(((row[x] >> 16) & 0xFF) + n), g = clamp(((row[x] >> 8) & 0xFF) + n), b = clamp((row[x] & 0xFF) + n);
                row[x] = (r << 16) | (g << 8) | b;
            }
            image.setRGB(0, y, row.length, 1, row, 0, row.length);
        }
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    private static byte[] jpeg(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }
}
