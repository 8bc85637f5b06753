package dev.dl4jmnist.prediction.imaging;

import dev.dl4jmnist.AppException;
import dev.dl4jmnist.io.AtomicFiles;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * Reads users' pictures (PNG, JPEG, BMP, GIF) with javax.imageio, refusing from the header alone any
 * picture with more pixels than a limit, before decoding it, and turning photos upright by their EXIF tag.
 */
public final class ImageFiles {
    /** Default limit: 40 megapixels (a 48 MP phone photo is refused; 12 MP photos pass). */
    public static final long DEFAULT_MAX_PIXELS = 40_000_000L;
    /** File name endings picked up from directories. */
    public static final List<String> EXTENSIONS = List.of("png", "jpg", "jpeg", "bmp", "gif");

    private ImageFiles() {
    }

    /** Whether a file name ends in one of {@link #EXTENSIONS} (any case). */
    public static boolean hasImageExtension(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return dot >= 0 && EXTENSIONS.contains(name.substring(dot + 1));
    }

    /**
     * Decodes the first image in {@code file}.
     *
     * @throws AppException (message without the file name) when the file is missing, empty, not a
     *                      supported picture, larger than {@code maxPixels}, or cannot be decoded
     */
    public static BufferedImage read(Path file, long maxPixels) {
        if (!Files.exists(file)) {
            throw new AppException("no such file");
        }
        if (Files.isDirectory(file)) {
            throw new AppException("is a directory");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new AppException("cannot read: " + AtomicFiles.describe(e), e);
        }
        return read(bytes, maxPixels);
    }

    /** Decodes the first image in a stream (an upload, say), read to its end; see {@link #read(byte[], long)}. */
    public static BufferedImage read(InputStream stream, long maxPixels) {
        try {
            return read(stream.readAllBytes(), maxPixels);
        } catch (IOException e) {
            throw new AppException("cannot read: " + AtomicFiles.describe(e), e);
        }
    }

    /**
     * Decodes the first image in {@code bytes} (the contents of a picture file).
     *
     * @throws AppException when the bytes are empty, not a supported picture, larger than {@code maxPixels},
     *                      or cannot be decoded
     */
    public static BufferedImage read(byte[] bytes, long maxPixels) {
        if (bytes.length == 0) {
            throw new AppException("empty file");
        }
        // held in memory: ImageIO.createImageInputStream would copy the bytes into a temporary cache file
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new AppException("not a PNG, JPEG, BMP or GIF image");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long width = reader.getWidth(0);
                long height = reader.getHeight(0);
                if (width < 1 || height < 1) {
                    throw new AppException("image has no pixels (" + width + "×" + height + ")");
                }
                if (width * height > maxPixels) {
                    throw new AppException(String.format(Locale.ROOT,
                            "image too large: %d×%d = %d pixels, above the limit of %d (not decoded)",
                            width, height, width * height, maxPixels));
                }
                BufferedImage image = reader.read(0);
                if (image == null) {
                    throw new AppException("cannot decode " + reader.getFormatName() + " image");
                }
                return ExifOrientation.upright(image, ExifOrientation.of(bytes));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof AppException a) {
                throw a;
            }
            String why = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
            throw new AppException("cannot decode image: " + why, e);
        }
    }
}
