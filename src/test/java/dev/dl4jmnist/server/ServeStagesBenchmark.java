package dev.dl4jmnist.server;

import dev.dl4jmnist.TestModels;
import dev.dl4jmnist.model.DigitClassifier;
import dev.dl4jmnist.prediction.imaging.DigitFraming;
import dev.dl4jmnist.prediction.imaging.DigitPipeline;
import dev.dl4jmnist.prediction.imaging.GrayConversion;
import dev.dl4jmnist.prediction.imaging.GrayImage;
import dev.dl4jmnist.prediction.imaging.InkExtraction;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Where one prediction request's time goes, stage by stage, single-threaded and warmed up (a benchmark
 * that prints numbers, not a test). CPU time of the calling thread is the steadier figure on a busy
 * machine; ND4J's own threads (inference) are not in it, so inference counts by wall time:
 * {@code mvn -q -o test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.dl4jmnist.server.ServeStagesBenchmark}
 */
public final class ServeStagesBenchmark {
    private static final int WARMUP = 300;
    private static final int RUNS = 500;

    private ServeStagesBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        byte[] png = DrawnDigits.stroke(80, 60, 200, 60, 130, 230);      // a drawn 7, as the page sends it
        dev.dl4jmnist.app.ServeModels service = ServedModels.loaded(TestModels.quickModelPath());
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        GrayImage gray = GrayConversion.toGray(image);
        InkExtraction.Background background = InkExtraction.fitBackground(gray);
        boolean dark = InkExtraction.inkIsDark(gray, background);
        GrayImage ink = InkExtraction.inkOnBlack(gray, background, dark);
        InkExtraction.Ink normalised = InkExtraction.normalise(ink, background.noise());
        GrayImage clean = DigitFraming.removeSpecks(normalised.image(), normalised.threshold());
        DigitFraming.Box box = DigitFraming.inkBox(clean, 127.5f);

        Map<String, Supplier<Object>> stages = new LinkedHashMap<>();
        stages.put("decode PNG (ImageIO, in memory)", () -> read(png));
        stages.put("gray", () -> GrayConversion.toGray(image));
        stages.put("background fit", () -> InkExtraction.fitBackground(gray));
        stages.put("polarity + ink on black", () -> InkExtraction.inkOnBlack(gray, background, InkExtraction.inkIsDark(gray, background)));
        stages.put("threshold + normalise", () -> InkExtraction.normalise(ink, background.noise()));
        stages.put("remove specks", () -> DigitFraming.removeSpecks(normalised.image(), normalised.threshold()));
        stages.put("crop, 20x20, centre", () -> DigitFraming.centreByMass(DigitFraming.fitIntoBox(clean, DigitFraming.inkBox(clean, 127.5f))));
        stages.put("whole preprocessing", () -> DigitPipeline.prepare(image));
        DigitClassifier classifier = DigitClassifier.of(TestModels.quickModel());
        float[] input = DigitPipeline.prepare(image).modelInput();
        stages.put("inference (one picture)", () -> classifier.probabilities(new float[][]{input}));
        stages.put("whole request in ServeModels", () -> service.predictPicture(service.model(null, null), png, null, false, false));

        System.out.printf(Locale.ROOT, "280x280 PNG drawing (%d bytes), %d runs after %d warm-up, %d cores, load average %s%n",
                png.length, RUNS, WARMUP, Runtime.getRuntime().availableProcessors(), loadAverage());
        System.out.println("| stage | CPU ms per picture | wall ms per picture |\n|---|---:|---:|");
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        for (Map.Entry<String, Supplier<Object>> stage : stages.entrySet()) {
            for (int i = 0; i < WARMUP; i++) {
                stage.getValue().get();
            }
            long cpu = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            for (int i = 0; i < RUNS; i++) {
                stage.getValue().get();
            }
            long wall = System.nanoTime() - start;
            cpu = threads.getCurrentThreadCpuTime() - cpu;
            System.out.printf(Locale.ROOT, "| %s | %.3f | %.3f |%n", stage.getKey(), cpu / 1e6 / RUNS, wall / 1e6 / RUNS);
        }
        System.exit(0);
    }

    private static BufferedImage read(byte[] png) {
        try {
            return ImageIO.read(new javax.imageio.stream.MemoryCacheImageInputStream(new ByteArrayInputStream(png)));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String loadAverage() {
        try {
            return new String(java.nio.file.Files.readAllBytes(java.nio.file.Path.of("/proc/loadavg"))).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }
}
