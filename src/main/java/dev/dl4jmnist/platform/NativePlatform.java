package dev.dl4jmnist.platform;

import org.bytedeco.javacpp.Loader;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

import java.util.Set;

/**
 * Sets up ND4J's native code once per process, before its first use: picks the build of libnd4j to
 * load ({@link NativeBuild}: the fastest on the class path that the CPU runs; the jar holds one) and
 * the number of threads for ND4J's kernels and for BLAS. System properties override
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
        if (System.getProperty(EXTENSION_PROPERTY) == null) {
            // Always set: unset, JavaCPP would try the AVX-512 build first whatever the CPU, and ND4J
            // exits on a CPU without it. An empty extension means the generic build.
            System.setProperty(EXTENSION_PROPERTY, packagedBuildFor(System.getProperty("dl4jmnist.nativeBuild")).extension());
        }
        configured = true;
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

    /**
     * The native build to load: {@code requested} ({@code dl4jmnist.nativeBuild}) or the fastest on the
     * class path that this CPU runs. Throws {@link NativeBuild.UnsupportedBuildException} before anything
     * is loaded when the CPU cannot run the build this application holds.
     */
    static NativeBuild packagedBuildFor(String requested) {
        ClassLoader loader = NativePlatform.class.getClassLoader();
        Set<NativeBuild> packaged = NativeBuild.packaged(Loader.getPlatform(), name -> loader.getResource(name) != null);
        return NativeBuild.choose(requested, packaged, NativeBuild.cpuFlags());
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
}
