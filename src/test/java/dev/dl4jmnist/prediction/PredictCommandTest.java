package dev.dl4jmnist.prediction;

import dev.dl4jmnist.FullTier;
import dev.dl4jmnist.prediction.imaging.DigitPipeline;
import dev.dl4jmnist.prediction.imaging.HostilePictures;
import dev.dl4jmnist.prediction.imaging.ImageFiles;
import dev.dl4jmnist.prediction.imaging.RealisticDigits;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dl4jmnist.TestData;
import dev.dl4jmnist.TestModels;
import dev.dl4jmnist.cli.CliRunner;
import dev.dl4jmnist.cli.MnistApp;
import dev.dl4jmnist.data.MnistImages;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.zip.Deflater;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code predict} through the command line: output formats, saved inputs, and bad pictures that must not stop a batch. */
@FullTier
class PredictCommandTest {
    @TempDir
    static Path dir;
    static Path pictures;
    static String model;

    /** Two readable digits (MNIST test images 0 and 1: a 7 and a 2) and five bad files. */
    @BeforeAll
    static void pictures() throws IOException {
        model = TestModels.quickModelPath().toString();
        pictures = Files.createDirectories(dir.resolve("pictures"));
        MnistImages mnist = TestData.mnist().testImages();
        RealisticDigits maker = new RealisticDigits(1);
        maker.write(mnist, 0, pictures, "a-seven", false);
        maker.write(mnist, 1, pictures, "b-two", true);
        Files.write(pictures.resolve("c-empty.png"), new byte[0]);
        Files.writeString(pictures.resolve("d-notes.png"), "these are notes, not a picture");
        byte[] png = Files.readAllBytes(pictures.resolve("a-seven.png"));
        Files.write(pictures.resolve("e-truncated.png"), java.util.Arrays.copyOf(png, 80));
        BufferedImage white = new BufferedImage(120, 80, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = white.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 120, 80);
        g.dispose();
        ImageIO.write(white, "bmp", pictures.resolve("f-blank.bmp").toFile());
        Files.write(pictures.resolve("g-huge.png"), hugePng(100_000, 100_000));
        Files.writeString(pictures.resolve("readme.txt"), "not picked up from a directory");
    }

    @Test
    void labelsTheGoodPicturesAndReportsEachBadOneOnOneLine() {
        CliRunner run = CliRunner.run("predict", "--model", model, pictures.toString());
        assertEquals(MnistApp.EXIT_FAILURE, run.exitCode());
        List<String> out = run.out().lines().toList();
        assertEquals(4, out.size(), run.out());
        assertTrue(out.get(0).matches("\\Q" + pictures.resolve("a-seven.png") + "\\E: 7 \\(0\\.\\d{4}\\); next \\d \\(0\\.\\d{4}\\), \\d \\(0\\.\\d{4}\\)"), out.get(0));
        assertTrue(out.get(1).startsWith(pictures.resolve("b-two.jpg") + ": 2 ("), out.get(1));
        assertEquals(pictures.resolve("f-blank.bmp") + ": not a digit (no digit found: the image is blank (no ink stands out from the background))",
                out.get(2));
        assertEquals("3 of 7 pictures labelled with " + model + "; 1 not a digit; 4 failed (uncalibrated: its probabilities are the"
                + " network's own, and only a blank page is \"not a digit\")", out.get(3));
        assertEquals(List.of(
                "error: " + pictures.resolve("c-empty.png") + ": empty file",
                "error: " + pictures.resolve("d-notes.png") + ": not a PNG, JPEG, BMP or GIF image",
                "error: " + pictures.resolve("g-huge.png") + ": image too large: 100000×100000 = 10000000000 pixels, above the limit of 40000000 (not decoded)"),
                run.err().lines().filter(l -> !l.contains("e-truncated")).toList());
        List<String> truncated = run.err().lines().filter(l -> l.contains("e-truncated")).toList();
        assertEquals(1, truncated.size());
        assertTrue(truncated.get(0).startsWith("error: " + pictures.resolve("e-truncated.png") + ": cannot decode image: "), truncated.get(0));
        assertEquals(4, run.err().lines().count(), run.err());
    }

    @Test
    void jsonLinesHaveTheLabelsOrTheError() throws Exception {
        CliRunner run = CliRunner.run("predict", "--json", "--model", model, pictures.toString());
        assertEquals(MnistApp.EXIT_FAILURE, run.exitCode());
        assertEquals("", run.err());
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : run.out().lines().toList()) {
            lines.add(json.readTree(line));
        }
        assertEquals(7, lines.size());
        JsonNode seven = lines.get(0);
        assertEquals(List.of("file", "prediction", "notADigit", "probability", "top3", "calibrated"), fieldNames(seven));
        assertEquals(false, seven.get("notADigit").asBoolean());
        assertEquals(pictures.resolve("a-seven.png").toString(), seven.get("file").asText());
        assertEquals(7, seven.get("prediction").asInt());
        JsonNode top3 = seven.get("top3");
        assertEquals(3, top3.size());
        assertEquals(7, top3.get(0).get("digit").asInt());
        assertEquals(seven.get("probability").asDouble(), top3.get(0).get("probability").asDouble(), 0);
        assertTrue(top3.get(0).get("probability").asDouble() >= top3.get(1).get("probability").asDouble());
        assertTrue(top3.get(1).get("probability").asDouble() >= top3.get(2).get("probability").asDouble());
        assertEquals(2, lines.get(1).get("prediction").asInt());
        for (int i = 2; i < 7; i++) {
            List<String> expected = i == 5 ? List.of("file", "notADigit", "reason") : List.of("file", "error");
            assertEquals(expected, fieldNames(lines.get(i)), lines.get(i).toString());
        }
        assertTrue(lines.get(5).get("notADigit").asBoolean());
        assertEquals("empty file", lines.get(2).get("error").asText());
    }

    @Test
    void savesTheImageTheModelSaw() throws Exception {
        Path saved = dir.resolve("saved");
        Path seven = pictures.resolve("a-seven.png");
        CliRunner run = CliRunner.run("predict", "--model", model, "--save-preprocessed", saved.toString(), seven.toString());
        assertEquals(0, run.exitCode(), run.err());
        Path file = saved.resolve("a-seven-28x28.png");
        assertTrue(run.out().lines().findFirst().orElseThrow().endsWith("; saved " + file), run.out());
        BufferedImage image = ImageIO.read(file.toFile());
        assertEquals(28, image.getWidth());
        assertEquals(28, image.getHeight());
        byte[] pixels = new byte[784];
        for (int i = 0; i < 784; i++) {
            pixels[i] = (byte) image.getRaster().getSample(i % 28, i / 28, 0);
        }
        assertArrayEquals(DigitPipeline.prepare(ImageFiles.read(seven, Long.MAX_VALUE)).pixels(), pixels);
        try (var listing = Files.list(saved)) {
            assertEquals(List.of(file), listing.toList());
        }
    }

    @Test
    void thePixelLimitIsAnOption() {
        CliRunner run = CliRunner.run("predict", "--model", model, "--max-pixels", "1000", pictures.resolve("a-seven.png").toString());
        assertEquals(MnistApp.EXIT_FAILURE, run.exitCode());
        assertTrue(run.err().matches("error: .*a-seven\\.png: image too large: \\d+×\\d+ = \\d+ pixels, above the limit of 1000 \\(not decoded\\)\\R"), run.err());
        CliRunner zero = CliRunner.run("predict", "--model", model, "--max-pixels", "0", pictures.resolve("a-seven.png").toString());
        assertEquals(MnistApp.EXIT_USAGE, zero.exitCode());
        assertTrue(zero.err().startsWith("error: --max-pixels must be positive, got 0"), zero.err());
    }

    @Test
    void missingFilesAndEmptyDirectoriesAreReported() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Path missing = dir.resolve("missing.png");
        CliRunner run = CliRunner.run("predict", "--model", model, missing.toString(), empty.toString(), pictures.resolve("b-two.jpg").toString());
        assertEquals(MnistApp.EXIT_FAILURE, run.exitCode());
        assertEquals(List.of("error: " + missing + ": no such file",
                "error: " + empty + ": no PNG, JPEG, BMP or GIF files in this directory"), run.err().lines().toList());
        assertTrue(run.out().startsWith(pictures.resolve("b-two.jpg") + ": 2 ("), run.out());
    }

    @Test
    void aModelThatCannotBeLoadedStopsWithOneLine() {
        Path none = dir.resolve("no-model.zip");
        CliRunner run = CliRunner.run("predict", "--model", none.toString(), pictures.resolve("a-seven.png").toString());
        assertEquals(MnistApp.EXIT_FAILURE, run.exitCode());
        assertEquals("error: model file " + none + " does not exist" + System.lineSeparator(), run.err());
        assertEquals("", run.out());
        CliRunner noImages = CliRunner.run("predict", "--model", model);
        assertEquals(MnistApp.EXIT_USAGE, noImages.exitCode());
        assertFalse(noImages.err().contains("Exception"), noImages.err());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    /** A valid PNG whose header declares {@code width × height} 8-bit gray pixels, with only one row of data. */
    static byte[] hugePng(int width, int height) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
        DataOutputStream h = new DataOutputStream(ihdr);
        h.writeInt(width);
        h.writeInt(height);
        h.write(new byte[]{8, 0, 0, 0, 0});
        out.write(HostilePictures.chunk("IHDR", ihdr.toByteArray()));
        Deflater deflater = new Deflater();
        deflater.setInput(new byte[width + 1]);
        deflater.finish();
        byte[] buffer = new byte[width + 64];
        int n = deflater.deflate(buffer);
        out.write(HostilePictures.chunk("IDAT", java.util.Arrays.copyOf(buffer, n)));
        out.write(HostilePictures.chunk("IEND", new byte[0]));
        return bytes.toByteArray();
    }
}
