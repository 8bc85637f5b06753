package dev.dl4jmnist.prediction.imaging;

import com.drew.imaging.jpeg.JpegMetadataReader;
import com.drew.imaging.png.PngChunk;
import com.drew.imaging.png.PngChunkReader;
import com.drew.imaging.png.PngChunkType;
import com.drew.lang.ByteArrayReader;
import com.drew.lang.StreamReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifReader;

import java.awt.AlphaComposite;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Turns a picture upright the way its EXIF orientation tag says (phone cameras store photos as the
 * sensor saw them and record the rotation in the tag; image decoders ignore it). Only the EXIF block is
 * read: a JPEG's APP1 segment or a PNG's eXIf chunk, never text chunks, colour profiles or anything
 * else a file may carry (a PNG's compressed text can inflate to gigabytes).
 */
public final class ExifOrientation {
    /** EXIF orientation 1: stored upright. */
    public static final int UPRIGHT = 1;
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private ExifOrientation() {
    }

    /** The file's EXIF orientation (1–8), or {@link #UPRIGHT} when it has none or it cannot be read. */
    public static int of(Path file) {
        try {
            return of(Files.readAllBytes(file));
        } catch (IOException e) {
            return UPRIGHT;
        }
    }

    /** The EXIF orientation (1–8) of a picture file's contents, or {@link #UPRIGHT} when it has none or it cannot be read. */
    public static int of(byte[] bytes) {
        try {
            Metadata metadata = exifOnly(bytes);
            ExifIFD0Directory exif = metadata == null ? null : metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
            if (exif == null || !exif.containsTag(ExifIFD0Directory.TAG_ORIENTATION)) {
                return UPRIGHT;
            }
            int orientation = exif.getInt(ExifIFD0Directory.TAG_ORIENTATION);
            return orientation >= 1 && orientation <= 8 ? orientation : UPRIGHT;
        } catch (Exception e) {
            return UPRIGHT;                        // no readable metadata: show the picture as stored
        }
    }

    /** The EXIF of a JPEG (APP1) or a PNG (eXIf), read without touching any other segment or chunk; null for other formats. */
    private static Metadata exifOnly(byte[] bytes) throws Exception {
        if (bytes.length > 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xD8) {
            return JpegMetadataReader.readMetadata(new ByteArrayInputStream(bytes), List.of(new ExifReader()));
        }
        if (startsWith(bytes, PNG_SIGNATURE)) {
            Metadata metadata = new Metadata();
            StreamReader reader = new StreamReader(new ByteArrayInputStream(bytes));
            for (PngChunk chunk : new PngChunkReader().extract(reader, Set.of(PngChunkType.eXIf))) {
                new ExifReader().extract(new ByteArrayReader(chunk.getBytes()), metadata);
            }
            return metadata;
        }
        return null;
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    /**
     * The picture as it should be seen for EXIF orientation {@code orientation}: 2 mirror, 3 rotate 180°,
     * 4 flip, 5 transpose, 6 rotate 90° clockwise, 7 transverse, 8 rotate 90° counter-clockwise. One
     * whole-image copy through Java2D (each pixel lands exactly on another: no interpolation).
     */
    public static BufferedImage upright(BufferedImage image, int orientation) {
        if (orientation <= UPRIGHT || orientation > 8) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        boolean swap = orientation >= 5;
        int type = image.getType() == BufferedImage.TYPE_CUSTOM ? BufferedImage.TYPE_INT_ARGB : image.getType();
        BufferedImage out = new BufferedImage(swap ? h : w, swap ? w : h, type);
        // where a stored pixel's corner (x, y) lands in the upright picture
        AffineTransform where = switch (orientation) {
            case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0);
            case 3 -> new AffineTransform(-1, 0, 0, -1, w, h);
            case 4 -> new AffineTransform(1, 0, 0, -1, 0, h);
            case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0);
            case 6 -> new AffineTransform(0, 1, -1, 0, h, 0);
            case 7 -> new AffineTransform(0, -1, -1, 0, h, w);
            default -> new AffineTransform(0, -1, 1, 0, 0, w);   // 8
        };
        Graphics2D g = out.createGraphics();
        try {
            g.setComposite(AlphaComposite.Src);    // copy, alpha included, rather than blend
            g.drawImage(image, where, null);
        } finally {
            g.dispose();
        }
        return out;
    }
}
