package dev.dl4jmnist.app;

import dev.dl4jmnist.FullTier;
import dev.dl4jmnist.AppException;
import dev.dl4jmnist.TestData;
import dev.dl4jmnist.cli.CliRunner;
import dev.dl4jmnist.data.MnistImages;
import dev.dl4jmnist.evaluation.WilsonInterval;
import dev.dl4jmnist.prediction.imaging.ImageFiles;
import dev.dl4jmnist.prediction.imaging.RealisticDigits;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code evaluate --images}: a model's accuracy on labelled pictures, from digit subfolders or a
 * labels.csv, with Wilson intervals; pictures it cannot read are counted apart, not as wrong answers.
 */
@FullTier
class EvaluatePicturesTest {
    private static final Path KERAS_MLP = Path.of("models/keras/keras-3.11.3-torch/trained_model.h5");
    private static final int PICTURES = 40;
    @TempDir
    static Path dir;
    static Path folders;
    static Path listed;
    static int[] truth = new int[PICTURES];

    @BeforeAll
    static void pictures() throws IOException {
        MnistImages test = TestData.mnist().testImages();
        RealisticDigits maker = new RealisticDigits(11);
        folders = dir.resolve("folders");
        listed = dir.resolve("listed");
        List<String> csv = new ArrayList<>(List.of("file,label"));
        for (int i = 0; i < PICTURES; i++) {
            truth[i] = test.labels()[i];
            Path sub = folders.resolve(Integer.toString(truth[i]));
            Files.createDirectories(sub);
            maker.write(test, i, sub, String.format("test-%04d", i), i % 3 == 0);
            Files.createDirectories(listed.resolve("pics"));
            Path file = maker.write(test, i, listed.resolve("pics"), String.format("test, %04d", i), i % 3 == 0);
            csv.add("pics/" + file.getFileName() + "," + truth[i]);
        }
        ImageIO.write(new BufferedImage(50, 50, BufferedImage.TYPE_INT_RGB), "png", folders.resolve("3").resolve("blank.png").toFile());
        Files.write(listed.resolve("labels.csv"), csv);
    }

    @Test
    void digitFoldersGiveTheAccuracyWithItsIntervalAndCountABlankPageAsNotADigit() {
        EvaluatePictures.Result r = EvaluatePictures.run(new EvaluatePictures.Request(KERAS_MLP, folders, ImageFiles.DEFAULT_MAX_PIXELS));
        assertThat(r.pictures().pictures()).hasSize(PICTURES + 1);
        assertThat(r.accuracy().answered()).isEqualTo(PICTURES + 1);
        assertThat(r.accuracy().accepted()).isEqualTo(PICTURES);
        assertThat(r.accuracy().refused()).isEqualTo(1);
        assertThat(r.accuracy().unlabelled()).isZero();
        assertThat(r.refused()).singleElement().satisfies(p -> {
            assertThat(p.file()).endsWith("blank.png");
            assertThat(p.notADigit()).isTrue();
            assertThat(p.reason()).isEqualTo("no digit found: the image is blank (no ink stands out from the background)");
        });
        assertThat(r.accuracy().accuracy()).isGreaterThanOrEqualTo(0.88);
        assertThat(r.accuracy().interval()).isEqualTo(WilsonInterval.of(r.accuracy().correct(), PICTURES + 1));
        assertThat(r.accuracy().acceptedInterval()).isEqualTo(WilsonInterval.of(r.accuracy().correct(), PICTURES));
        int perDigitTotal = r.accuracy().perDigit().stream().mapToInt(d -> d.total()).sum();
        assertThat(perDigitTotal).isEqualTo(PICTURES + 1);
    }

    @Test
    void aLabelsFileGivesTheSameAnswersAsFolders() {
        EvaluatePictures.Result byFolder = EvaluatePictures.run(new EvaluatePictures.Request(KERAS_MLP, folders, ImageFiles.DEFAULT_MAX_PIXELS));
        EvaluatePictures.Result byCsv = EvaluatePictures.run(new EvaluatePictures.Request(KERAS_MLP, listed, ImageFiles.DEFAULT_MAX_PIXELS));
        assertThat(byCsv.pictures().layout()).isEqualTo("labels.csv");
        assertThat(byCsv.accuracy().accepted()).isEqualTo(PICTURES);
        assertThat(byCsv.accuracy().confusion().counts()).isDeepEqualTo(byFolder.accuracy().confusion().counts());
    }

    @Test
    void theCommandPrintsAccuracyIntervalsAndTheMatrix() {
        CliRunner r = CliRunner.run("evaluate", "--model", KERAS_MLP.toString(), "--images", folders.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("Pictures: .*folders \\(digit folders\\): 41, of which 41 answered and 0 could not be read")
                .containsPattern("Accuracy: [01]\\.\\d{4} \\(\\d+ of 41\\), 95% Wilson interval \\[0\\.\\d{4}, [01]\\.\\d{4}\\]")
                .containsPattern("Refused as not digits: 1 of 41 \\(0\\.0244\\), 95% Wilson interval \\[0\\.\\d{4}, 0\\.\\d{4}\\]")
                .containsPattern("Accuracy on the 40 accepted: [01]\\.\\d{4}, 95% Wilson interval")
                .contains("digit   correct  total  refused  accuracy  95% interval", "Answered \"not a digit\":",
                        "blank.png: no digit found: the image is blank");
    }

    @Test
    void badFoldersAndLabelsAreOneClearError(@TempDir Path tmp) throws IOException {
        assertThatThrownBy(() -> EvaluatePictures.run(new EvaluatePictures.Request(KERAS_MLP, tmp, ImageFiles.DEFAULT_MAX_PIXELS)))
                .isInstanceOf(AppException.class)
                .hasMessage(tmp + " has no labelled pictures: put them in subfolders 0 to 9, or list them in labels.csv (header file,label)");
        Files.write(tmp.resolve("labels.csv"), List.of("file,label", "a.png,7", "b.png,x"));
        assertThatThrownBy(() -> EvaluatePictures.run(new EvaluatePictures.Request(KERAS_MLP, tmp, ImageFiles.DEFAULT_MAX_PIXELS)))
                .hasMessage(tmp.resolve("labels.csv") + " line 3: expected a file and a digit 0-9, got 'b.png,x'");
        CliRunner r = CliRunner.run("evaluate", "--model", KERAS_MLP.toString(), "--images", tmp.resolve("nope").toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("error: " + tmp.resolve("nope") + " is not a folder of labelled pictures" + System.lineSeparator());
    }
}
