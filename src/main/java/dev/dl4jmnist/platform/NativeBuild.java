package dev.dl4jmnist.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The builds of ND4J's native library (libnd4jcpu) and the one rule for which of them a CPU runs: the
 * AVX-512 and AVX2 builds (each with oneDNN inside) need those instruction sets, the generic build
 * runs on any x86-64. The build picks one for the jar with {@link #main}; at start the application
 * picks one of those on its class path with {@link #choose}.
 */
public enum NativeBuild {
    AVX512("avx512", "-onednn-avx512", Set.of("avx512f", "avx512bw", "avx512dq", "avx512vl")),
    AVX2("avx2", "-onednn-avx2", Set.of("avx2")),
    GENERIC("generic", "", Set.of());

    /** Where each build keeps its libraries inside its jar, before the platform and extension. */
    private static final String BINDINGS = "org/nd4j/linalg/cpu/nativecpu/bindings/";

    private final String id;
    private final String extension;
    private final Set<String> requiredFlags;

    NativeBuild(String id, String extension, Set<String> requiredFlags) {
        this.id = id;
        this.extension = extension;
        this.requiredFlags = requiredFlags;
    }

    /** The name users give: {@code avx512}, {@code avx2} or {@code generic}. */
    public String id() {
        return id;
    }

    /** JavaCPP's library-name extension ({@code org.bytedeco.javacpp.platform.extension}); empty for the generic build. */
    public String extension() {
        return extension;
    }

    /** The Maven classifier of this build's {@code nd4j-native} jar on {@code platform}, e.g. {@code linux-x86_64-onednn-avx2}. */
    public String classifier(String platform) {
        return platform + extension;
    }

    /** True when a CPU with these feature flags runs this build. */
    public boolean runsOn(Set<String> cpuFlags) {
        return cpuFlags.containsAll(requiredFlags);
    }

    /** The flags this build needs that {@code cpuFlags} lacks, sorted. */
    public Set<String> missingFlags(Set<String> cpuFlags) {
        Set<String> missing = new TreeSet<>(requiredFlags);
        missing.removeAll(cpuFlags);
        return missing;
    }

    /** The fastest build a CPU with {@code cpuFlags} runs. */
    public static NativeBuild bestFor(Set<String> cpuFlags) {
        return Arrays.stream(values()).filter(b -> b.runsOn(cpuFlags)).findFirst().orElse(GENERIC);
    }

    /** The build named {@code name} (any case, surrounding blanks ignored). */
    public static NativeBuild named(String name, String what) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(b -> b.id.equals(wanted)).findFirst().orElseThrow(() ->
                new IllegalArgumentException(what + " must be avx512, avx2 or generic, got '" + name + "'"));
    }

    /** The builds whose libraries {@code hasResource} finds for {@code platform} (a class-path lookup in the application). */
    public static Set<NativeBuild> packaged(String platform, Predicate<String> hasResource) {
        String library = System.mapLibraryName("jnind4jcpu");
        Set<NativeBuild> found = EnumSet.noneOf(NativeBuild.class);
        for (NativeBuild build : values()) {
            if (hasResource.test(BINDINGS + build.classifier(platform) + "/" + library)) {
                found.add(build);
            }
        }
        return found;
    }

    /**
     * The build to load: {@code requested} when given, else the fastest of the {@code packaged} ones that
     * the CPU runs. Throws {@link UnsupportedBuildException}, whose message says what to do, when that
     * build is not packaged or the CPU cannot run it: loading it would end the process (ND4J exits, or
     * the CPU stops at the first instruction it lacks).
     */
    public static NativeBuild choose(String requested, Set<NativeBuild> packaged, Set<String> cpuFlags) {
        if (packaged.isEmpty()) {
            return GENERIC;   // not ours to judge: JavaCPP reports what it cannot find
        }
        NativeBuild choice = requested != null && !requested.isBlank()
                ? named(requested, "dl4jmnist.nativeBuild")
                : packaged.stream().filter(b -> b.runsOn(cpuFlags)).findFirst().orElse(null);
        if (choice == null) {
            NativeBuild only = packaged.iterator().next();
            throw new UnsupportedBuildException("this application was built with ND4J's native library for "
                    + only.describe() + ", which this CPU cannot run (it lacks " + String.join(", ", only.missingFlags(cpuFlags))
                    + "); build it on this machine with 'mvn package', or for it with 'mvn package -Dnd4j.build="
                    + bestFor(cpuFlags).id + "'");
        }
        if (!packaged.contains(choice)) {
            throw new UnsupportedBuildException("dl4jmnist.nativeBuild=" + choice.id + " asks for ND4J's native library for "
                    + choice.describe() + ", but this application holds only " + describe(packaged)
                    + "; build it with 'mvn package -Dnd4j.build=" + choice.id + "'");
        }
        if (!choice.runsOn(cpuFlags)) {
            throw new UnsupportedBuildException("dl4jmnist.nativeBuild=" + choice.id + " asks for ND4J's native library for "
                    + choice.describe() + ", which this CPU cannot run (it lacks " + String.join(", ", choice.missingFlags(cpuFlags)) + ")");
        }
        return choice;
    }

    private String describe() {
        return switch (this) {
            case AVX512 -> "AVX-512 (" + id + ")";
            case AVX2 -> "AVX2 (" + id + ")";
            case GENERIC -> "any x86-64 (" + id + ")";
        };
    }

    private static String describe(Set<NativeBuild> builds) {
        return String.join(" and ", builds.stream().map(NativeBuild::describe).toList());
    }

    /** The CPU's feature flags from /proc/cpuinfo; empty where the system does not tell (then only the generic build). */
    public static Set<String> cpuFlags() {
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

    /** The properties the build reads to put one native build in the jar; see {@link #main}. */
    static List<String> buildProperties(NativeBuild choice, String platform) {
        List<String> lines = new java.util.ArrayList<>();
        lines.add("nd4j.build.chosen=" + choice.id);
        int n = 0;
        for (NativeBuild other : values()) {
            if (other != choice) {
                lines.add("nd4j.build.excluded." + ++n + "=org.nd4j:nd4j-native:jar:" + other.classifier(platform));
            }
        }
        return lines;
    }

    /**
     * Run by the build before the jar is made: {@code args} are the requested build ({@code auto} for
     * this machine's best), the JavaCPP platform and a properties file to write, naming the chosen build
     * and the {@code nd4j-native} jars to leave out of the application's jar.
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: NativeBuild auto|avx512|avx2|generic PLATFORM OUTPUT.properties");
        }
        NativeBuild choice = args[0].trim().equalsIgnoreCase("auto") ? bestFor(cpuFlags()) : named(args[0], "nd4j.build");
        Path out = Path.of(args[2]);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.write(out, buildProperties(choice, args[1]), StandardCharsets.UTF_8);
        System.out.println("ND4J native build for the jar: " + choice.describe() + " on " + args[1]);
    }

    /** The native build this process would need cannot run here; the message says what to do. */
    public static final class UnsupportedBuildException extends dev.dl4jmnist.AppException {
        UnsupportedBuildException(String message) {
            super(message);
        }
    }
}
