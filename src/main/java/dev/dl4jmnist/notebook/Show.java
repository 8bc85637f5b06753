package dev.dl4jmnist.notebook;

import dev.dl4jmnist.AppException;
import dev.dl4jmnist.io.AtomicFiles;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * What a notebook calls to show a picture. Under the {@code notebook} command the picture becomes the
 * cell's {@code image/png} output; in plain {@code jshell} it is written to {@code output/pictures/}
 * and its path is printed.
 */
public final class Show {
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final Path PLAIN_DIR = Path.of("output", "pictures");
    private static final AtomicInteger PLAIN_COUNT = new AtomicInteger();
    private static volatile Consumer<byte[]> display;

    private Show() {
    }

    /** Shows an XChart chart. */
    public static void chart(Chart<?, ?> chart) {
        try {
            png(BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Shows an image. */
    public static void image(BufferedImage image) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        png(bytes.toByteArray());
    }

    /** Shows a PNG file. */
    public static void png(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new AppException("cannot read " + file + ": " + AtomicFiles.describe(e), e);
        }
        if (!isPng(bytes)) {
            throw new AppException(file + " is not a PNG file");
        }
        png(bytes);
    }

    private static void png(byte[] png) {
        Consumer<byte[]> target = display;
        if (target != null) {
            target.accept(png);
            return;
        }
        Path file = PLAIN_DIR.resolve(String.format("picture-%03d.png", PLAIN_COUNT.incrementAndGet()));
        AtomicFiles.write(file, tmp -> Files.write(tmp, png));
        System.out.println("picture: " + file);
    }

    static boolean isPng(byte[] bytes) {
        return bytes.length > PNG_SIGNATURE.length
                && Arrays.equals(bytes, 0, PNG_SIGNATURE.length, PNG_SIGNATURE, 0, PNG_SIGNATURE.length);
    }

    /** Sends pictures to {@code target} (null: back to files) — the runner's hook. */
    static void displayTo(Consumer<byte[]> target) {
        display = target;
    }
}
