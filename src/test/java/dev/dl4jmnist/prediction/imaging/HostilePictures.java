package dev.dl4jmnist.prediction.imaging;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Test helper: the pictures and forms that hostile-traffic tests and benchmarks send, written once: PNG noise
 * (incompressible), a zTXt chunk that inflates far beyond its size, the EXIF orientation block as a PNG chunk or a
 * JPEG segment, and a multipart form of many parts; with the PNG chunk tools they are made of.
 */
public final class HostilePictures {
    private HostilePictures() {
    }

    /** {@code image} as PNG bytes. */
    public static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /** A PNG of random colours (seed 9), which no compression shrinks: 1750 × 1750 is about 9 MB. */
    public static byte[] noisePng(int width, int height) throws IOException {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(9);
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                row[x] = random.nextInt(1 << 24);
            }
            img.setRGB(0, y, width, 1, row, 0, width);
        }
        return png(img);
    }

    /** A whole PNG chunk: length, type, data, CRC. */
    public static byte[] chunk(String type, byte[] data) {
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

    /** {@code png} with {@code chunks} (each a whole chunk) put before its IEND. */
    public static byte[] withChunks(byte[] png, byte[]... chunks) {
        return inserted(png, png.length - 12, chunks);
    }

    /** {@code png} with {@code chunks} (each a whole chunk) put right after its IHDR, before any pixel data. */
    public static byte[] withChunksAfterHeader(byte[] png, byte[]... chunks) {
        return inserted(png, 8 + 25, chunks);                   // the signature, then IHDR's 13 bytes of data
    }

    private static byte[] inserted(byte[] png, int at, byte[]... chunks) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(png, 0, at);
        for (byte[] chunk : chunks) {
            out.write(chunk, 0, chunk.length);
        }
        out.write(png, at, png.length - at);
        return out.toByteArray();
    }

    /**
     * A zTXt chunk ("Comment") whose text is {@code inflated} bytes of zeros, compressed about a thousand times;
     * the zeros are deflated a mebibyte at a time, so a gibibyte of them is never held.
     */
    public static byte[] zTxtBomb(long inflated) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        byte[] zeros = new byte[1 << 20];
        byte[] buffer = new byte[1 << 16];
        for (long left = inflated; left > 0; left -= zeros.length) {
            deflater.setInput(zeros, 0, (int) Math.min(zeros.length, left));
            while (!deflater.needsInput()) {
                compressed.write(buffer, 0, deflater.deflate(buffer));
            }
        }
        deflater.finish();
        while (!deflater.finished()) {
            compressed.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        byte[] keyword = "Comment".getBytes(StandardCharsets.US_ASCII);
        ByteBuffer data = ByteBuffer.allocate(keyword.length + 2 + compressed.size());
        data.put(keyword).put((byte) 0).put((byte) 0).put(compressed.toByteArray());   // the keyword's end, method 0
        return chunk("zTXt", data.array());
    }

    /** EXIF's TIFF block holding only the orientation tag: big-endian header, one IFD with one entry. */
    public static byte[] exifOrientation(int orientation) {
        ByteBuffer tiff = ByteBuffer.allocate(8 + 2 + 12 + 4);
        tiff.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8);      // header, IFD0 at offset 8
        tiff.putShort((short) 1);                                                // one entry
        tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1);             // Orientation, SHORT, count 1
        tiff.putShort((short) orientation).putShort((short) 0);                  // value, padding
        tiff.putInt(0);                                                          // no next IFD
        return tiff.array();
    }

    /** An eXIf PNG chunk holding only the orientation tag. */
    public static byte[] exifChunk(int orientation) {
        return chunk("eXIf", exifOrientation(orientation));
    }

    /**
     * {@code jpeg} with an APP1 EXIF segment holding only the orientation tag, after its JFIF APP0 segment when it
     * starts with one (as ImageIO writes them), else right after its SOI marker.
     */
    public static byte[] jpegWithExifOrientation(byte[] jpeg, int orientation) {
        byte[] exif = ByteBuffer.allocate(6 + 26).put(new byte[]{'E', 'x', 'i', 'f', 0, 0}).put(exifOrientation(orientation)).array();
        boolean app0 = (jpeg[2] & 0xFF) == 0xFF && (jpeg[3] & 0xFF) == 0xE0;
        int at = app0 ? 4 + (((jpeg[4] & 0xFF) << 8) | (jpeg[5] & 0xFF)) : 2;    // SOI (2) + marker (2) + APP0's length
        ByteBuffer out = ByteBuffer.allocate(jpeg.length + 4 + exif.length);
        out.put(jpeg, 0, at);
        out.put((byte) 0xFF).put((byte) 0xE1).putShort((short) (exif.length + 2)).put(exif);
        out.put(jpeg, at, jpeg.length - at);
        return out.array();
    }

    /** A multipart form (boundary {@code b}) of {@code parts} one-byte fields, none of them a file. */
    public static byte[] manyParts(int parts) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < parts; i++) {
            b.append("--b\r\nContent-Disposition: form-data; name=\"f").append(i).append("\"\r\n\r\nx\r\n");
        }
        return b.append("--b--\r\n").toString().getBytes(StandardCharsets.US_ASCII);
    }
}
