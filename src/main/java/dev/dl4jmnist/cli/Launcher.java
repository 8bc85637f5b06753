package dev.dl4jmnist.cli;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The jar's entry point. The commands that train ({@code train}, {@code experiment}, {@code bench})
 * run in a fresh JVM sized for a small resident memory ({@link #TRAINING_JVM}, with glibc's settings
 * {@link #MALLOC_ENVIRONMENT}; the JVM's default heap, a quarter of the machine's memory, lets the
 * process grow far beyond what training needs), {@code serve} in one with {@link #SERVE_JVM};
 * everything else, and any run whose JVM options already set the heap, runs directly in this JVM.
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
    static final List<String> TRAINING_JVM = List.of("-Xmx512m", "-Xmn16m",
            "-XX:-G1UseAdaptiveIHOP", "-XX:InitiatingHeapOccupancyPercent=25");
    /**
     * glibc's allocator in the training JVM: two arenas instead of eight per core. Values already in the
     * environment win. (A fixed mapping threshold, {@code MALLOC_MMAP_THRESHOLD_=131072}, kept the MLP's
     * peak 60–100 MiB lower, but made the convolutional network's steps half again as long, 60 against
     * 40 ms; with the MLP's lean layers its time made no difference. One setting for every network,
     * whatever a command line or a sweep file trains.)
     */
    static final Map<String, String> MALLOC_ENVIRONMENT = Map.of("MALLOC_ARENA_MAX", "2");
    /**
     * {@code serve}'s heap and collector. Measured under load (docs/serve.md, Load): with the default
     * heap the peak RSS reached 1.2 to 2.1 GB; with 512 MiB and the parallel collector 0.4 GB, with a
     * lower p99 and less CPU per request than G1; 32 clients sending 12-megapixel photos still fit.
     * Should memory still run out, the process exits at once (one line from the JVM, a non-zero code)
     * for its supervisor to restart it, rather than serve on with a decoder or a selector thread that
     * died half-initialised.
     */
    static final List<String> SERVE_JVM = List.of("-Xmx512m", "-XX:+UseParallelGC", "-XX:+ExitOnOutOfMemoryError");
    private static final Set<String> TRAINING_COMMANDS = Set.of("train", "experiment", "bench");
    private static final String RELAUNCHED = "dl4jmnist.relaunched";

    private Launcher() {
    }

    public static void main(String[] args) {
        List<String> jvmOptions = ManagementFactory.getRuntimeMXBean().getInputArguments();
        boolean serve = args.length > 0 && args[0].equals("serve");
        if (args.length > 0 && (TRAINING_COMMANDS.contains(args[0]) || serve) && !heapSet(jvmOptions)
                && System.getProperty(RELAUNCHED) == null) {
            System.exit(serve ? relaunch(SERVE_JVM, Map.of(), jvmOptions, args)
                    : relaunch(TRAINING_JVM, MALLOC_ENVIRONMENT, jvmOptions, args));
        }
        MnistApp.main(args);
    }

    static boolean heapSet(List<String> jvmOptions) {
        return jvmOptions.stream().anyMatch(o -> o.startsWith("-Xmx") || o.startsWith("-XX:MaxHeapSize")
                || o.startsWith("-XX:MaxRAMPercentage") || o.startsWith("-XX:MaxRAM="));
    }

    /** Adds {@code defaults} to the child's {@code environment} where it does not set them already. */
    static void withDefaults(Map<String, String> environment, Map<String, String> defaults) {
        defaults.forEach(environment::putIfAbsent);
    }

    /** The child's command line: {@code ours} first, so that the user's own JVM options, after them, win. */
    static List<String> childCommand(List<String> ours, List<String> jvmOptions, String[] args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ours);
        command.addAll(jvmOptions);
        command.add("-D" + RELAUNCHED + "=true");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(MnistApp.class.getName());
        command.addAll(List.of(args));
        return command;
    }

    /**
     * Runs the same command in a JVM with {@code ours} (options) first and {@code environment}'s
     * defaults, sharing this one's terminal; returns its exit code.
     */
    private static int relaunch(List<String> ours, Map<String, String> environment, List<String> jvmOptions, String[] args) {
        List<String> command = childCommand(ours, jvmOptions, args);
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        withDefaults(builder.environment(), environment);
        try {
            Process child = builder.start();
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
