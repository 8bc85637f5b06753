package dev.dl4jmnist.server;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * How many predictions compute at once: one per core. Jetty runs every request on its own thread; unbounded, 32
 * clients on 2 cores shared the CPU 32 ways and some requests waited far longer than others (p50 28 ms, p99
 * 277 ms). The rest wait here in arrival order (a fair semaphore), so a request's latency is about the queue ahead
 * of it times one prediction's time.
 */
final class ComputeQueue {
    static final int COMPUTING_AT_ONCE = Runtime.getRuntime().availableProcessors();
    private final Semaphore computing = new Semaphore(COMPUTING_AT_ONCE, true);

    <T> T run(Supplier<T> work) {
        computing.acquireUninterruptibly();
        try {
            return work.get();
        } finally {
            computing.release();
        }
    }
}
