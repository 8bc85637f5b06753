package dev.dl4jmnist.server;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The memory request bodies being read and held at once may take: a fifth of the heap, counted in KiB,
 * taken before a body is read (its declared length, or the size limit when it declares none) and given
 * back when its answer is sent. A body that finds no room within {@link #WAIT_MILLIS} is not read: the
 * client gets 503 with {@code Retry-After}. So many large uploads at once are queued or turned away, never
 * read until the heap runs out.
 */
final class BodyBudget {
    /** How long a request waits for room before it is turned away. */
    static final long WAIT_MILLIS = 2_000;

    private final Semaphore kib;
    private final int totalKib;

    BodyBudget(long bytes) {
        this.totalKib = (int) Math.min(Integer.MAX_VALUE, Math.max(1, bytes >> 10));
        this.kib = new Semaphore(totalKib);       // not fair: a small request takes room that is free, not a place behind large ones
    }

    /** A fifth of this process's heap. */
    static BodyBudget ofHeap() {
        return new BodyBudget(Runtime.getRuntime().maxMemory() / 5);
    }

    /** Room for {@code bytes} (at most the whole budget), or null when none came free in time. */
    Runnable take(long bytes) throws InterruptedException {
        int need = (int) Math.min(totalKib, Math.max(1, (bytes + 1023) >> 10));
        return kib.tryAcquire(need, WAIT_MILLIS, TimeUnit.MILLISECONDS) ? () -> kib.release(need) : null;
    }
}
