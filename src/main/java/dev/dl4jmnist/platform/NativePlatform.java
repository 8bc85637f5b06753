package dev.dl4jmnist.platform;

import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * Sets up ND4J's native code once per process, before its first use: picks the fastest native build
 * of libnd4j the CPU can run (AVX-512, AVX2, or the generic one when neither is packaged or
 * supported) and the number of threads for ND4J's kernels and for BLAS. System properties override
 * the choices: {@code dl4jmnist.nativeBuild} ({@code avx512}, {@code avx2} or {@code generic}),
 * {@code dl4jmnist.threads} (ND4J's and, unless set apart, BLAS's) and {@code dl4jmnist.blasThreads}.
 */
public final class NativePlatform {
    static final String EXTENSION_PROPERTY = "org.bytedeco.javacpp.platform.extension";
    static final String PHYSICAL_BYTES_PROPERTY = "org.bytedeco.javacpp.maxPhysicalBytes";
    static final String MAX_BYTES_PROPERTY = "org.bytedeco.javacpp.maxBytes";
    /**
     * JavaCPP's off-heap limit is the heap's size unless set. Once its count of native bytes reaches
     * the limit it forces a garbage collection; with a 768 MiB heap that happened in a 5-epoch
     * {@code bench} and ND4J crashed in native code during the clean-up (SIGSEGV in an inference
     * broadcast), with 2 GiB it never did. So the limit is at least 2 GiB whatever the heap.
     */
    static final long MIN_OFF_HEAP_LIMIT = 2L << 30;
    private static boolean configured;

    private NativePlatform() {
    }

    /** Idempotent; call before anything touches ND4J (later calls still set the thread counts). */
    public static synchronized void configure() {
        if (configured) {
            return;
        }
        configured = true;
        if (System.getProperty(EXTENSION_PROPERTY) == null) {
            // Always set: unset, JavaCPP would try the AVX-512 build first whatever the CPU, and ND4J
            // exits on a CPU without it. An empty extension means the generic build.
            System.setProperty(EXTENSION_PROPERTY, extensionFor(System.getProperty("dl4jmnist.nativeBuild"), cpuFlags()));
        }
        if (System.getProperty(PHYSICAL_BYTES_PROPERTY) == null) {
            // JavaCPP otherwise reads the process's resident size on many allocations (to keep it under
            // twice the heap), which showed in profiles. Its other limit stays: off-heap bytes up to the
            // heap's size, then a garbage collection frees the buffers of unreachable arrays.
            System.setProperty(PHYSICAL_BYTES_PROPERTY, "0");
        }
        if (System.getProperty(MAX_BYTES_PROPERTY) == null && System.getProperty("org.bytedeco.javacpp.maxbytes") == null) {
            System.setProperty(MAX_BYTES_PROPERTY, Long.toString(offHeapLimit(Runtime.getRuntime().maxMemory())));
        }
        int threads = threads();
        Nd4j.getEnvironment().setMaxMasterThreads(threads);   // libnd4j's own pool (its maximum is fixed at start)
        NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(threads);
        Nd4j.factory().blas().setMaxThreads(count("dl4jmnist.blasThreads", threads));
    }

    /** JavaCPP's off-heap limit for a heap of {@code maxHeapBytes}: the heap's size (its default), at least {@link #MIN_OFF_HEAP_LIMIT}. */
    static long offHeapLimit(long maxHeapBytes) {
        return Math.max(MIN_OFF_HEAP_LIMIT, maxHeapBytes);
    }

    /**
     * ND4J's (and by default BLAS's) threads: {@code dl4jmnist.threads}, else half the cores, at least
     * one. Measured on 2 cores: one thread trains about as fast as two and uses a third less CPU (the
     * second one mostly waits, spinning, between the many small operations of a 128-image step);
     * the other half of a larger machine's cores is left to the JVM and whatever else runs there.
     */
    public static int threads() {
        return count("dl4jmnist.threads", Math.max(1, Runtime.getRuntime().availableProcessors() / 2));
    }

    /** A positive count from system property {@code name}, else {@code fallback}. */
    static int count(String name, int fallback) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new IllegalArgumentException(name + " must be a positive number, got '" + value + "'");
    }

    /**
     * JavaCPP's library-name extension for {@code requested} ({@code avx512}, {@code avx2},
     * {@code generic}, or null for the best the CPU supports). JavaCPP falls back to the generic
     * library when the extended one is not on the class path.
     */
    static String extensionFor(String requested, Set<String> flags) {
        String choice = requested != null ? requested.trim().toLowerCase(java.util.Locale.ROOT)
                : flags.containsAll(Set.of("avx512f", "avx512bw", "avx512dq", "avx512vl")) ? "avx512"
                : flags.contains("avx2") ? "avx2" : "generic";
        return switch (choice) {
            case "avx512" -> "-onednn-avx512";
            case "avx2" -> "-onednn-avx2";
            case "generic" -> "";
            default -> throw new IllegalArgumentException("dl4jmnist.nativeBuild must be avx512, avx2 or generic, got '" + requested + "'");
        };
    }

    /** The CPU's feature flags from /proc/cpuinfo; empty where the OS does not tell (then the generic build). */
    static Set<String> cpuFlags() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("flags")) {
                    return new HashSet<>(Arrays.asList(line.substring(line.indexOf(':') + 1).trim().split("\\s+")));
                }
            }
        } catch (IOException | RuntimeException e) {
            return Set.of();
        }
        return Set.of();
    }
}
