package dev.dl4jmnist.prediction.imaging;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Photos come out upright whatever EXIF orientation the camera recorded. */
class ExifOrientationTest {
    @TempDir
    Path dir;

    /** A 3×2 picture whose six pixels are 1..6 (row-major), as gray levels. */
    private static BufferedImage sixPixels() {
        BufferedImage img = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
        for (int i = 0; i < 6; i++) {
            img.setRGB(i % 3, i / 3, i + 1);
        }
        return img;
    }

    private static int[][] values(BufferedImage img) {
        int[][] v = new int[img.getHeight()][img.getWidth()];
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                v[y][x] = img.getRGB(x, y) & 0xFFFFFF;
            }
        }
        return v;
    }

    @Test
    void eachOrientationMapsPixelsAsExifDefinesIt() {
        // stored:  1 2 3
        //          4 5 6
        int[][][] expected = {
                {{1, 2, 3}, {4, 5, 6}},          // 1 upright
                {{3, 2, 1}, {6, 5, 4}},          // 2 mirrored
                {{6, 5, 4}, {3, 2, 1}},          // 3 rotated 180°
                {{4, 5, 6}, {1, 2, 3}},          // 4 flipped
                {{1, 4}, {2, 5}, {3, 6}},        // 5 transposed
                {{4, 1}, {5, 2}, {6, 3}},        // 6 rotated 90° clockwise
                {{6, 3}, {5, 2}, {4, 1}},        // 7 transverse
                {{3, 6}, {2, 5}, {1, 4}},        // 8 rotated 90° counter-clockwise
        };
        for (int o = 1; o <= 8; o++) {
            int[][] got = values(ExifOrientation.upright(sixPixels(), o));
            assertEquals(expected[o - 1].length, got.length, "orientation " + o);
            for (int r = 0; r < got.length; r++) {
                assertArrayEquals(expected[o - 1][r], got[r], "orientation " + o + " row " + r);
            }
        }
    }

    @Test
    void aPhotoTaggedRotatedIsReadUpright() throws IOException {
        // stored sideways: 40 wide, 20 high, a white block in the top-left corner
        BufferedImage stored = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = stored.createGraphics();
        g.setColor(Color.BLACK);
        g.fillRect(0, 0, 40, 20);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 10, 10);
        g.dispose();
        Path jpeg = dir.resolve("photo.jpg");
        Files.write(jpeg, HostilePictures.jpegWithExifOrientation(jpegBytes(stored), 6));

        assertEquals(6, ExifOrientation.of(jpeg));
        BufferedImage read = ImageFiles.read(jpeg, ImageFiles.DEFAULT_MAX_PIXELS);
        assertEquals(20, read.getWidth());
        assertEquals(40, read.getHeight());
        // turned 90° clockwise, the block is now in the top-right corner
        assertTrue((read.getRGB(15, 4) & 0xFF) > 200, "top-right should be white");
        assertTrue((read.getRGB(4, 4) & 0xFF) < 50, "top-left should be black");
    }

    @Test
    void picturesWithoutExifStayAsStored() throws IOException {
        Path png = dir.resolve("plain.png");
        ImageIO.write(sixPixels(), "png", png.toFile());
        assertEquals(ExifOrientation.UPRIGHT, ExifOrientation.of(png));
        assertEquals(3, ImageFiles.read(png, ImageFiles.DEFAULT_MAX_PIXELS).getWidth());
        Path junk = Files.writeString(dir.resolve("junk.jpg"), "not a picture");
        assertEquals(ExifOrientation.UPRIGHT, ExifOrientation.of(junk));
    }

    private static byte[] jpegBytes(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }
}
