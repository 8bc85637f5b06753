package dev.dl4jmnist.performance;

import org.bytedeco.javacpp.Pointer;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.nd4j.linalg.api.environment.Nd4jEnvironment;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOps;
import org.nd4j.nativeblas.NativeOpsHolder;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The settings in force while the benchmark ran: threads, BLAS, the ND4J native build and the CPU
 * features it found, the network's workspace modes, the JVM's heap limit and memory options, JavaCPP's
 * off-heap limit and glibc's allocator settings from the environment.
 */
public record RuntimeSettings(int cores, int ndThreads, long blasThreads, String blasVendor, String backend,
                              String nativeBuild, String cpuLevel, String workspaceMode, String jvm,
                              long maxHeapMiB, String jvmMemoryOptions, long offHeapLimitMiB, String mallocSettings) {
    /** glibc allocator variables worth reporting (others are left out). */
    private static final List<String> MALLOC_VARIABLES = List.of("MALLOC_ARENA_MAX", "MALLOC_MMAP_THRESHOLD_",
            "MALLOC_TRIM_THRESHOLD_", "MALLOC_TOP_PAD_", "GLIBC_TUNABLES");


    /** Reads the settings from ND4J, the network configuration and the JVM. */
    public static RuntimeSettings current(MultiLayerConfiguration network) {
        Nd4jEnvironment env = Nd4jEnvironment.getEnvironment();
        NativeOps ops = NativeOpsHolder.getInstance().getDeviceNativeOps();
        return new RuntimeSettings(Runtime.getRuntime().availableProcessors(), ops.ompGetMaxThreads(),
                env.getBlasThreads(), env.getBlasVendor(), Nd4j.getBackend().getClass().getSimpleName(),
                levelName(ops.binaryLevel()), levelName(ops.optimalLevel()),
                "training " + network.getTrainingWorkspaceMode() + ", inference " + network.getInferenceWorkspaceMode(),
                System.getProperty("java.vm.name") + " " + Runtime.version(),
                Runtime.getRuntime().maxMemory() >> 20, readJvmMemoryOptions(), Pointer.maxBytes() >> 20, readMallocSettings());
    }

    /** The JVM options that size its memory (heap, young generation, collector), space-separated; "defaults" if none. */
    static String readJvmMemoryOptions() {
        String options = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(o -> o.startsWith("-Xm") || o.startsWith("-XX:+Use") && o.endsWith("GC")
                        || o.startsWith("-XX:MaxHeap") || o.startsWith("-XX:MaxRAM") || o.startsWith("-XX:NewSize")
                        || o.startsWith("-XX:MaxNewSize") || o.contains("IHOP") || o.startsWith("-XX:InitiatingHeapOccupancy"))
                .collect(Collectors.joining(" "));
        return options.isEmpty() ? "defaults" : options;
    }

    /** glibc allocator settings in this process's environment, space-separated; "glibc defaults" if none. */
    static String readMallocSettings() {
        String set = MALLOC_VARIABLES.stream().filter(v -> System.getenv(v) != null)
                .map(v -> v + "=" + System.getenv(v)).collect(Collectors.joining(" "));
        return set.isEmpty() ? "glibc defaults" : set;
    }

    /** libnd4j's instruction-set levels, as ND4J names them in its start-up message. */
    static String levelName(int level) {
        return switch (level) {
            case 2 -> "AVX2";
            case 3 -> "AVX-512";
            default -> "generic x86-64";
        };
    }
}
