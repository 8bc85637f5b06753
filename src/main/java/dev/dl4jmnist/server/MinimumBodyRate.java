package dev.dl4jmnist.server;

import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.io.IOException;

/**
 * The slowest a request body may arrive, request by request: each time its reader waits for more, the bytes it has
 * read so far, over the time since it first waited, must be at least the minimum; a slower body's read fails with
 * {@link TooSlow} (answered 408). Jetty's own {@code MinimumDataRateHandler} (12.1) divides the bytes that every
 * request has read since the server started, so after a few uploads it cut no one off.
 */
final class MinimumBodyRate extends Handler.Wrapper {
    private final long bytesPerSecond;

    MinimumBodyRate(Handler handler, long bytesPerSecond) {
        super(handler);
        this.bytesPerSecond = bytesPerSecond;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        return super.handle(new Measured(request), response, callback);
    }

    /** A body that arrived slower than the minimum; its message says so in words a client understands. */
    static final class TooSlow extends IOException {
        TooSlow(long bytesPerSecond) {
            super("the request body arrived slower than " + bytesPerSecond + " bytes a second");
        }
    }

    /** The request with its body's bytes counted; read and demand are never called at once (Content.Source). */
    private final class Measured extends Request.Wrapper {
        private boolean waited;
        private long firstWait;
        private long bytes;
        private Content.Chunk failure;

        Measured(Request request) {
            super(request);
        }

        @Override
        public Content.Chunk read() {
            if (failure != null) {
                return failure;
            }
            Content.Chunk chunk = super.read();
            if (chunk != null) {
                bytes += chunk.remaining();
            }
            return chunk;
        }

        @Override
        public void demand(Runnable onContent) {
            long now = System.nanoTime();
            if (!waited) {
                waited = true;
                firstWait = now;
            } else if (bytes > 0 && bytes * 1_000_000_000.0 / Math.max(1, now - firstWait) < bytesPerSecond) {
                failure = Content.Chunk.from(new TooSlow(bytesPerSecond));
                onContent.run();
                return;
            }
            super.demand(onContent);
        }
    }
}
