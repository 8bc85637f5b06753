package dev.dl4jmnist.performance;

import dev.dl4jmnist.AppException;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Fresh processes for the benchmark: this application started anew with its own class path (as a
 * user starts it), and any command timed whole — wall clock, CPU (user + system) and peak RSS as the
 * kernel accounts them for the child, read through Python's {@code getrusage}.
 */
public final class ChildProcesses {
    /** Runs argv[2:], output to the file argv[1]; prints exit code, wall s, CPU s, peak RSS KiB. */
    private static final String RUSAGE = String.join("\n",
            "import resource, subprocess, sys, time",
            "t = time.monotonic()",
            "with open(sys.argv[1], 'wb') as log:",
            "    code = subprocess.run(sys.argv[2:], stdout=log, stderr=subprocess.STDOUT).returncode",
            "wall = time.monotonic() - t",
            "u = resource.getrusage(resource.RUSAGE_CHILDREN)",
            "print(code, wall, u.ru_utime + u.ru_stime, u.ru_maxrss)");

    private ChildProcesses() {
    }

    /** {@code java -cp <this application's class path> <mainClass> args…} with the running JVM's java. */
    public static List<String> application(String mainClass, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(classPath());
        command.add(mainClass);
        command.addAll(Arrays.asList(args));
        return command;
    }

    /** The class path this application was loaded from (a class loader's URLs under Maven's exec:java). */
    private static String classPath() {
        if (ChildProcesses.class.getClassLoader() instanceof URLClassLoader loader && loader.getURLs().length > 0) {
            List<String> entries = new ArrayList<>();
            for (URL url : loader.getURLs()) {
                try {
                    entries.add(Path.of(url.toURI()).toString());
                } catch (URISyntaxException | IllegalArgumentException e) {
                    entries.add(url.getPath());
                }
            }
            return String.join(File.pathSeparator, entries);
        }
        return System.getProperty("java.class.path");
    }

    /** Wall-clock seconds of {@code command}, its output to {@code log}; an error if it fails. */
    public static double wallSeconds(List<String> command, Path log) {
        long t0 = System.nanoTime();
        int code = run(new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()));
        double seconds = (System.nanoTime() - t0) / 1e9;
        requireSuccess(code, command, log);
        return seconds;
    }

    /** {@code command} timed whole by the kernel's accounting; its output to {@code log}. */
    public static ProcessRun measured(String program, int round, String python, List<String> command, Path log) {
        List<String> wrapped = new ArrayList<>(List.of(python, "-c", RUSAGE, log.toString()));
        wrapped.addAll(command);
        Path report = log.resolveSibling(log.getFileName() + ".rusage");
        int code = run(new ProcessBuilder(wrapped).redirectErrorStream(true).redirectOutput(report.toFile()));
        String[] fields;
        try {
            fields = Files.readString(report).trim().split("\\s+");
        } catch (IOException e) {
            throw new AppException("cannot read " + report + ": " + e.getMessage(), e);
        }
        if (code != 0 || fields.length != 4) {
            throw new AppException("cannot time " + program + " with " + python + " (exit code " + code + "); see " + report);
        }
        requireSuccess(Integer.parseInt(fields[0]), command, log);
        return new ProcessRun(program, round, Double.parseDouble(fields[1]), Double.parseDouble(fields[2]),
                Long.parseLong(fields[3]) / 1024.0);
    }

    private static int run(ProcessBuilder builder) {
        try {
            return builder.start().waitFor();
        } catch (IOException e) {
            throw new AppException("cannot start " + builder.command().get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AppException("interrupted while waiting for " + builder.command().get(0), e);
        }
    }

    private static void requireSuccess(int code, List<String> command, Path log) {
        if (code != 0) {
            String name = command.size() > 4 ? command.get(3) + " " + command.get(4) : command.get(0);
            throw new AppException(name + " failed with exit code " + code + "; its output is in " + log);
        }
    }
}
