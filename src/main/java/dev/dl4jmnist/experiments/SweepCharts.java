package dev.dl4jmnist.experiments;

import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * The sweep's charts (XChart): test accuracy and training time against batch size, one line per
 * network shape (network, hidden widths or augmentation, epochs), batch size on a log axis;
 * validation loss per epoch, one line per configuration; and what accuracy costs, test accuracy
 * against training time and against parameters, one point per configuration and one colour per network.
 */
public final class SweepCharts {
    private static final int WIDTH = 900;
    private static final int HEIGHT = 560;

    private SweepCharts() {
    }

    public static XYChart accuracyByBatchSize(List<ExperimentResult> results) {
        return byBatchSize(results, "Test accuracy against batch size", "test accuracy", ExperimentResult::testAccuracy);
    }

    public static XYChart trainingTimeByBatchSize(List<ExperimentResult> results) {
        return byBatchSize(results, "Training time against batch size (training steps, all epochs)", "training seconds",
                ExperimentResult::trainSeconds);
    }

    /** Validation (test-set) loss after each epoch, one series per configuration. */
    public static XYChart validationLoss(List<ExperimentResult> results) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title("Validation loss per epoch")
                .xAxisTitle("epoch").yAxisTitle("validation loss").build();
        style(chart);
        chart.getStyler().setXAxisDecimalPattern("0");
        for (ExperimentResult r : results) {
            double[] x = r.history().stream().mapToDouble(e -> e.epoch()).toArray();
            double[] y = r.history().stream().mapToDouble(e -> e.valLoss()).toArray();
            chart.addSeries(r.name(), x, y).setMarker(SeriesMarkers.CIRCLE);
        }
        return chart;
    }

    /** Test accuracy against seconds of training steps (all epochs): what each configuration's accuracy costs in time. */
    public static XYChart accuracyByTrainingTime(List<ExperimentResult> results) {
        return tradeOff(results, "Test accuracy against training time (training steps, all epochs)", "training seconds",
                ExperimentResult::trainSeconds, false);
    }

    /** Test accuracy against the number of parameters (log axis): what each configuration's accuracy costs in size. */
    public static XYChart accuracyByParameters(List<ExperimentResult> results) {
        return tradeOff(results, "Test accuracy against parameters", "parameters (log scale)",
                r -> r.parameters(), true);
    }

    /** Series name of a network shape: {@code mlp, hidden 512-512, 5 epochs} or {@code cnn, augmented, 5 epochs}. */
    public static String shapeLabel(ExperimentResult r) {
        return r.network() + ", " + ExperimentConfig.shape(r.config());
    }

    /** One point per configuration (labelled with its name), one series per network. */
    private static XYChart tradeOff(List<ExperimentResult> results, String title, String xTitle,
                                    ToDoubleFunction<ExperimentResult> x, boolean logX) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle(xTitle).yAxisTitle("test accuracy").build();
        style(chart);
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setXAxisLogarithmic(logX);
        chart.getStyler().setXAxisDecimalPattern("#,##0.#");
        Map<String, List<ExperimentResult>> byNetwork = new LinkedHashMap<>();
        for (ExperimentResult r : results) {
            byNetwork.computeIfAbsent(r.network(), k -> new ArrayList<>()).add(r);
        }
        byNetwork.forEach((network, points) -> chart.addSeries(network,
                points.stream().mapToDouble(x).toArray(),
                points.stream().mapToDouble(ExperimentResult::testAccuracy).toArray()).setMarker(SeriesMarkers.CIRCLE));
        if (results.isEmpty()) {
            return chart;
        }
        double lo = results.stream().mapToDouble(x).min().orElseThrow();
        double hi = results.stream().mapToDouble(x).max().orElseThrow();
        if (logX) {
            chart.getStyler().setXAxisMin(lo / 2.0);
            chart.getStyler().setXAxisMax(hi * 2.0);
        } else {
            double span = Math.max(hi - lo, 0.1 * Math.max(Math.abs(hi), 1e-6));
            chart.getStyler().setXAxisMin(Math.max(0, lo - 0.15 * span));
            chart.getStyler().setXAxisMax(hi + 0.15 * span);
        }
        double[] y = padY(chart, results, ExperimentResult::testAccuracy);
        for (ExperimentResult r : results) {
            chart.addAnnotation(new AnnotationText(r.name(), x.applyAsDouble(r),
                    r.testAccuracy() + 0.05 * (y[1] - y[0]), false));
        }
        return chart;
    }

    private static XYChart byBatchSize(List<ExperimentResult> results, String title, String yTitle,
                                       ToDoubleFunction<ExperimentResult> value) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle("batch size (log scale)").yAxisTitle(yTitle).build();
        style(chart);
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setXAxisDecimalPattern("#,##0");
        Map<String, List<ExperimentResult>> byShape = new LinkedHashMap<>();
        for (ExperimentResult r : results) {
            byShape.computeIfAbsent(shapeLabel(r), k -> new ArrayList<>()).add(r);
        }
        for (Map.Entry<String, List<ExperimentResult>> e : byShape.entrySet()) {
            List<ExperimentResult> points = new ArrayList<>(e.getValue());
            points.sort(Comparator.comparingInt(ExperimentResult::batchSize));
            double[] x = points.stream().mapToDouble(ExperimentResult::batchSize).toArray();
            double[] y = points.stream().mapToDouble(value).toArray();
            XYSeries s = chart.addSeries(e.getKey(), x, y);
            s.setMarker(SeriesMarkers.CIRCLE);
        }
        if (!results.isEmpty()) {
            frame(chart, results, value);
        }
        return chart;
    }

    /**
     * Keeps every point off the plot's edges (XChart fits the axes to the data exactly) and writes each
     * batch size just above its highest point, since a log axis labels only powers of ten.
     */
    private static void frame(XYChart chart, List<ExperimentResult> results, ToDoubleFunction<ExperimentResult> value) {
        int minBatch = results.stream().mapToInt(ExperimentResult::batchSize).min().orElseThrow();
        int maxBatch = results.stream().mapToInt(ExperimentResult::batchSize).max().orElseThrow();
        chart.getStyler().setXAxisMin(minBatch / 2.0);
        chart.getStyler().setXAxisMax(maxBatch * 2.0);
        double[] range = padY(chart, results, value);
        double yMin = range[0];
        double yMax = range[1];
        Map<Integer, Double> highest = new TreeMap<>();        // one label per batch size, above its highest point
        for (ExperimentResult r : results) {
            highest.merge(r.batchSize(), value.applyAsDouble(r), Math::max);
        }
        highest.forEach((batch, y) -> chart.addAnnotation(new AnnotationText(String.format(Locale.ROOT, "%,d", batch),
                batch, y + 0.05 * (yMax - yMin), false)));
    }

    /** Sets the y axis to the values' range with a margin above and below; returns {min, max}. */
    private static double[] padY(XYChart chart, List<ExperimentResult> results, ToDoubleFunction<ExperimentResult> value) {
        double lo = results.stream().mapToDouble(value).min().orElseThrow();
        double hi = results.stream().mapToDouble(value).max().orElseThrow();
        double span = Math.max(hi - lo, 1e-3 * Math.max(Math.abs(hi), 1e-6));
        double yMin = lo >= 0 ? Math.max(0, lo - 0.15 * span) : lo - 0.15 * span;
        double yMax = hi + 0.15 * span;
        chart.getStyler().setYAxisMin(yMin);
        chart.getStyler().setYAxisMax(yMax);
        return new double[]{yMin, yMax};
    }

    private static void style(XYChart chart) {
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        chart.getStyler().setPlotGridLinesVisible(true);
        chart.getStyler().setToolTipsEnabled(false);
    }
}
