package dev.dl4jmnist.visualisation;

import dev.dl4jmnist.training.EpochStats;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;

import java.awt.Color;
import java.nio.file.Path;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The tutorial's {@code plot_loss(history)}: loss and val_loss per epoch (x: Epoch, y: "Error (Loss)",
 * legend, grid), and the same for accuracy. Epochs are numbered from 1, as Keras prints them.
 */
public final class TrainingCharts {
    public static final int WIDTH = 800;
    public static final int HEIGHT = 600;
    /** The training series' colour: matplotlib's first default colour, as in the tutorial's plots. */
    public static final Color TRAINING_COLOUR = new Color(0x1f77b4);
    /** The validation series' colour: matplotlib's second default colour. */
    public static final Color VALIDATION_COLOUR = new Color(0xff7f0e);
    /** Tick labels: at most four decimals, so a one-epoch chart does not show 0.249144802467028. */
    static final String VALUE_PATTERN = "0.0###";

    private TrainingCharts() {
    }

    public static XYChart lossChart(List<EpochStats> history) {
        return chart("Loss per epoch", "Error (Loss)", history, "loss", EpochStats::loss, "val_loss", EpochStats::valLoss);
    }

    public static XYChart accuracyChart(List<EpochStats> history) {
        return chart("Accuracy per epoch", "Accuracy", history, "accuracy", EpochStats::accuracy, "val_accuracy",
                EpochStats::valAccuracy);
    }

    public static void writeLoss(Path file, List<EpochStats> history) {
        ChartFiles.writePng(file, lossChart(history));
    }

    public static void writeAccuracy(Path file, List<EpochStats> history) {
        ChartFiles.writePng(file, accuracyChart(history));
    }

    private static void styleSeries(XYSeries series, Color colour) {
        series.setLineColor(colour);
        series.setMarkerColor(colour);
    }

    private static XYChart chart(String title, String yTitle, List<EpochStats> history,
                                 String train, ToDoubleFunction<EpochStats> trainValue,
                                 String validation, ToDoubleFunction<EpochStats> validationValue) {
        if (history.isEmpty()) {
            throw new IllegalArgumentException("no epochs to plot");
        }
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle("Epoch").yAxisTitle(yTitle)
                .build();
        XYStyler styler = chart.getStyler();
        styler.setLegendPosition(Styler.LegendPosition.OutsideS);     // below the plot: it never hides the last epochs
        styler.setLegendLayout(Styler.LegendLayout.Horizontal);
        styler.setLegendVisible(true);
        styler.setPlotGridLinesVisible(true);
        styler.setXAxisDecimalPattern("0");
        styler.setYAxisDecimalPattern(VALUE_PATTERN);
        styler.setChartBackgroundColor(Color.WHITE);
        double[] epochs = history.stream().mapToDouble(EpochStats::epoch).toArray();
        styleSeries(chart.addSeries(train, epochs, history.stream().mapToDouble(trainValue).toArray()), TRAINING_COLOUR);
        styleSeries(chart.addSeries(validation, epochs, history.stream().mapToDouble(validationValue).toArray()), VALIDATION_COLOUR);
        return chart;
    }
}
