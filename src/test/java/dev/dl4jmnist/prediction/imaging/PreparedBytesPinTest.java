package dev.dl4jmnist.prediction.imaging;

import dev.dl4jmnist.FullTier;
import dev.dl4jmnist.TestData;
import dev.dl4jmnist.data.MnistImages;
import dev.dl4jmnist.io.Sha256;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The prepared 28×28 bytes of 300 varied pictures (enlarged MNIST digits as PNG and JPEG photos, drawn
 * digits of every polarity and pixel layout, translucent ones) are pinned by one SHA-256: speeding up
 * decoding or preprocessing must not change a single byte the model sees.
 */
@FullTier
class PreparedBytesPinTest {
    /** Measured with the preprocessing as it was before its speed-up (the commit that added this test). */
    static final String PINNED = "6400df4a7cbe30675b2076f0b1ba19f9c7f61a3a995ebf6ab87aaf028ab8acfd";

    @Test
    void preparedBytesAreUnchanged() throws IOException {
        MessageDigest digest = Sha256.newDigest();
        MnistImages mnist = TestData.mnist().testImages();
        RealisticDigits photos = new RealisticDigits(11);
        for (int i = 0; i < 200; i++) {
            add(digest, encode(photos.picture(mnist, i), i % 2 == 0 ? "png" : "jpg"));
        }
        int[] types = {BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_4BYTE_ABGR, BufferedImage.TYPE_INT_RGB,
                BufferedImage.TYPE_INT_ARGB, BufferedImage.TYPE_BYTE_GRAY};
        Color[][] colours = {{Color.WHITE, Color.BLACK}, {Color.BLACK, Color.WHITE}, {new Color(240, 230, 200), new Color(20, 40, 120)},
                {new Color(0, 0, 0, 0), Color.BLACK}, {new Color(255, 255, 255, 0), Color.WHITE}};
        int k = 0;
        for (int type : types) {
            for (Color[] pc : colours) {
                for (int j = 0; j < 4; j++, k++) {
                    BufferedImage seven = SyntheticDigits.seven(200 + 17 * j, 180 + 11 * k % 90, 10 + 7 * j, 15 + 3 * j,
                            120 + 10 * j, pc[0], pc[1], type);
                    add(digest, encode(seven, "png"));
                    add(digest, seven);
                }
            }
        }
        assertThat(Sha256.hex(digest)).isEqualTo(PINNED);
    }

    private static void add(MessageDigest digest, byte[] file) {
        add(digest, ImageFiles.read(file, ImageFiles.DEFAULT_MAX_PIXELS));
    }

    /** The prepared bytes and polarity, or a marker for a picture found blank (ink the colour of the paper). */
    private static void add(MessageDigest digest, BufferedImage image) {
        try {
            PreparedDigit digit = DigitPipeline.prepare(image);
            digest.update(digit.pixels());
            digest.update((byte) (digit.darkInk() ? 1 : 0));
        } catch (BlankImageException blank) {
            digest.update((byte) 2);
        }
    }

    private static byte[] encode(BufferedImage image, String format) throws IOException {
        BufferedImage written = image;
        if (format.equals("jpg") && image.getColorModel().hasAlpha()) {
            written = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
            written.getGraphics().drawImage(image, 0, 0, null);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(written, format, out)) {
            throw new IOException("no " + format + " writer for type " + image.getType());
        }
        return out.toByteArray();
    }
}
