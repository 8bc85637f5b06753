package dev.dl4jmnist.server;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The longest any one request may take, from its headers to its answer: one still running then has its
 * connection closed, which ends whatever reading or waiting holds it. A body that arrives just above the
 * minimum data rate could otherwise hold a thread for hours.
 */
final class RequestTimeLimit extends Handler.Wrapper {
    private final long limitMillis;

    RequestTimeLimit(Handler handler, long limitMillis) {
        super(handler);
        this.limitMillis = limitMillis;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        AtomicBoolean answered = new AtomicBoolean();
        Scheduler.Task limit = request.getComponents().getScheduler().schedule(() -> {
            if (!answered.get()) {
                request.getConnectionMetaData().getConnection().getEndPoint().close();
            }
        }, limitMillis, TimeUnit.MILLISECONDS);
        Callback done = Callback.from(() -> {
            answered.set(true);
            limit.cancel();
            callback.succeeded();
        }, failure -> {
            answered.set(true);
            limit.cancel();
            callback.failed(failure);
        });
        boolean handled = super.handle(request, response, done);
        if (!handled) {
            answered.set(true);
            limit.cancel();
        }
        return handled;
    }
}
