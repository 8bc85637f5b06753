package dev.dl4jmnist.benchmark;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.nd4j.linalg.api.environment.Nd4jEnvironment;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOps;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * The settings in force while the benchmark ran: threads, BLAS, the ND4J native build and the CPU
 * features it found, the network's workspace modes, and the JVM's heap limit.
 */
public record RuntimeSettings(int cores, int ndThreads, long blasThreads, String blasVendor, String backend,
                              String nativeBuild, String cpuLevel, String workspaceMode, String jvm,
                              long maxHeapMiB) {

    /** Reads the settings from ND4J, the network configuration and the JVM. */
    public static RuntimeSettings current(MultiLayerConfiguration network) {
        Nd4jEnvironment env = Nd4jEnvironment.getEnvironment();
        NativeOps ops = NativeOpsHolder.getInstance().getDeviceNativeOps();
        return new RuntimeSettings(Runtime.getRuntime().availableProcessors(), ops.ompGetMaxThreads(),
                env.getBlasThreads(), env.getBlasVendor(), Nd4j.getBackend().getClass().getSimpleName(),
                levelName(ops.binaryLevel()), levelName(ops.optimalLevel()),
                "training " + network.getTrainingWorkspaceMode() + ", inference " + network.getInferenceWorkspaceMode(),
                System.getProperty("java.vm.name") + " " + Runtime.version(),
                Runtime.getRuntime().maxMemory() >> 20);
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
