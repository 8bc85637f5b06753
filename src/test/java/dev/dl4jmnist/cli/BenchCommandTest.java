package dev.dl4jmnist.cli;

import dev.dl4jmnist.FullTier;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dl4jmnist.TestData;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code bench} on a small subset: the numbers are there, sane, and named as documented (no timing thresholds). */
@FullTier
class BenchCommandTest {
    private static final List<String> POSITIVE = List.of("firstEpochSeconds", "medianEpochSeconds", "validationSeconds",
            "trainingImagesPerSecond", "trainingGflopPerSecond", "sgemmGflopPerSecond", "sgemmFloorSecondsPerEpoch",
            "trainingCpuSeconds", "inferenceImagesPerSecondBatch128", "inferenceImagesPerSecondBatch10000",
            "coldPredictSeconds", "peakRssMiB");

    @Test
    void jsonHasEveryQuantityAsAPositiveFiniteNumber() throws Exception {
        CliRunner r = CliRunner.run("bench", "--data-dir", TestData.mnist().location().directory().toString(), "--train-examples", "1000",
                "--test-examples", "500", "--epochs", "2", "--cold-predict-runs", "1", "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        for (String key : POSITIVE) {
            assertThat(json.has(key)).as("key %s in %s", key, r.out()).isTrue();
            assertThat(json.get(key).isNumber()).as(key).isTrue();
            double v = json.get(key).asDouble();
            assertThat(Double.isFinite(v) && v > 0).as("%s = %s", key, v).isTrue();
        }
        assertThat(json.get("trainExamples").asInt()).isEqualTo(1000);
        assertThat(json.get("testExamples").asInt()).isEqualTo(500);
        assertThat(json.get("epochs").asInt()).isEqualTo(2);
        assertThat(json.get("testAccuracy").asDouble()).isBetween(0.5, 1.0);   // 2 epochs on 1,000 images still learn
        assertThat(json.has("peer")).isFalse();
        JsonNode settings = json.get("settings");
        assertThat(settings.get("ndThreads").asInt()).isPositive();
        assertThat(settings.get("blasThreads").asInt()).isPositive();
        assertThat(settings.get("blasVendor").asText()).isNotBlank();
        assertThat(settings.get("nativeBuild").asText()).isIn("generic x86-64", "AVX2", "AVX-512");
        assertThat(settings.get("workspaceMode").asText()).contains("training").contains("inference");
        assertThat(settings.get("maxHeapMiB").asLong()).isPositive();
        assertThat(settings.get("offHeapLimitMiB").asLong()).isGreaterThanOrEqualTo(2048);
        assertThat(settings.get("mallocSettings").asText()).isNotBlank();
        assertThat(r.err()).contains("bench: training 2 epochs on 1000 images");
    }

    @Test
    void tableNamesEachQuantity() {
        CliRunner r = CliRunner.run("bench", "--data-dir", TestData.mnist().location().directory().toString(), "--train-examples", "500",
                "--test-examples", "300", "--epochs", "2", "--cold-predict-runs", "0");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("first epoch", "later epochs (median)", "validation pass", "images/s",
                "GFLOP/s", "sgemm, same shapes", "inference, batch 128", "inference, one batch", "peak RSS",
                "threads", "BLAS", "workspaces", "max heap", "memory settings", "off-heap limit");
        assertThat(r.out()).doesNotContain("predict, cold process", "pytorch-peer");
    }

    @Test
    void oneEpochIsAUsageError() {
        CliRunner r = CliRunner.run("bench", "--epochs", "1");
        assertThat(r.exitCode()).isEqualTo(MnistApp.EXIT_USAGE);
        assertThat(r.err()).startsWith("error: epochs must be at least 2");
    }

    @Test
    void aMissingPeerScriptFailsBeforeTraining() {
        CliRunner r = CliRunner.run("bench", "--data-dir", TestData.mnist().location().directory().toString(), "--peer",
                "no/such/peer.py");
        assertThat(r.exitCode()).isEqualTo(MnistApp.EXIT_FAILURE);
        assertThat(r.err()).isEqualTo("error: PyTorch peer script no/such/peer.py does not exist" + System.lineSeparator());
    }
}
