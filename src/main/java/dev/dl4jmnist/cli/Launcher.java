package dev.dl4jmnist.cli;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The jar's entry point. The commands that train ({@code train}, {@code experiment}, {@code bench})
 * run in a fresh JVM with a heap of {@value #HEAP} (the JVM's default, a quarter of the machine's
 * memory, lets the heap grow far beyond what training needs), {@code serve} in one with
 * {@link #SERVE_JVM}; everything else, and any run whose JVM options already set the heap, runs
 * directly in this JVM.
 */
public final class Launcher {
    /**
     * 2 GiB: with 768 MiB, JavaCPP's off-heap limit (the heap's size) was reached during the 5-epoch
     * {@code bench} and the forced clean-up crashed ND4J in native code (SIGSEGV in an inference
     * broadcast); with 2 GiB the same run completes. The default (a quarter of the RAM) is larger still.
     */
    static final String HEAP = "-Xmx2g";
    /**
     * {@code serve}'s heap and collector. Measured under load (README, serve, Load): with the default
     * heap the peak RSS reached 1.2 to 2.1 GB; with 512 MiB and the parallel collector 0.4 GB, with a
     * lower p99 and less CPU per request than G1; 32 clients sending 12-megapixel photos still fit.
     */
    static final List<String> SERVE_JVM = List.of("-Xmx512m", "-XX:+UseParallelGC");
    private static final Set<String> TRAINING_COMMANDS = Set.of("train", "experiment", "bench");
    private static final String RELAUNCHED = "dl4jmnist.relaunched";

    private Launcher() {
    }

    public static void main(String[] args) {
        List<String> jvmOptions = ManagementFactory.getRuntimeMXBean().getInputArguments();
        boolean serve = args.length > 0 && args[0].equals("serve");
        if (args.length > 0 && (TRAINING_COMMANDS.contains(args[0]) || serve) && !heapSet(jvmOptions)
                && System.getProperty(RELAUNCHED) == null) {
            System.exit(relaunch(serve ? SERVE_JVM : List.of(HEAP), jvmOptions, args));
        }
        MnistApp.main(args);
    }

    static boolean heapSet(List<String> jvmOptions) {
        return jvmOptions.stream().anyMatch(o -> o.startsWith("-Xmx") || o.startsWith("-XX:MaxHeapSize")
                || o.startsWith("-XX:MaxRAMPercentage") || o.startsWith("-XX:MaxRAM="));
    }

    /** Runs the same command in a JVM with {@code heap} (options) first, sharing this one's terminal; returns its exit code. */
    private static int relaunch(List<String> heap, List<String> jvmOptions, String[] args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(heap);
        command.addAll(jvmOptions);
        command.add("-D" + RELAUNCHED + "=true");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(MnistApp.class.getName());
        command.addAll(List.of(args));
        try {
            Process child = new ProcessBuilder(command).inheritIO().start();
            // SIGTERM to this JVM stops the command's JVM too (it finishes its work) and exits with its code
            Thread forward = new Thread(() -> {
                child.destroy();
                try {
                    Runtime.getRuntime().halt(child.waitFor());
                } catch (InterruptedException e) {
                    Runtime.getRuntime().halt(MnistApp.EXIT_FAILURE);
                }
            });
            Runtime.getRuntime().addShutdownHook(forward);
            int code = child.waitFor();
            try {
                Runtime.getRuntime().removeShutdownHook(forward);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it ends this JVM with the same code
            }
            return code;
        } catch (java.io.IOException e) {
            System.err.println("error: cannot start " + command.get(0) + ": " + e.getMessage());
            return MnistApp.EXIT_FAILURE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return MnistApp.EXIT_FAILURE;
        }
    }
}
