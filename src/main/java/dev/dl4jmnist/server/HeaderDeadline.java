package dev.dl4jmnist.server;

import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The longest a request's headers may take to arrive, from their first byte to their end (against slowloris: a
 * client that trickles its headers would otherwise hold its connection as long as it sends a byte within each idle
 * timeout). A request still in its request line or headers past the deadline is answered 408 and its connection
 * closed. The signal is the connection's HTTP parser: a connection that has sent nothing of a next request (a new or
 * a kept-alive one) is left to the idle timeout, and bytes the server has not read yet (all its threads busy)
 * count for nothing, so a complete request waiting for a thread is never taken for a slow one.
 */
final class HeaderDeadline extends AbstractLifeCycle {
    /** How often the open connections are looked at: a slow one is closed within this much of its deadline. */
    static final long SWEEP_MILLIS = 500;
    /** How long the 408 may take to be written before the connection is closed without it. */
    static final long WRITE_MILLIS = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(HeaderDeadline.class);

    private final Server server;
    private final long deadlineNanos;
    private final String seconds;
    private final Runnable onRefused;
    /** The connections whose 408 is being written: refused once, not at every sweep until they close. */
    private final Set<EndPoint> refusing = ConcurrentHashMap.newKeySet();
    private volatile Scheduler.Task sweep;

    /**
     * @param onRefused called once for each connection answered 408
     */
    HeaderDeadline(Server server, long deadlineMillis, Runnable onRefused) {
        this.server = server;
        this.deadlineNanos = TimeUnit.MILLISECONDS.toNanos(deadlineMillis);
        this.seconds = BigDecimal.valueOf(deadlineMillis, 3).stripTrailingZeros().toPlainString();
        this.onRefused = onRefused;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        schedule();
    }

    @Override
    protected void doStop() throws Exception {
        Scheduler.Task task = sweep;
        if (task != null) {
            task.cancel();
        }
        super.doStop();
    }

    private void schedule() {
        sweep = server.getScheduler().schedule(this::sweep, SWEEP_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void sweep() {
        try {
            long now = System.nanoTime();
            for (Connector connector : server.getConnectors()) {
                if (connector instanceof AbstractConnector counted) {
                    for (EndPoint endPoint : counted.getConnectedEndPoints()) {
                        if (endPoint.getConnection() instanceof HttpConnection http && overdue(http.getParser(), now)
                                && refusing.add(endPoint)) {
                            refuse(endPoint);
                        }
                    }
                }
            }
        } finally {
            if (isRunning()) {
                schedule();
            }
        }
    }

    /** Whether the parser has read part of a request's line or headers, the first byte longer ago than the deadline. */
    private boolean overdue(HttpParser parser, long now) {
        // the state first: it is volatile and set after the time its message began
        HttpParser.State state = parser.getState();
        if (state == HttpParser.State.START || !parser.inHeaderState()) {
            return false;
        }
        long began = parser.getBeginNanoTime();
        return began != 0 && now - began >= deadlineNanos;
    }

    /** 408 with the JSON error, then the connection closed; nothing else is being written on it (no answer is due). */
    private void refuse(EndPoint endPoint) {
        LOG.warn("a request's headers were not complete {} s after their first byte: answered 408 (slow_headers)",
                seconds);
        onRefused.run();
        byte[] body = JettyErrors.body(408);
        byte[] head = ("HTTP/1.1 408 Request Timeout\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
        Runnable close = () -> {
            endPoint.close();
            refusing.remove(endPoint);
        };
        server.getScheduler().schedule(close, WRITE_MILLIS, TimeUnit.MILLISECONDS);      // a client that reads nothing
        try {
            endPoint.write(Callback.from(close, failed -> close.run()), ByteBuffer.wrap(head), ByteBuffer.wrap(body));
        } catch (RuntimeException writing) {
            close.run();            // an answer began at this very moment: the connection goes all the same
        }
    }
}
