package dev.dl4jmnist.server;

import io.javalin.http.Context;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.TimeoutException;

/**
 * Reads request bodies within the size limit, for every endpoint that takes one: a declared Content-Length over
 * the limit is refused before anything is read, and a streamed body as soon as it passes the limit.
 */
final class RequestBody {
    private RequestBody() {
    }

    /** Refuses a body whose declared length is over the limit, before reading it. */
    static void requireDeclaredWithin(Context ctx, long maxBytes) {
        if (ctx.req().getContentLengthLong() > maxBytes) {
            throw tooLarge(maxBytes);
        }
    }

    /** The whole body, at most {@code maxBytes}; an empty body is refused with {@code emptyMessage}. */
    static byte[] read(Context ctx, long maxBytes, String emptyMessage) {
        requireDeclaredWithin(ctx, maxBytes);
        try (InputStream in = ctx.bodyInputStream()) {
            return readCapped(in, maxBytes, emptyMessage);
        } catch (IOException e) {
            throw unreadable("the request body", e);
        }
    }

    /** The whole body, at most {@code maxBytes}, or no bytes when there is none. */
    static byte[] readOptional(Context ctx, long maxBytes) {
        requireDeclaredWithin(ctx, maxBytes);
        try (InputStream in = ctx.bodyInputStream()) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                throw tooLarge(maxBytes);
            }
            return bytes;
        } catch (IOException e) {
            throw unreadable("the request body", e);
        }
    }

    /** The answer to a body that could not be read: 408 when the client was too slow ({@link #slowness}), else 400. */
    static ApiException unreadable(String what, Exception e) {
        String slow = slowness(e);
        return slow != null ? new ApiException(408, slow) : new ApiException(400, "cannot read " + what + ": " + e.getMessage());
    }

    /**
     * Why a read failed for the client's slowness, in its words: the body arrived under the minimum rate
     * ({@link MinimumBodyRate}) or stopped arriving (the idle timeout); null when it failed for another reason.
     */
    static String slowness(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MinimumBodyRate.TooSlow) {
                return t.getMessage();
            }
            if (t instanceof TimeoutException) {
                return "the request body stopped arriving";
            }
        }
        return null;
    }

    /** Reads at most {@code maxBytes}; a body that goes on past them is refused without reading the rest. */
    static byte[] readCapped(InputStream in, long maxBytes, String emptyMessage) throws IOException {
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (bytes.length > maxBytes) {
            throw tooLarge(maxBytes);
        }
        if (bytes.length == 0) {
            throw new ApiException(400, emptyMessage);
        }
        return bytes;
    }

    /**
     * Reads and drops a body of at most {@code maxBytes} (a longer one is left: the connection then closes),
     * so that a client still sending gets the error answer instead of a closed connection.
     */
    static void discard(Context ctx, long maxBytes) {
        try (InputStream in = ctx.bodyInputStream()) {
            byte[] buffer = new byte[8192];
            long left = maxBytes;
            for (int n; left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0; ) {
                left -= n;
            }
        } catch (IOException | RuntimeException e) {
            // the error answer follows in any case
        }
    }

    /**
     * After a body was refused as too large (413): reads and drops what the client is still sending, up to twice
     * {@code maxBytes}, so that it receives the answer rather than a connection reset by the bytes left unread (a
     * lingering close). Skipped for a client waiting for 100 Continue (it has sent nothing) and for one that declared
     * more than that: its connection closes with the answer, which it may or may not read.
     */
    static void drainRefused(Context ctx, long maxBytes) {
        if ("100-continue".equalsIgnoreCase(ctx.header("Expect")) || ctx.req().getContentLengthLong() > 2 * maxBytes) {
            return;
        }
        discard(ctx, 2 * maxBytes);
    }

    static ApiException tooLarge(long maxBytes) {
        return new ApiException(413, "the body is larger than the limit of " + maxBytes + " bytes");
    }
}
