package dev.dl4jmnist.io;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Files that describe one result together (a sweep's table, JSON and charts; a model and its run
 * summary) are written as a unit with respect to Ctrl-C / SIGTERM: the process waits for a unit in
 * progress to finish before it exits, and starts no new one once it is exiting. A crash or
 * {@code kill -9} cannot be waited for; each file is still written atomically.
 */
public final class WriteTogether {
    /** How long an exiting process waits for a unit in progress. */
    static final long MAX_WAIT_SECONDS = 60;

    /** Fair: once the exit hook waits for it, a unit that has just finished cannot take it back first. */
    private static final ReentrantLock UNIT = new ReentrantLock(true);
    private static volatile boolean exiting;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(WriteTogether::holdForExit, "finish-writes"));
    }

    private WriteTogether() {
    }

    /** Runs {@code writes} so that an exit signal arriving meanwhile takes effect only after it. */
    public static <T> T run(Supplier<T> writes) {
        UNIT.lock();
        if (exiting) {
            UNIT.unlock();
            waitForExit();                                  // the process is ending: start nothing new
        }
        try {
            return writes.get();
        } finally {
            UNIT.unlock();
        }
    }

    /** As {@link #run(Supplier)}, for writes without a result. */
    public static void run(Runnable writes) {
        run(() -> {
            writes.run();
            return null;
        });
    }

    /** Blocks a thread that wanted to start a unit while the process exits; the exit ends it. */
    private static void waitForExit() {
        while (true) {
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("the process is exiting", e);
            }
        }
    }

    /** On exit: wait for the unit in progress, then keep the lock so that no new unit starts. */
    private static void holdForExit() {
        exiting = true;
        try {
            UNIT.tryLock(MAX_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
