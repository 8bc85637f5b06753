package dev.dl4jmnist.visualisation;

import dev.dl4jmnist.evaluation.ConfusionMatrix;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.style.HeatMapStyler;

import java.awt.Color;
import java.awt.Font;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The confusion matrix as a heat map with the count in every cell: predicted class across, true class
 * down (0 at the top, as the text table reads), darker blue for larger counts.
 */
public final class ConfusionMatrixChart {
    public static final int WIDTH = 800;
    public static final int HEIGHT = 720;

    private ConfusionMatrixChart() {
    }

    public static HeatMapChart chart(ConfusionMatrix matrix) {
        int n = matrix.classes();
        HeatMapChart chart = new HeatMapChartBuilder().width(WIDTH).height(HEIGHT).title("Confusion matrix")
                .xAxisTitle("Predicted class").yAxisTitle("True class").build();
        HeatMapStyler styler = chart.getStyler();
        styler.setShowValue(true);
        styler.setValueFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        styler.setValueFontColor(Color.BLACK);
        styler.setHeatMapValueDecimalPattern("0");
        styler.setRangeColors(new Color[]{Color.WHITE, new Color(0x9ecae1), new Color(0x4292c6)});
        styler.setMin(0);
        styler.setMax(Math.max(1, maxCount(matrix)));
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotGridLinesVisible(false);
        List<String> predicted = new ArrayList<>();
        List<String> actual = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            predicted.add(String.valueOf(c));
            actual.add(String.valueOf(n - 1 - c));   // XChart draws the first y category at the bottom
        }
        List<Number[]> cells = new ArrayList<>();
        for (int t = 0; t < n; t++) {
            for (int p = 0; p < n; p++) {
                cells.add(new Number[]{p, n - 1 - t, matrix.count(t, p)});
            }
        }
        chart.addSeries("count", predicted, actual, cells);
        return chart;
    }

    public static void writePng(Path file, ConfusionMatrix matrix) {
        ChartFiles.writePng(file, chart(matrix));
    }

    private static int maxCount(ConfusionMatrix matrix) {
        int max = 0;
        for (int[] row : matrix.counts()) {
            for (int v : row) {
                max = Math.max(max, v);
            }
        }
        return max;
    }
}
