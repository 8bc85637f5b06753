package dev.dl4jmnist.notebook;

import dev.dl4jmnist.AppException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShowTest {
    @TempDir
    Path dir;

    @Test
    void underTheRunnerAPictureGoesToTheCellAsPngBytes() throws IOException {
        List<byte[]> shown = new ArrayList<>();
        Show.displayTo(shown::add);
        try {
            Show.image(new BufferedImage(7, 5, BufferedImage.TYPE_INT_RGB));
        } finally {
            Show.displayTo(null);
        }
        assertThat(shown).hasSize(1);
        BufferedImage back = ImageIO.read(new java.io.ByteArrayInputStream(shown.get(0)));
        assertThat(back.getWidth()).isEqualTo(7);
        assertThat(back.getHeight()).isEqualTo(5);
    }

    @Test
    void inPlainJshellAPictureIsWrittenAndItsPathPrinted() throws IOException {
        PrintStream out = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            Show.image(new BufferedImage(3, 4, BufferedImage.TYPE_INT_RGB));
        } finally {
            System.setOut(out);
        }
        String line = printed.toString(StandardCharsets.UTF_8).strip();
        assertThat(line).matches("picture: output/pictures/picture-\\d{3}\\.png");
        Path file = Path.of(line.substring("picture: ".length()));
        try {
            assertThat(ImageIO.read(file.toFile()).getHeight()).isEqualTo(4);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void aFileThatIsNotAPngIsRefusedWithItsName() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.png"), "not a picture");
        assertThatThrownBy(() -> Show.png(text)).isInstanceOf(AppException.class).hasMessage(text + " is not a PNG file");
        assertThatThrownBy(() -> Show.png(dir.resolve("missing.png"))).isInstanceOf(AppException.class)
                .hasMessageContaining("cannot read").hasMessageContaining("missing.png");
    }
}
