package dev.dl4jmnist.server;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import org.eclipse.jetty.http.BadMessageException;

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
    private static final String EMPTY = "the request body is empty: send the picture's bytes";

    /** The picture's bytes and, for an upload, its file name (else null). */
    record Picture(byte[] bytes, String name) {
    }

    private ImageUpload() {
    }

    static Picture from(Context ctx, long maxBytes) {
        RequestBody.requireDeclaredWithin(ctx, maxBytes);
        String type = baseType(ctx.contentType());
        if (type.equals("multipart/form-data")) {
            return fromMultipart(ctx, maxBytes);
        }
        if (!IMAGE_TYPES.contains(type)) {
            RequestBody.discard(ctx, maxBytes);          // read it, so the client gets the answer, not a closed connection
            throw new ApiException(415, (type.isEmpty() ? "no content type" : "content type " + type + " is not supported")
                    + ": send image/png, image/jpeg, image/bmp or image/gif, or a multipart form with the field 'image'");
        }
        try (InputStream in = ctx.bodyInputStream()) {
            return new Picture(RequestBody.readCapped(in, maxBytes, EMPTY), null);
        } catch (IOException e) {
            throw RequestBody.unreadable("the request body", e);
        }
    }

    private static Picture fromMultipart(Context ctx, long maxBytes) {
        UploadedFile file;
        try {
            file = ctx.uploadedFile(FIELD);
        } catch (Exception e) {                  // Javalin lets the servlet API's checked exception through
            ctx.header("Connection", "close");   // the rest of a malformed body is not read
            if (tooLarge(e)) {
                throw RequestBody.tooLarge(maxBytes);
            }
            String slow = RequestBody.slowness(e);
            if (slow != null) {
                throw new ApiException(408, slow);
            }
            throw new ApiException(400, "the multipart form is malformed (" + badMessage(e) + ")");
        }
        if (file == null) {
            throw new ApiException(400, "the multipart form has no field 'image'");
        }
        if (file.size() > maxBytes) {
            throw RequestBody.tooLarge(maxBytes);
        }
        try (InputStream in = file.content()) {
            String name = file.filename() == null || file.filename().isBlank() ? null : file.filename();
            return new Picture(RequestBody.readCapped(in, maxBytes, EMPTY), name);
        } catch (IOException e) {
            throw RequestBody.unreadable("the multipart field 'image'", e);
        }
    }

    /** Whether Jetty refused the form for its size (its limit on parts or bytes). */
    private static boolean tooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BadMessageException bad && bad.getCode() == 413
                    || String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT).contains("exceed")) {
                return true;
            }
        }
        return false;
    }

    /** Jetty's own words for what is wrong with the form ("bad multipart", "missing boundary", ...), no class names. */
    private static String badMessage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BadMessageException bad && bad.getReason() != null) {
                return bad.getReason();
            }
        }
        return "it cannot be parsed";
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
