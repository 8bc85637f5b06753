package dev.dl4jmnist.prediction;

import dev.dl4jmnist.AppException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The corrections folder: what the page appends is what fine-tuning reads; nonsense and a full folder are refused. */
class CorrectionsTest {
    @TempDir
    Path dir;

    /** A white vertical stroke on the black pad, as the page draws a 1. */
    static byte[] drawnOne() throws IOException {
        BufferedImage pad = new BufferedImage(280, 280, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = pad.createGraphics();
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke(20f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.drawLine(140, 50, 140, 230);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(pad, "png", out);
        return out.toByteArray();
    }

    @Test
    void whatIsAppendedIsReadBackWithItsLabel() throws IOException {
        byte[] one = drawnOne();
        Path a = Corrections.append(dir, 7, one, 1 << 20);
        Path b = Corrections.append(dir, 1, one, 1 << 20);
        assertThat(a.getParent()).isEqualTo(dir.resolve("7"));
        assertThat(a.getFileName().toString()).endsWith(".png");
        assertThat(Files.readAllBytes(a)).isEqualTo(one);
        Corrections read = Corrections.read(dir);
        assertEquals(2, read.size());
        assertThat(read.labels()).containsExactly(1, 7);
        assertEquals(784, read.images().get(0).length);
        assertThat(read.files()).containsExactly(b, a);
    }

    @Test
    void nonsenseAndAFullFolderAreRefused() throws IOException {
        byte[] one = drawnOne();
        assertThat(assertThrows(AppException.class, () -> Corrections.append(dir, 10, one, 1 << 20)).getMessage())
                .isEqualTo("the label must be a digit, 0 to 9, got 10");
        assertThrows(AppException.class, () -> Corrections.append(dir, 3, "not a picture".getBytes(), 1 << 20));
        Corrections.append(dir, 3, one, one.length + 10L);
        assertThat(assertThrows(Corrections.FolderFullException.class, () -> Corrections.append(dir, 4, one, one.length + 10L))
                .getMessage()).startsWith("the corrections folder is full (" + one.length + " of ");
        assertThat(dir.resolve("4")).doesNotExist();
    }
}
