package dev.dl4jmnist.experiments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dl4jmnist.TestData;
import dev.dl4jmnist.training.EpochStats;
import dev.dl4jmnist.model.MlpConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import java.util.Map;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tiny real sweeps (1 epoch on 2,000 training and 500 test images): results, report files, resume, interruption. */
class SweepTest {
    private static final int TRAIN = 2000;
    private static final int TEST = 500;
    private static final MlpConfig BASE = MlpConfig.defaults().withEpochs(1).withHidden(List.of(64));

    @TempDir
    Path dir;

    private static SweepRequest request(Path out, Integer... batchSizes) {
        return new SweepRequest(SweepDefinition.grid(BASE, List.of(batchSizes), null), out, TRAIN, TEST);
    }

    @Test
    void tinySweepWritesTableCsvJsonAndChartsThatMatchTheRuns() throws IOException {
        Recorder recorder = new Recorder();
        SweepResult sweep = Sweep.run(request(dir, 100, 400), TestData.mnist(), recorder);
        List<ExperimentResult> results = sweep.results();

        assertEquals(List.of("b100-h64-e1", "b400-h64-e1"), results.stream().map(ExperimentResult::name).toList());
        assertEquals(List.of(), sweep.skipped());
        assertEquals(results, recorder.finished, "the observer saw the same results the sweep returned");
        assertEquals(List.of("started b100-h64-e1", "epoch 1", "finished b100-h64-e1",
                "started b400-h64-e1", "epoch 1", "finished b400-h64-e1"), recorder.events);

        long params = 784L * 64 + 64 + 64L * 10 + 10;
        int[] steps = {20, 5};                                           // 2000 / 100 and 2000 / 400
        for (int i = 0; i < 2; i++) {
            ExperimentResult r = results.get(i);
            EpochStats last = r.history().get(0);
            assertEquals(1, r.history().size());
            assertEquals(steps[i], last.steps());
            assertEquals(params, r.parameters());
            assertEquals(TRAIN, r.trainExamples());
            assertEquals(TEST, r.testExamples());
            // every configuration keeps the shared seed, dropout and Adam settings; only the batch size differs
            assertEquals(BASE.withBatchSize(r.batchSize()), r.config());
            assertEquals("mlp", r.network());
            assertEquals(TEST - r.testCorrect(), r.testErrors());
            // The final test score is the same evaluation as the last epoch's validation.
            assertEquals(last.valLoss(), r.testLoss(), 1e-9);
            assertEquals(last.valAccuracy(), r.testAccuracy(), 1e-12);
            assertEquals(Math.round(r.testAccuracy() * TEST), r.testCorrect());
            assertEquals(last.loss(), r.finalTrainLoss());
            assertEquals(last.trainSeconds(), r.trainSeconds());
            assertEquals(r.trainSeconds(), r.secondsPerEpoch());
            assertTrue(r.fitSeconds() >= r.trainSeconds());
        }
        // One epoch of 20 small steps learns much more than 5 large ones.
        assertTrue(results.get(0).testAccuracy() > 0.6, "batch 100: " + results.get(0).testAccuracy());
        assertTrue(results.get(0).testAccuracy() > results.get(1).testAccuracy() + 0.1,
                results.get(0).testAccuracy() + " vs " + results.get(1).testAccuracy());

        // results.csv: header and one row per configuration, numbers exactly as returned.
        List<String> csv = Files.readAllLines(dir.resolve("results.csv"));
        assertEquals(3, csv.size());
        assertEquals(String.join(",", ResultTable.CSV_COLUMNS), csv.get(0));
        for (int i = 0; i < 2; i++) {
            String[] cells = csv.get(i + 1).split(",");
            ExperimentResult r = results.get(i);
            assertEquals(r.name(), cells[0]);
            assertEquals("mlp", cells[1]);
            assertEquals(r.batchSize(), Integer.parseInt(cells[2]));
            assertEquals("64", cells[3]);
            assertEquals(1, Integer.parseInt(cells[4]));
            assertEquals(r.trainSeconds(), Double.parseDouble(cells[5]));
            assertEquals(r.secondsPerEpoch(), Double.parseDouble(cells[6]));
            assertEquals(r.finalTrainLoss(), Double.parseDouble(cells[7]));
            assertEquals(r.testLoss(), Double.parseDouble(cells[8]));
            assertEquals(r.testAccuracy(), Double.parseDouble(cells[9]));
            assertEquals(TEST - r.testCorrect(), Integer.parseInt(cells[10]));
            assertEquals(TEST, Integer.parseInt(cells[11]));
            assertEquals(r.parameters(), Long.parseLong(cells[12]));
        }

        // results.json: the same numbers, plus every epoch.
        JsonNode json = new ObjectMapper().readTree(dir.resolve("results.json").toFile());
        assertEquals(2, json.get("finished").asInt());
        assertEquals(2, json.get("configurations").asInt());
        assertEquals(TRAIN, json.get("trainExamples").asInt());
        for (int i = 0; i < 2; i++) {
            JsonNode row = json.get("results").get(i);
            ExperimentResult r = results.get(i);
            assertEquals(r.name(), row.get("name").asText());
            assertEquals(r.testAccuracy(), row.get("testAccuracy").asDouble());
            assertEquals(r.testLoss(), row.get("testLoss").asDouble());
            assertEquals(r.trainSeconds(), row.get("trainSeconds").asDouble());
            assertEquals("mlp", row.get("network").asText());
            assertEquals("mlp", row.get("config").get("network").asText());
            assertEquals(r.testErrors(), row.get("testErrors").asInt());
            assertEquals(r.history().get(0).valLoss(), row.get("history").get(0).get("valLoss").asDouble());
            assertTrue(Files.isRegularFile(dir.resolve("runs").resolve(r.name() + ".json")));
        }

        // The text table has a row per configuration with the rounded numbers.
        String table = ResultTable.text(results);
        for (ExperimentResult r : results) {
            String row = table.lines().filter(l -> l.startsWith(r.name() + " ")).findFirst().orElseThrow();
            assertTrue(row.contains(String.format(Locale.ROOT, "%.4f", r.testAccuracy())), row);
            assertTrue(row.contains(String.format(Locale.ROOT, "%.4f", r.testLoss())), row);
            assertTrue(row.contains(String.format(Locale.ROOT, "%.4f", r.finalTrainLoss())), row);
            assertTrue(row.endsWith(String.format(Locale.ROOT, "%,d", r.parameters())), row);
        }

        // Charts: the plotted points are the runs' values, and the PNGs are real images.
        XYSeries acc = only(SweepCharts.accuracyByBatchSize(results));
        assertEquals("mlp, hidden 64, 1 epoch", acc.getName());
        assertArrayEquals(new double[]{100, 400}, acc.getXData());
        assertArrayEquals(new double[]{results.get(0).testAccuracy(), results.get(1).testAccuracy()}, acc.getYData());
        XYSeries time = only(SweepCharts.trainingTimeByBatchSize(results));
        assertArrayEquals(new double[]{results.get(0).trainSeconds(), results.get(1).trainSeconds()}, time.getYData());
        XYChart loss = SweepCharts.validationLoss(results);
        assertEquals(List.of("b100-h64-e1", "b400-h64-e1"), List.copyOf(loss.getSeriesMap().keySet()));
        assertArrayEquals(new double[]{results.get(1).history().get(0).valLoss()},
                loss.getSeriesMap().get("b400-h64-e1").getYData());
        // accuracy against time and parameters: one point per configuration, one series per network
        XYSeries byTime = only(SweepCharts.accuracyByTrainingTime(results));
        assertEquals("mlp", byTime.getName());
        assertArrayEquals(new double[]{results.get(0).trainSeconds(), results.get(1).trainSeconds()}, byTime.getXData());
        assertArrayEquals(acc.getYData(), byTime.getYData());
        XYSeries byParameters = only(SweepCharts.accuracyByParameters(results));
        assertArrayEquals(new double[]{params, params}, byParameters.getXData());
        assertArrayEquals(acc.getYData(), byParameters.getYData());
        // each PNG is exactly the chart of these two runs, pixel for pixel (so it shows as many runs as the table)
        Map<Path, org.knowm.xchart.internal.chartpart.Chart<?, ?>> charts = Map.of(
                sweep.files().accuracyChart(), SweepCharts.accuracyByBatchSize(results),
                sweep.files().timeChart(), SweepCharts.trainingTimeByBatchSize(results),
                sweep.files().validationLossChart(), SweepCharts.validationLoss(results),
                sweep.files().accuracyByTimeChart(), SweepCharts.accuracyByTrainingTime(results),
                sweep.files().accuracyByParametersChart(), SweepCharts.accuracyByParameters(results));
        for (Map.Entry<Path, org.knowm.xchart.internal.chartpart.Chart<?, ?>> e : charts.entrySet()) {
            BufferedImage image = ImageIO.read(e.getKey().toFile());
            assertEquals(900, image.getWidth());
            assertEquals(560, image.getHeight());
            BufferedImage expected = BitmapEncoder.getBufferedImage(e.getValue());
            assertArrayEquals(expected.getRGB(0, 0, 900, 560, null, 0, 900), image.getRGB(0, 0, 900, 560, null, 0, 900),
                    e.getKey() + " shows the runs' chart");
        }
    }

    @Test
    void rerunWithTheSameOutputSkipsFinishedConfigurations() throws IOException {
        ExperimentResult first = Sweep.run(request(dir, 200), TestData.mnist(), SweepObserver.SILENT).results().get(0);
        // a result stored before sweeps had networks (no "network" keys, no test errors) is the MLP's, and still reused
        Path stored = dir.resolve("runs/b200-h64-e1.json");
        ObjectNode old = (ObjectNode) new ObjectMapper().readTree(stored.toFile());
        assertEquals("mlp", old.get("network").asText());
        old.remove(List.of("network", "testErrors"));
        ((ObjectNode) old.get("config")).remove("network");
        Files.writeString(stored, old.toString());

        Recorder recorder = new Recorder();
        SweepResult again = Sweep.run(request(dir, 200, 400), TestData.mnist(), recorder);

        assertEquals(List.of("b200-h64-e1"), again.skipped());
        assertEquals(List.of("skipped b200-h64-e1", "started b400-h64-e1", "epoch 1", "finished b400-h64-e1"),
                recorder.events);
        assertEquals(first, again.results().get(0), "the stored result is reused unchanged");
        assertEquals(3, Files.readAllLines(dir.resolve("results.csv")).size());

        // Other settings under the same name (here: more training images) are trained again, not reused.
        Recorder other = new Recorder();
        SweepRequest more = new SweepRequest(SweepDefinition.grid(BASE, List.of(200), null), dir, TRAIN + 400, TEST);
        SweepResult retrained = Sweep.run(more, TestData.mnist(), other);
        assertEquals(List.of(), retrained.skipped());
        assertEquals(12, retrained.results().get(0).history().get(0).steps());    // 2400 / 200
    }

    @Test
    void interruptedSweepKeepsWhatFinishedAndTheRerunCompletesIt() throws IOException {
        SweepObserver interrupting = new SweepObserver() {
            @Override
            public void configurationStarted(int index, int total, ExperimentConfig config) {
                if (index == 2) {
                    throw new IllegalStateException("interrupted");
                }
            }
        };
        IllegalStateException stop = assertThrows(IllegalStateException.class,
                () -> Sweep.run(request(dir, 100, 400), TestData.mnist(), interrupting));
        assertEquals("interrupted", stop.getMessage());

        assertTrue(Files.isRegularFile(dir.resolve("runs/b100-h64-e1.json")));
        assertFalse(Files.exists(dir.resolve("runs/b400-h64-e1.json")));
        List<String> csv = Files.readAllLines(dir.resolve("results.csv"));
        assertEquals(2, csv.size(), "the report lists the finished configuration");
        assertTrue(csv.get(1).startsWith("b100-h64-e1,mlp,100,64,1,"), csv.get(1));
        JsonNode json = new ObjectMapper().readTree(dir.resolve("results.json").toFile());
        assertEquals(1, json.get("finished").asInt());
        assertEquals(2, json.get("configurations").asInt());

        Recorder recorder = new Recorder();
        SweepResult rest = Sweep.run(request(dir, 100, 400), TestData.mnist(), recorder);
        assertEquals(List.of("b100-h64-e1"), rest.skipped());
        assertEquals(List.of("skipped b100-h64-e1", "started b400-h64-e1", "epoch 1", "finished b400-h64-e1"),
                recorder.events);
        assertEquals(3, Files.readAllLines(dir.resolve("results.csv")).size());
    }

    @Test
    void theSameConfigurationInAnotherDirectoryGivesTheSameNumbers() {
        // Same images, same shuffles, same initial weights and dropout masks: only the named factors can change results.
        ExperimentResult a = Sweep.run(request(dir.resolve("a"), 100), TestData.mnist(), SweepObserver.SILENT).results().get(0);
        ExperimentResult b = Sweep.run(request(dir.resolve("b"), 100), TestData.mnist(), SweepObserver.SILENT).results().get(0);
        assertEquals(a.finalTrainLoss(), b.finalTrainLoss());
        assertEquals(a.testLoss(), b.testLoss());
        assertEquals(a.testCorrect(), b.testCorrect());
    }

    private static XYSeries only(XYChart chart) {
        assertEquals(1, chart.getSeriesMap().size(), "one network shape, one line");
        return chart.getSeriesMap().values().iterator().next();
    }

    /** Records what the sweep reported, in order. */
    private static final class Recorder implements SweepObserver {
        final List<String> events = new ArrayList<>();
        final List<ExperimentResult> finished = new ArrayList<>();

        @Override
        public void configurationStarted(int index, int total, ExperimentConfig config) {
            events.add("started " + config.name());
        }

        @Override
        public void configurationSkipped(int index, int total, ExperimentResult earlier) {
            events.add("skipped " + earlier.name());
        }

        @Override
        public void configurationFinished(int index, int total, ExperimentResult result) {
            events.add("finished " + result.name());
            finished.add(result);
        }

        @Override
        public void epochFinished(EpochStats stats, int epochs) {
            events.add("epoch " + stats.epoch());
        }
    }
}
