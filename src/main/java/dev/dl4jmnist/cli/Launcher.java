package dev.dl4jmnist.cli;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The jar's entry point. The commands that train ({@code train}, {@code experiment}, {@code bench})
 * run in a fresh JVM with a heap of {@value #HEAP} (the JVM's default, a quarter of the machine's
 * memory, lets the heap grow far beyond what training needs); everything else, and any run whose
 * JVM options already set the heap, runs directly in this JVM.
 */
public final class Launcher {
    /**
     * 2 GiB: with 768 MiB, JavaCPP's off-heap limit (the heap's size) was reached during the 5-epoch
     * {@code bench} and the forced clean-up crashed ND4J in native code (SIGSEGV in an inference
     * broadcast); with 2 GiB the same run completes. The default (a quarter of the RAM) is larger still.
     */
    static final String HEAP = "-Xmx2g";
    private static final Set<String> TRAINING_COMMANDS = Set.of("train", "experiment", "bench");
    private static final String RELAUNCHED = "dl4jmnist.relaunched";

    private Launcher() {
    }

    public static void main(String[] args) {
        List<String> jvmOptions = ManagementFactory.getRuntimeMXBean().getInputArguments();
        if (args.length > 0 && TRAINING_COMMANDS.contains(args[0]) && !heapSet(jvmOptions)
                && System.getProperty(RELAUNCHED) == null) {
            System.exit(relaunch(jvmOptions, args));
        }
        MnistApp.main(args);
    }

    static boolean heapSet(List<String> jvmOptions) {
        return jvmOptions.stream().anyMatch(o -> o.startsWith("-Xmx") || o.startsWith("-XX:MaxHeapSize")
                || o.startsWith("-XX:MaxRAMPercentage") || o.startsWith("-XX:MaxRAM="));
    }

    /** Runs the same command in a JVM with the training heap, sharing this one's terminal; returns its exit code. */
    private static int relaunch(List<String> jvmOptions, String[] args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add(HEAP);
        command.addAll(jvmOptions);
        command.add("-D" + RELAUNCHED + "=true");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(MnistApp.class.getName());
        command.addAll(List.of(args));
        try {
            return new ProcessBuilder(command).inheritIO().start().waitFor();
        } catch (java.io.IOException e) {
            System.err.println("error: cannot start " + command.get(0) + ": " + e.getMessage());
            return MnistApp.EXIT_FAILURE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return MnistApp.EXIT_FAILURE;
        }
    }
}
