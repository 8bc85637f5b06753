package dev.dl4jmnist.visualisation;

import dev.dl4jmnist.evaluation.CalibrationError;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.Color;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The reliability diagram: each confidence bin's accuracy against its mean confidence, beside the diagonal
 * a perfectly calibrated model would lie on; points below it are overconfident. The title carries the
 * expected calibration error.
 */
public final class ReliabilityDiagram {
    private ReliabilityDiagram() {
    }

    public static XYChart chart(CalibrationError calibration, String title) {
        return chart(calibration, null, title);
    }

    /** The network's own probabilities ({@code before}) and, when not null, the calibrated ones ({@code after}). */
    public static XYChart chart(CalibrationError before, CalibrationError after, String title) {
        String errors = after == null ? String.format(Locale.ROOT, "expected calibration error %.2f%%", 100 * before.expectedError())
                : String.format(Locale.ROOT, "calibration error %.2f%%, calibrated %.2f%%",
                100 * before.expectedError(), 100 * after.expectedError());
        XYChart chart = new XYChartBuilder().width(TrainingCharts.WIDTH).height(TrainingCharts.HEIGHT)
                .title(title + " (" + errors + ")")
                .xAxisTitle("Confidence (largest probability)").yAxisTitle("Accuracy").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        chart.getStyler().setPlotGridLinesVisible(true);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setXAxisMin(0.0).setXAxisMax(1.0).setYAxisMin(0.0).setYAxisMax(1.0);
        chart.getStyler().setXAxisDecimalPattern("0.0");
        chart.getStyler().setYAxisDecimalPattern("0.0");
        XYSeries diagonal = chart.addSeries("perfectly calibrated", new double[]{0, 1}, new double[]{0, 1});
        diagonal.setLineColor(Color.GRAY);
        diagonal.setMarker(SeriesMarkers.NONE);
        addBins(chart, after == null ? "model" : "network's own probabilities", before, TrainingCharts.TRAINING_COLOUR);
        if (after != null) {
            addBins(chart, "calibrated", after, TrainingCharts.VALIDATION_COLOUR);
        }
        return chart;
    }

    private static void addBins(XYChart chart, String name, CalibrationError calibration, Color colour) {
        double[] confidence = calibration.bins().stream().mapToDouble(CalibrationError.Bin::confidence).toArray();
        double[] accuracy = calibration.bins().stream().mapToDouble(CalibrationError.Bin::accuracy).toArray();
        XYSeries series = chart.addSeries(name + " (one point per bin of 1/" + CalibrationError.BINS + ")", confidence, accuracy);
        series.setLineColor(colour);
        series.setMarkerColor(colour);
    }

    public static void writePng(Path file, CalibrationError calibration, String title) {
        writePng(file, calibration, null, title);
    }

    public static void writePng(Path file, CalibrationError before, CalibrationError after, String title) {
        ChartFiles.writePng(file, chart(before, after, title));
    }
}
