package dev.dl4jmnist.prediction.imaging;

import dev.dl4jmnist.AppException;
import dev.dl4jmnist.MemoryBudget;
import dev.dl4jmnist.io.AtomicFiles;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageTypeSpecifier;
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
 * picture with more pixels than a limit, before decoding it; decoding large ones at a reduced size within
 * the process's {@link DecodeBudget}; and turning photos upright by their EXIF tag.
 */
public final class ImageFiles {
    /** Default limit: 40 megapixels (a 48 MP phone photo is refused; 12 MP photos pass). */
    public static final long DEFAULT_MAX_PIXELS = 40_000_000L;
    /** File name endings picked up from directories. */
    public static final List<String> EXTENSIONS = List.of("png", "jpg", "jpeg", "bmp", "gif");

    private ImageFiles() {
    }

    /**
     * Loads and initialises everything a picture's decoding touches (ImageIO and its plugins for each
     * format, the EXIF reader) by decoding a tiny picture of each format: a server calls it before it
     * says it is ready, so that no request is the first to initialise a class, where running out of
     * memory would leave that class unusable for good.
     */
    public static void warmUp() {
        BufferedImage dot = new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB);
        dot.setRGB(0, 0, 0xFFFFFF);
        for (String format : List.of("png", "jpg", "bmp", "gif")) {
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            try {
                if (!ImageIO.write(dot, format, bytes)) {
                    throw new IllegalStateException("no ImageIO writer for " + format);
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            read(bytes.toByteArray(), DEFAULT_MAX_PIXELS);
        }
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
        return read(bytesOf(file), maxPixels);
    }

    /**
     * The contents of a picture file.
     *
     * @throws AppException (message without the file name) when the file is missing, a directory or unreadable
     */
    public static byte[] bytesOf(Path file) {
        if (!Files.exists(file)) {
            throw new AppException("no such file");
        }
        if (Files.isDirectory(file)) {
            throw new AppException("is a directory");
        }
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new AppException("cannot read: " + AtomicFiles.describe(e), e);
        }
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
        try (Decoded decoded = decode(bytes, maxPixels, DecodeBudget.process())) {
            return decoded.image();
        }
    }

    /** A decoded picture and the share of the decode budget it holds until closed. */
    public record Decoded(BufferedImage image, MemoryBudget.Share share) implements AutoCloseable {
        @Override
        public void close() {
            share.close();
        }
    }

    /**
     * Decodes the first image in {@code bytes}, upright, holding a share of {@code budget} for it (and
     * for the work done on it until closed). A picture whose longer side is more than twice
     * {@link GrayConversion#WORKING_SIZE} is decoded at every {@code n}-th pixel (the decoder's source
     * subsampling), never held at full size: what the pipeline works on is at most that size anyway.
     *
     * @throws AppException                when the bytes are empty, not a supported picture, larger than
     *                                     {@code maxPixels}, or cannot be decoded
     * @throws DecodeBudget.BusyException when other pictures hold the budget for longer than it waits
     */
    public static Decoded decode(byte[] bytes, long maxPixels, DecodeBudget budget) {
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
                int step = subsampling(width, height);
                long pixels = ((width + step - 1) / step) * ((height + step - 1) / step);
                int orientation = ExifOrientation.of(bytes);
                int stored = bytesPerPixel(reader);
                MemoryBudget.Share share = budget.take(DecodeBudget.bytesFor(pixels,
                        orientation == ExifOrientation.UPRIGHT ? stored : 2 * stored));
                try {
                    ImageReadParam param = reader.getDefaultReadParam();
                    param.setSourceSubsampling(step, step, 0, 0);
                    BufferedImage image = reader.read(0, param);
                    if (image == null) {
                        throw new AppException("cannot decode " + reader.getFormatName() + " image");
                    }
                    return new Decoded(ExifOrientation.upright(image, orientation), share);
                } catch (IOException | RuntimeException e) {
                    share.close();
                    throw e;
                }
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

    /** Take every n-th pixel of a picture this large: n keeps the longer side at least twice the working size. */
    static int subsampling(long width, long height) {
        return (int) Math.max(1, Math.max(width, height) / (2L * GrayConversion.WORKING_SIZE));
    }

    /** Bytes a decoded pixel takes, by the decoder's own image type (4 when it does not say). */
    private static int bytesPerPixel(ImageReader reader) {
        try {
            ImageTypeSpecifier type = reader.getRawImageType(0);
            if (type == null) {
                return 4;
            }
            int bits = 0;
            for (int size : type.getSampleModel().getSampleSize()) {
                bits += size;
            }
            return Math.max(1, Math.min(8, (bits + 7) / 8));
        } catch (IOException | RuntimeException e) {
            return 4;
        }
    }
}
