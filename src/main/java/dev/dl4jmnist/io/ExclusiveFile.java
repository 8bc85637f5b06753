package dev.dl4jmnist.io;

import dev.dl4jmnist.AppException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Claims a file for one run at a time: a lock file {@code .NAME.lock} beside it, locked through the
 * operating system. A second run that wants the same file is refused with one line naming the process
 * that holds it; a lock file left by a killed process holds no lock (the system releases it with the
 * process) and is simply taken over.
 */
public final class ExclusiveFile implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private ExclusiveFile(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock file that guards {@code target}. */
    public static Path lockFileFor(Path target) {
        return target.toAbsolutePath().resolveSibling("." + target.getFileName() + ".lock");
    }

    /**
     * Claims {@code target} (and the files written with it) for this process until {@link #close()}.
     *
     * @param what how the refusal names the target's writer, e.g. "another train run"
     */
    public static ExclusiveFile claim(Path target, String what) {
        Path lockFile = lockFileFor(target);
        FileChannel channel = null;
        try {
            Files.createDirectories(lockFile.getParent());
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;                                   // held by this same process
            }
            if (lock == null) {
                String holder = holder(lockFile);
                channel.close();
                throw new AppException(target + " is being written by " + what
                        + (holder.isEmpty() ? "" : " (process " + holder + ")")
                        + "; wait for it to finish or choose another file");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.US_ASCII)));
            channel.force(false);
            return new ExclusiveFile(channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new AppException("cannot lock " + target + ": " + AtomicFiles.describe(e), e);
        }
    }

    private static String holder(Path lockFile) {
        try {
            return Files.readString(lockFile, StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * Releases the claim. The (hidden, empty) lock file stays: deleting it would let two later runs lock
     * two different files of the same name.
     */
    @Override
    public void close() {
        try {
            channel.truncate(0);
            lock.release();
        } catch (IOException ignored) {
            // the system releases the lock with the channel in any case
        } finally {
            closeQuietly(channel);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing left to release
            }
        }
    }
}
