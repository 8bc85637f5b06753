package dev.dl4jmnist.prediction.imaging;

import dev.dl4jmnist.AppException;
import dev.dl4jmnist.MemoryBudget;

import java.util.Locale;

/**
 * The memory the pictures being decoded at once may take: two fifths of the heap, counted in KiB before each
 * decode from the size the picture declares. A picture that would take the budget over waits up to
 * {@link #WAIT_MILLIS} for others to finish, then is turned away with {@link BusyException}; one that
 * alone needs more than the whole budget is refused outright. So many large uploads at once queue or
 * are asked to retry instead of running the process out of memory.
 */
public final class DecodeBudget {
    /** How long a decode waits for room before giving up. */
    public static final long WAIT_MILLIS = 2_000;
    private static final DecodeBudget PROCESS = new DecodeBudget(Runtime.getRuntime().maxMemory() * 2 / 5);

    private final MemoryBudget budget;
    private final long waitMillis;

    DecodeBudget(long bytes) {
        this(bytes, WAIT_MILLIS);
    }

    DecodeBudget(long bytes, long waitMillis) {
        this.budget = new MemoryBudget(bytes);
        this.waitMillis = waitMillis;
    }

    /** The budget of this process. */
    public static DecodeBudget process() {
        return PROCESS;
    }

    /** Memory a decode of {@code pixels} takes: the decoded pixels at {@code bytesPerPixel}, plus the gray and working copies (8 bytes a pixel). */
    public static long bytesFor(long pixels, int bytesPerPixel) {
        return pixels * (bytesPerPixel + 8L);
    }

    /**
     * Takes {@code bytes} of the budget for one decode.
     *
     * @throws AppException  when {@code bytes} alone is more than the whole budget
     * @throws BusyException when no room came free within {@link #WAIT_MILLIS}
     */
    public MemoryBudget.Share take(long bytes) {
        if (MemoryBudget.kibFor(bytes) > budget.totalKib()) {
            throw new AppException(String.format(Locale.ROOT,
                    "image too large to decode here: it needs about %d MB, and this process allows %d MB for pictures",
                    bytes >> 20, (long) budget.totalKib() >> 10));
        }
        try {
            return budget.tryTake(bytes, waitMillis).orElseThrow(BusyException::new);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BusyException();
        }
    }

    /** Room for this many KiB is free now (for tests). */
    int freeKib() {
        return budget.freeKib();
    }

    /** Too many pictures are being decoded at once: a moment later there will be room. */
    public static final class BusyException extends dev.dl4jmnist.TryAgainException {
        BusyException() {
            super("too many pictures are being read at once; try again in a moment");
        }
    }
}
