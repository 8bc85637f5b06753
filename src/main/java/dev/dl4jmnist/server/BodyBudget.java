package dev.dl4jmnist.server;

import dev.dl4jmnist.MemoryBudget;

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

    private final MemoryBudget budget;

    BodyBudget(long bytes) {
        this.budget = new MemoryBudget(bytes);
    }

    /** A fifth of this process's heap. */
    static BodyBudget ofHeap() {
        return new BodyBudget(Runtime.getRuntime().maxMemory() / 5);
    }

    /** Room for {@code bytes} (at most the whole budget), or null when none came free in time. */
    Runnable take(long bytes) throws InterruptedException {
        long most = (long) budget.totalKib() << 10;
        return budget.tryTake(Math.min(most, bytes), WAIT_MILLIS).<Runnable>map(share -> share::close).orElse(null);
    }
}
