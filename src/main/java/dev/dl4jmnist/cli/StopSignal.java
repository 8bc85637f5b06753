package dev.dl4jmnist.cli;

import sun.misc.Signal;

import java.util.concurrent.CountDownLatch;

/**
 * Waits for Ctrl-C (SIGINT) or SIGTERM, so a long-running command can stop cleanly and exit 0 instead of
 * being torn down by the JVM's default handlers.
 */
final class StopSignal {
    private final CountDownLatch stop = new CountDownLatch(1);

    /** Installs the handlers; from now on the signals release {@link #await()} instead of ending the process. */
    static StopSignal install() {
        StopSignal signal = new StopSignal();
        for (String name : new String[]{"INT", "TERM"}) {
            Signal.handle(new Signal(name), s -> signal.stop.countDown());
        }
        return signal;
    }

    void await() throws InterruptedException {
        stop.await();
    }
}
