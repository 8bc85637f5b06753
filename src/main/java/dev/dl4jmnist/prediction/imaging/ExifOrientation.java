package dev.dl4jmnist.prediction.imaging;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.metadata.Metadata;
import com.drew.metadata.MetadataException;
import com.drew.metadata.exif.ExifIFD0Directory;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Turns a picture upright the way its EXIF orientation tag says (phone cameras store photos as the
 * sensor saw them and record the rotation in the tag; image decoders ignore it).
 */
public final class ExifOrientation {
    /** EXIF orientation 1: stored upright. */
    public static final int UPRIGHT = 1;

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
            Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(bytes), bytes.length);
            ExifIFD0Directory exif = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
            if (exif == null || !exif.containsTag(ExifIFD0Directory.TAG_ORIENTATION)) {
                return UPRIGHT;
            }
            int orientation = exif.getInt(ExifIFD0Directory.TAG_ORIENTATION);
            return orientation >= 1 && orientation <= 8 ? orientation : UPRIGHT;
        } catch (ImageProcessingException | IOException | MetadataException | RuntimeException e) {
            return UPRIGHT;                        // no readable metadata: show the picture as stored
        }
    }

    /**
     * The picture as it should be seen for EXIF orientation {@code orientation}: 2 mirror, 3 rotate 180°,
     * 4 flip, 5 transpose, 6 rotate 90° clockwise, 7 transverse, 8 rotate 90° counter-clockwise.
     */
    public static BufferedImage upright(BufferedImage image, int orientation) {
        if (orientation <= UPRIGHT || orientation > 8) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        boolean swap = orientation >= 5;
        int ow = swap ? h : w;
        int oh = swap ? w : h;
        int type = image.getType() == BufferedImage.TYPE_CUSTOM ? BufferedImage.TYPE_INT_ARGB : image.getType();
        BufferedImage out = new BufferedImage(ow, oh, type);
        for (int y = 0; y < oh; y++) {
            for (int x = 0; x < ow; x++) {
                int sx;
                int sy;
                switch (orientation) {
                    case 2 -> { sx = w - 1 - x; sy = y; }
                    case 3 -> { sx = w - 1 - x; sy = h - 1 - y; }
                    case 4 -> { sx = x; sy = h - 1 - y; }
                    case 5 -> { sx = y; sy = x; }
                    case 6 -> { sx = y; sy = h - 1 - x; }
                    case 7 -> { sx = w - 1 - y; sy = h - 1 - x; }
                    default -> { sx = w - 1 - y; sy = x; }   // 8
                }
                out.setRGB(x, y, image.getRGB(sx, sy));
            }
        }
        return out;
    }
}
