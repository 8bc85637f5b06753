package dev.dl4jmnist.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The process's peak resident memory (heap, ND4J's off-heap buffers and native code together). */
public final class ProcessMemory {
    private ProcessMemory() {
    }

    /** Peak resident set size in bytes from /proc/self/status (VmHWM); -1 where the OS does not tell. */
    public static long peakRssBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
