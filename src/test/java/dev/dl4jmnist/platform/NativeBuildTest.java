package dev.dl4jmnist.platform;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Set;

import static dev.dl4jmnist.platform.NativeBuild.AVX2;
import static dev.dl4jmnist.platform.NativeBuild.AVX512;
import static dev.dl4jmnist.platform.NativeBuild.GENERIC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which native build a CPU runs, which one the application loads from those it holds, and what it says when none fits. */
class NativeBuildTest {
    private static final Set<String> AVX512_CPU = Set.of("sse2", "avx", "avx2", "fma", "avx512f", "avx512bw", "avx512dq", "avx512vl");
    private static final Set<String> AVX2_CPU = Set.of("sse2", "avx", "avx2", "fma", "avx512f");
    private static final Set<String> OLD_CPU = Set.of("sse2", "avx");
    private static final Set<NativeBuild> ALL = EnumSet.allOf(NativeBuild.class);

    @Test
    void bestBuildTheCpuRuns() {
        assertThat(NativeBuild.bestFor(AVX512_CPU)).isEqualTo(AVX512);
        assertThat(NativeBuild.bestFor(AVX2_CPU)).isEqualTo(AVX2);   // avx512f alone is not enough
        assertThat(NativeBuild.bestFor(OLD_CPU)).isEqualTo(GENERIC);
        assertThat(NativeBuild.bestFor(Set.of())).isEqualTo(GENERIC);
    }

    @Test
    void extensionsAndClassifiersAreJavaCppsAndMavens() {
        assertThat(AVX512.extension()).isEqualTo("-onednn-avx512");
        assertThat(AVX2.classifier("linux-x86_64")).isEqualTo("linux-x86_64-onednn-avx2");
        assertThat(GENERIC.classifier("linux-x86_64")).isEqualTo("linux-x86_64");
    }

    @Test
    void withEveryBuildOnTheClassPathTheFastestTheCpuRunsIsLoaded() {
        assertThat(NativeBuild.choose(null, ALL, AVX512_CPU)).isEqualTo(AVX512);
        assertThat(NativeBuild.choose(null, ALL, AVX2_CPU)).isEqualTo(AVX2);
        assertThat(NativeBuild.choose(null, ALL, OLD_CPU)).isEqualTo(GENERIC);
        assertThat(NativeBuild.choose("Generic ", ALL, AVX512_CPU)).isEqualTo(GENERIC);
    }

    @Test
    void aJarWithOneBuildLoadsItWhereTheCpuRunsIt() {
        assertThat(NativeBuild.choose(null, EnumSet.of(AVX2), AVX512_CPU)).isEqualTo(AVX2);
        assertThat(NativeBuild.choose(null, EnumSet.of(GENERIC), OLD_CPU)).isEqualTo(GENERIC);
    }

    @Test
    void aJarBuiltForInstructionsTheCpuLacksSaysSoAndHowToRebuild() {
        assertThatThrownBy(() -> NativeBuild.choose(null, EnumSet.of(AVX512), AVX2_CPU))
                .isInstanceOf(NativeBuild.UnsupportedBuildException.class)
                .hasMessage("this application was built with ND4J's native library for AVX-512 (avx512), which this CPU"
                        + " cannot run (it lacks avx512bw, avx512dq, avx512vl); build it on this machine with 'mvn package',"
                        + " or for it with 'mvn package -Dnd4j.build=avx2'");
        assertThatThrownBy(() -> NativeBuild.choose(null, EnumSet.of(AVX2), OLD_CPU))
                .hasMessageContaining("(it lacks avx2)").hasMessageEndingWith("-Dnd4j.build=generic'");
    }

    @Test
    void anOverrideMustBePackagedAndRunnable() {
        assertThatThrownBy(() -> NativeBuild.choose("avx2", EnumSet.of(AVX512), AVX512_CPU))
                .hasMessage("dl4jmnist.nativeBuild=avx2 asks for ND4J's native library for AVX2 (avx2), but this application"
                        + " holds only AVX-512 (avx512); build it with 'mvn package -Dnd4j.build=avx2'");
        assertThatThrownBy(() -> NativeBuild.choose("avx512", ALL, AVX2_CPU))
                .hasMessageEndingWith("which this CPU cannot run (it lacks avx512bw, avx512dq, avx512vl)");
        assertThatThrownBy(() -> NativeBuild.choose("sse9", ALL, AVX512_CPU))
                .hasMessage("dl4jmnist.nativeBuild must be avx512, avx2 or generic, got 'sse9'");
    }

    @Test
    void theBuildsOnTheClassPathAreFoundByTheirJniLibrary() {
        String library = System.mapLibraryName("jnind4jcpu");
        Set<NativeBuild> found = NativeBuild.packaged("linux-x86_64",
                name -> name.equals("org/nd4j/linalg/cpu/nativecpu/bindings/linux-x86_64-onednn-avx2/" + library));
        assertThat(found).containsExactly(AVX2);
    }

    @Test
    void theBuildWritesWhichJarsToLeaveOut() {
        assertThat(NativeBuild.buildProperties(AVX512, "linux-x86_64")).containsExactly(
                "nd4j.build.chosen=avx512",
                "nd4j.build.excluded.1=org.nd4j:nd4j-native:jar:linux-x86_64-onednn-avx2",
                "nd4j.build.excluded.2=org.nd4j:nd4j-native:jar:linux-x86_64");
    }
}
