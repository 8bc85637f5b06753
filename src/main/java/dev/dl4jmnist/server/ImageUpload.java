package dev.dl4jmnist.server;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;

/**
 * Takes the picture out of a prediction request: the raw body (an image content type) or the multipart
 * field {@code image}. Refuses a body over the size limit from its Content-Length before reading it, and
 * stops reading a streamed body as soon as it passes the limit.
 */
final class ImageUpload {
    /** Content types accepted for a raw body. */
    static final List<String> IMAGE_TYPES = List.of("image/png", "image/jpeg", "image/bmp", "image/gif");
    static final String FIELD = "image";

    /** The picture's bytes and, for an upload, its file name (else null). */
    record Picture(byte[] bytes, String name) {
    }

    private ImageUpload() {
    }

    static Picture from(Context ctx, long maxBytes) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > maxBytes) {
            throw tooLarge(maxBytes);
        }
        String type = baseType(ctx.contentType());
        if (type.equals("multipart/form-data")) {
            return fromMultipart(ctx, maxBytes);
        }
        if (!IMAGE_TYPES.contains(type)) {
            discardBody(ctx, maxBytes);          // read it, so the client gets the answer, not a closed connection
            throw new ApiException(415, (type.isEmpty() ? "no content type" : "content type " + type + " is not supported")
                    + ": send image/png, image/jpeg, image/bmp or image/gif, or a multipart form with the field 'image'");
        }
        try (InputStream in = ctx.bodyInputStream()) {
            return new Picture(readCapped(in, maxBytes), null);
        } catch (IOException e) {
            throw new ApiException(400, "cannot read the request body: " + e.getMessage());
        }
    }

    private static Picture fromMultipart(Context ctx, long maxBytes) {
        UploadedFile file;
        try {
            file = ctx.uploadedFile(FIELD);
        } catch (RuntimeException e) {
            if (String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("exceed")
                    || String.valueOf(e.getCause()).toLowerCase(Locale.ROOT).contains("exceed")) {
                throw tooLarge(maxBytes);
            }
            throw new ApiException(400, "cannot read the multipart form");
        }
        if (file == null) {
            throw new ApiException(400, "the multipart form has no field 'image'");
        }
        if (file.size() > maxBytes) {
            throw tooLarge(maxBytes);
        }
        try (InputStream in = file.content()) {
            String name = file.filename() == null || file.filename().isBlank() ? null : file.filename();
            return new Picture(readCapped(in, maxBytes), name);
        } catch (IOException e) {
            throw new ApiException(400, "cannot read the multipart field 'image': " + e.getMessage());
        }
    }

    /**
     * Reads and drops a body of at most {@code maxBytes} (a longer one is left: the connection then closes),
     * so that a client still sending gets the error answer instead of a closed connection.
     */
    static void discardBody(Context ctx, long maxBytes) {
        try (InputStream in = ctx.bodyInputStream()) {
            byte[] buffer = new byte[8192];
            long left = maxBytes;
            for (int n; left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0; ) {
                left -= n;
            }
        } catch (IOException e) {
            // the error answer follows in any case
        }
    }

    /** Reads at most {@code maxBytes}; a body that goes on past them is refused without reading the rest. */
    private static byte[] readCapped(InputStream in, long maxBytes) throws IOException {
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (bytes.length > maxBytes) {
            throw tooLarge(maxBytes);
        }
        if (bytes.length == 0) {
            throw new ApiException(400, "the request body is empty: send the picture's bytes");
        }
        return bytes;
    }

    private static ApiException tooLarge(long maxBytes) {
        return new ApiException(413, "the body is larger than the limit of " + maxBytes + " bytes");
    }

    /** {@code image/png; charset=x} → {@code image/png}; null → "". */
    private static String baseType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon >= 0 ? contentType.substring(0, semicolon) : contentType).trim().toLowerCase(Locale.ROOT);
    }
}
