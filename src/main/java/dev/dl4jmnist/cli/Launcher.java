package dev.dl4jmnist.cli;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The jar's entry point. The commands that train ({@code train}, {@code experiment}, {@code bench})
 * run in a fresh JVM sized for a small resident memory (the JVM's default heap, a quarter of the
 * machine's memory, lets the process grow far beyond what training needs); everything else, and any
 * run whose JVM options already set the heap, runs directly in this JVM.
 */
public final class Launcher {
    /**
     * A 512 MiB heap with a 16 MiB young generation, and old-generation collections (G1's marking)
     * from a fixed 25% of the heap. ND4J frees an array's native memory only after a garbage
     * collection finds the array unreachable, so how often the young and the old generation are
     * collected sets how much native garbage waits: with the JVM's own sizing a young collection came
     * about once an epoch, and with G1's adaptive threshold the old generation, where arrays alive at
     * a collection end up, grew to the heap's limit before it was collected. The live heap is about
     * 200 MiB. (JavaCPP's off-heap limit no longer follows the heap: see {@code platform.NativePlatform}.)
     * Options the user gives come later on the command line and win.
     */
    static final List<String> JVM_OPTIONS = List.of("-Xmx512m", "-Xmn16m",
            "-XX:-G1UseAdaptiveIHOP", "-XX:InitiatingHeapOccupancyPercent=25");
    /**
     * glibc's allocator for libnd4j's many buffers: blocks of 128 KiB and more always mapped apart (so
     * freeing one returns it to the system; by default the threshold rises with the largest block freed
     * and later ones stay in the heap, which only grows), and two arenas instead of eight per core.
     * Values already in the environment win.
     */
    static final Map<String, String> MALLOC_ENVIRONMENT = Map.of(
            "MALLOC_MMAP_THRESHOLD_", "131072",
            "MALLOC_ARENA_MAX", "2");
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

    /** Adds glibc's settings for the child where {@code environment} does not set them already. */
    static void withMallocDefaults(Map<String, String> environment) {
        MALLOC_ENVIRONMENT.forEach(environment::putIfAbsent);
    }

    /** The child's command line: our memory options first, so that the user's own JVM options, after them, win. */
    static List<String> childCommand(List<String> jvmOptions, String[] args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_OPTIONS);
        command.addAll(jvmOptions);
        command.add("-D" + RELAUNCHED + "=true");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(MnistApp.class.getName());
        command.addAll(List.of(args));
        return command;
    }

    /** Runs the same command in a JVM with the training heap, sharing this one's terminal; returns its exit code. */
    private static int relaunch(List<String> jvmOptions, String[] args) {
        List<String> command = childCommand(jvmOptions, args);
        ProcessBuilder child = new ProcessBuilder(command).inheritIO();
        withMallocDefaults(child.environment());
        try {
            return child.start().waitFor();
        } catch (java.io.IOException e) {
            System.err.println("error: cannot start " + command.get(0) + ": " + e.getMessage());
            return MnistApp.EXIT_FAILURE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return MnistApp.EXIT_FAILURE;
        }
    }
}
