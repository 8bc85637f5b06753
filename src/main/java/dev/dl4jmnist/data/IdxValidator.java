package dev.dl4jmnist.data;

import dev.dl4jmnist.AppException;
import dev.dl4jmnist.io.Sha256;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.zip.ZipException;

/**
 * Checks an IDX stream against its {@link MnistFileSpec}: magic number, dimensions, length and
 * SHA-256, optionally copying the bytes on the way. DL4J's own loader checks none of these, and a
 * truncated file would otherwise silently yield blank images.
 */
public final class IdxValidator {
    private IdxValidator() {
    }

    /**
     * Reads {@code in} to its end, copying to {@code copyTo} when not null, and throws an
     * {@link AppException} naming {@code source} at the first thing that does not match {@code spec}.
     */
    public static void validate(InputStream in, OutputStream copyTo, MnistFileSpec spec, String source) {
        MessageDigest digest = Sha256.newDigest();
        long total = 0;
        try {
            byte[] header = new byte[spec.headerBytes()];
            int got = in.readNBytes(header, 0, header.length);
            if (got < header.length) {
                throw new AppException(source + ": truncated: " + got + " of " + fmt(spec.totalBytes())
                        + " bytes (the IDX header alone is " + header.length + ")");
            }
            DataInputStream h = new DataInputStream(new java.io.ByteArrayInputStream(header));
            int magic = h.readInt();
            if (magic != spec.magic()) {
                throw new AppException(String.format(Locale.ROOT,
                        "%s: wrong IDX magic number 0x%08X (expected 0x%08X: %s); is this the right file?",
                        source, magic, spec.magic(), spec.isImages() ? "unsigned-byte images" : "unsigned-byte labels"));
            }
            int count = h.readInt();
            if (count != spec.count()) {
                throw new AppException(source + ": IDX header says " + fmt(count) + " items, expected " + fmt(spec.count()));
            }
            if (spec.isImages()) {
                int rows = h.readInt();
                int cols = h.readInt();
                if (rows != spec.rows() || cols != spec.cols()) {
                    throw new AppException(source + ": IDX header says images of " + rows + "x" + cols
                            + ", expected " + spec.rows() + "x" + spec.cols());
                }
            }
            digest.update(header);
            if (copyTo != null) {
                copyTo.write(header);
            }
            total = header.length;
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
                if (copyTo != null) {
                    copyTo.write(buffer, 0, n);
                }
                total += n;
            }
        } catch (EOFException e) {
            throw new AppException(source + ": truncated: the compressed stream ends early (after " + fmt(total) + " bytes)", e);
        } catch (ZipException e) {
            throw new AppException(source + ": not a valid gzip file (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new AppException(source + ": cannot read: " + e.getMessage(), e);
        }
        if (total != spec.totalBytes()) {
            throw new AppException(source + ": " + (total < spec.totalBytes() ? "truncated" : "too long") + ": "
                    + fmt(total) + " bytes, expected " + fmt(spec.totalBytes()));
        }
        String actual = Sha256.hex(digest);
        if (!actual.equals(spec.sha256())) {
            throw new AppException(source + ": checksum mismatch: SHA-256 " + actual + ", expected " + spec.sha256()
                    + " (the file is damaged or is not the original " + spec.name() + ")");
        }
    }

    private static String fmt(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
