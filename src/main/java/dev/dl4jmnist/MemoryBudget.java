package dev.dl4jmnist;

import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Memory that work running at once draws on, counted in KiB: a taker waits a bounded time for room, and gives it
 * back by closing its share. The server's budget for request bodies and the decoder's for pictures are two of these.
 */
public final class MemoryBudget {
    private final Semaphore kib;
    private final int totalKib;

    /** A budget of {@code bytes} (rounded down to whole KiB, at least one). */
    public MemoryBudget(long bytes) {
        this.totalKib = (int) Math.min(Integer.MAX_VALUE, Math.max(1, bytes >> 10));
        this.kib = new Semaphore(totalKib);       // not fair: a small taker gets room that is free, not a place behind large ones
    }

    /** Room taken from the budget, given back on close. */
    public interface Share extends AutoCloseable {
        @Override
        void close();
    }

    /** The KiB that {@code bytes} take (rounded up, at least one). */
    public static long kibFor(long bytes) {
        return Math.max(1, (bytes + 1023) >> 10);
    }

    /** The whole budget, in KiB. */
    public int totalKib() {
        return totalKib;
    }

    /** Room free now, in KiB. */
    public int freeKib() {
        return kib.availablePermits();
    }

    /**
     * Takes room for {@code bytes}, waiting up to {@code waitMillis} for it; empty when none came free in time.
     *
     * @throws IllegalArgumentException when {@code bytes} is more than the whole budget (it could never be had)
     */
    public Optional<Share> tryTake(long bytes, long waitMillis) throws InterruptedException {
        long need = kibFor(bytes);
        if (need > totalKib) {
            throw new IllegalArgumentException("needs " + need + " KiB of a budget of " + totalKib);
        }
        int permits = (int) need;
        if (!kib.tryAcquire(permits, waitMillis, TimeUnit.MILLISECONDS)) {
            return Optional.empty();
        }
        return Optional.of(() -> kib.release(permits));
    }
}
