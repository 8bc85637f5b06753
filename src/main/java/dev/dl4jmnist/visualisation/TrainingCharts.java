package dev.dl4jmnist.visualisation;

import dev.dl4jmnist.training.EpochStats;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
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

    private static XYChart chart(String title, String yTitle, List<EpochStats> history,
                                 String train, ToDoubleFunction<EpochStats> trainValue,
                                 String validation, ToDoubleFunction<EpochStats> validationValue) {
        if (history.isEmpty()) {
            throw new IllegalArgumentException("no epochs to plot");
        }
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle("Epoch").yAxisTitle(yTitle)
                .build();
        XYStyler styler = chart.getStyler();
        styler.setLegendPosition(Styler.LegendPosition.InsideNE);
        styler.setLegendVisible(true);
        styler.setPlotGridLinesVisible(true);
        styler.setXAxisDecimalPattern("0");
        styler.setChartBackgroundColor(Color.WHITE);
        double[] epochs = history.stream().mapToDouble(EpochStats::epoch).toArray();
        chart.addSeries(train, epochs, history.stream().mapToDouble(trainValue).toArray());
        chart.addSeries(validation, epochs, history.stream().mapToDouble(validationValue).toArray());
        return chart;
    }
}
