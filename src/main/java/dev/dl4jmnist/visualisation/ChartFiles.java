package dev.dl4jmnist.visualisation;

import dev.dl4jmnist.io.AtomicFiles;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

import java.nio.file.Path;

/** Writes XChart charts as PNG files, atomically. */
public final class ChartFiles {
    private ChartFiles() {
    }

    public static void writePng(Path file, Chart<?, ?> chart) {
        AtomicFiles.writeStream(file, out -> BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG));
    }
}
