package dev.dl4jmnist.prediction.imaging;

import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.lang.management.ManagementFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Large and hostile pictures: a picture far larger than the pipeline's working size is decoded at a
 * reduced size (and still read as the same digit), and a PNG whose text chunk inflates to hundreds of
 * megabytes costs the EXIF reader nothing.
 */
class LargePictureTest {

    @Test
    void onlyPicturesOverTwiceTheWorkingSizeAreSubsampled() {
        assertThat(ImageFiles.subsampling(2048, 1500)).isEqualTo(1);
        assertThat(ImageFiles.subsampling(4096, 3000)).isEqualTo(2);
        assertThat(ImageFiles.subsampling(4912, 7360)).isEqualTo(3);      // a 36 MP photo: 2453 px on the longer side
    }

    @Test
    void aLargePictureIsDecodedReducedAndReadAsTheSameDigit() throws IOException {
        BufferedImage big = sevenOnPaper(6000, 4000);
        byte[] png = HostilePictures.png(big);
        try (ImageFiles.Decoded decoded = ImageFiles.decode(png, ImageFiles.DEFAULT_MAX_PIXELS, DecodeBudget.process())) {
            assertThat(decoded.image().getWidth()).isEqualTo(3000);
            assertThat(decoded.image().getHeight()).isEqualTo(2000);
        }
        PreparedDigit fromFile = DigitPipeline.prepare(png, ImageFiles.DEFAULT_MAX_PIXELS);
        PreparedDigit fromFullImage = DigitPipeline.prepare(big);
        int differing = 0;
        for (int i = 0; i < 784; i++) {
            differing += Math.abs((fromFile.pixels()[i] & 0xFF) - (fromFullImage.pixels()[i] & 0xFF)) > 32 ? 1 : 0;
        }
        assertThat(differing).as("28×28 pixels that differ by more than 32 levels").isLessThanOrEqualTo(8);
    }

    @Test
    void aTextChunkThatInflatesToHundredsOfMegabytesIsNeverInflated() throws IOException {
        byte[] picture = HostilePictures.withChunks(HostilePictures.png(sevenOnPaper(60, 40)),
                HostilePictures.zTxtBomb(256 << 20), HostilePictures.exifChunk(6));
        long before = allocated();
        int orientation = ExifOrientation.of(picture);
        long allocated = allocated() - before;
        assertThat(orientation).isEqualTo(6);
        assertThat(allocated).as("bytes allocated reading the EXIF").isLessThan(32L << 20);
    }

    private static long allocated() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    /** A thick dark 7 on light paper. */
    static BufferedImage sevenOnPaper(int width, int height) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(235, 232, 225));
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(30, 30, 40));
        g.setStroke(new java.awt.BasicStroke(Math.max(2, height / 20f)));
        g.drawLine(width * 2 / 5, height / 5, width * 3 / 5, height / 5);
        g.drawLine(width * 3 / 5, height / 5, width * 9 / 20, height * 4 / 5);
        g.dispose();
        return img;
    }
}
