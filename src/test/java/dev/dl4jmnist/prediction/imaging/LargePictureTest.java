package dev.dl4jmnist.prediction.imaging;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

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
        byte[] png = png(big);
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
        byte[] picture = withChunks(png(sevenOnPaper(60, 40)), zTxtBomb(256 << 20), exif(6));
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

    static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /** {@code png} with {@code chunks} (each a whole chunk: length, type, data, CRC) put before its IEND. */
    static byte[] withChunks(byte[] png, byte[]... chunks) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int iend = png.length - 12;
        out.write(png, 0, iend);
        for (byte[] chunk : chunks) {
            out.write(chunk, 0, chunk.length);
        }
        out.write(png, iend, 12);
        return out.toByteArray();
    }

    static byte[] chunk(String type, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(12 + data.length);
        b.putInt(data.length);
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        b.put(name).put(data);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        b.putInt((int) crc.getValue());
        return b.array();
    }

    /** A zTXt chunk whose text is {@code inflated} bytes of zeros (compressed about a thousand times). */
    static byte[] zTxtBomb(int inflated) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        deflater.setInput(new byte[inflated]);
        deflater.finish();
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        byte[] buffer = new byte[1 << 16];
        while (!deflater.finished()) {
            compressed.write(buffer, 0, deflater.deflate(buffer));
        }
        byte[] keyword = "Comment".getBytes(StandardCharsets.US_ASCII);
        ByteBuffer data = ByteBuffer.allocate(keyword.length + 2 + compressed.size());
        data.put(keyword).put((byte) 0).put((byte) 0).put(compressed.toByteArray());
        return chunk("zTXt", data.array());
    }

    /** An eXIf chunk: a big-endian TIFF header and one IFD holding only the orientation tag. */
    static byte[] exif(int orientation) {
        ByteBuffer b = ByteBuffer.allocate(8 + 2 + 12 + 4);
        b.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8);
        b.putShort((short) 1);
        b.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        b.putInt(0);
        return chunk("eXIf", b.array());
    }
}
