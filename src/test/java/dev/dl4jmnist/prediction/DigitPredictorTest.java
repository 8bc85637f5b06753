package dev.dl4jmnist.prediction;

import dev.dl4jmnist.FullTier;
import dev.dl4jmnist.app.PredictDigits;
import dev.dl4jmnist.prediction.imaging.RealisticDigits;
import dev.dl4jmnist.TestData;
import dev.dl4jmnist.TestModels;
import dev.dl4jmnist.persistence.ModelStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class DigitPredictorTest {

    @Test
    void topThreeIsMostProbableFirstWithTiesToTheLowerDigit() {
        float[] p = {0.05f, 0.1f, 0.3f, 0.05f, 0.1f, 0.3f, 0.02f, 0.03f, 0.03f, 0.02f};
        List<DigitPrediction.Candidate> top = DigitPrediction.top3(p);
        assertEquals(List.of(2, 5, 1), top.stream().map(DigitPrediction.Candidate::digit).toList());
        assertEquals(0.3, top.get(0).probability(), 0);          // the float's decimal, not 0.30000001192092896
    }

    @FullTier
    @Test
    void reportsEveryPictureInOrderAndCountsTheFailures(@TempDir Path dir) throws Exception {
        Path seven = new RealisticDigits(4).write(TestData.mnist().testImages(), 0, dir, "seven", false);
        Path broken = Files.writeString(dir.resolve("broken.gif"), "GIF89a but nothing else");
        List<String> seen = new ArrayList<>();
        PredictionReport report = PredictDigits.run(new PredictDigits.Request(TestModels.quickModelPath(), List.of(broken, seven),
                DigitPredictor.Options.defaults()), p -> seen.add(p.file()));
        assertEquals(List.of(broken.toString(), seven.toString()), seen);
        assertEquals(1, report.labelledCount());
        assertEquals(1, report.failedCount());
        DigitPrediction failed = report.results().get(0);
        assertNull(failed.prediction());
        assertEquals(failed.error(), failed.error().lines().findFirst().orElseThrow());
        DigitPrediction labelled = report.results().get(1);
        assertEquals(7, labelled.prediction());
        assertEquals(labelled.top3().get(0).probability(), labelled.probability(), 0);
        assertNull(labelled.error());
    }

    @FullTier
    @Test
    void aPngGivenAsBytesIsLabelledAsTheFileIs(@TempDir Path dir) throws Exception {
        Path seven = new RealisticDigits(4).write(TestData.mnist().testImages(), 0, dir, "seven", false);
        DigitPredictor predictor = new DigitPredictor(ModelStore.loadClassifier(TestModels.quickModelPath()),
                DigitPredictor.Options.defaults());
        DigitPrediction byPath = predictor.predict(List.of(seven), p -> { }).get(0);
        DigitPrediction byBytes = predictor.predict(seven.toString(), Files.readAllBytes(seven));
        DigitPredictor.Labelled labelled = predictor.label(seven.toString(), Files.readAllBytes(seven));
        assertEquals(7, byBytes.prediction());
        assertEquals(byPath, byBytes);
        assertEquals(byPath, labelled.prediction());
        assertEquals(false, byBytes.notADigit());
        assertEquals(false, byBytes.calibrated());

        DigitPrediction notAPicture = predictor.predict("upload", "not a picture".getBytes(StandardCharsets.US_ASCII));
        assertEquals(DigitPrediction.failed("upload", "not a PNG, JPEG, BMP or GIF image"), notAPicture);
    }
}
