package dev.dl4jmnist.platform;

import dev.dl4jmnist.FullTier;
import dev.dl4jmnist.TestData;
import dev.dl4jmnist.data.MnistImages;
import dev.dl4jmnist.prediction.imaging.RealisticDigits;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The jar {@code mvn package} makes holds what it uses: one build of libnd4j (the one chosen for this
 * machine), hdf5 and OpenBLAS, and none of the natives nothing loads; the commands run from it (which
 * shows nothing they load was left out), and it refuses a build it does not hold in one line.
 */
@FullTier
class PackagedJarTest {
    private static final List<String> UNUSED_NATIVES = List.of("org/bytedeco/ffmpeg/", "org/bytedeco/opencv/",
            "org/bytedeco/leptonica/", "org/bytedeco/tesseract/", "org/bytedeco/mkl/", "org/bytedeco/javacv/");
    private static Path jar;
    private static List<String> entries;
    private static NativeBuild chosen;

    @BeforeAll
    static void readJar() throws IOException {
        jar = Path.of(System.getProperty("app.jar", "target/dl4j-mnist.jar"));
        assertThat(jar).as("the jar mvn package makes").isRegularFile();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            entries = Collections.list(zip.entries()).stream().map(ZipEntry::getName).toList();
        }
        Properties chosenBuild = new Properties();
        try (InputStream in = Files.newInputStream(jar.resolveSibling("native-build.properties"))) {
            chosenBuild.load(in);
        }
        chosen = NativeBuild.named(chosenBuild.getProperty("nd4j.build.chosen"), "nd4j.build.chosen");
    }

    @Test
    void exactlyOneBuildOfLibnd4jTheOneChosenForThisMachine() {
        List<String> libraries = entries.stream().filter(e -> e.endsWith("/" + System.mapLibraryName("nd4jcpu"))).toList();
        assertThat(libraries).containsExactly("org/nd4j/linalg/cpu/nativecpu/bindings/"
                + chosen.classifier(org.bytedeco.javacpp.Loader.getPlatform()) + "/" + System.mapLibraryName("nd4jcpu"));
        if (System.getProperty("nd4j.build", "auto").equals("auto")) {
            assertThat(chosen).isEqualTo(NativeBuild.bestFor(NativeBuild.cpuFlags()));
        }
    }

    @Test
    void noneOfTheNativesNothingLoadsButHdf5AndOpenBlas() throws IOException {
        List<String> unused = entries.stream().filter(e -> UNUSED_NATIVES.stream().anyMatch(e::startsWith)).toList();
        assertThat(unused).isEmpty();
        assertThat(entries).anyMatch(e -> e.startsWith("org/bytedeco/hdf5/") && e.endsWith(System.mapLibraryName("jnihdf5")));
        assertThat(entries).anyMatch(e -> e.startsWith("org/bytedeco/openblas/") && e.endsWith(System.mapLibraryName("jniopenblas")));
        // 157.6 MB when this was written (2026-12-02, the AVX-512 build): a guard against what comes back
        assertThat(Files.size(jar)).as("jar size in bytes").isLessThanOrEqualTo(160_000_000L);
    }

    @Test
    void theJarStartsWithItsNativeBuild() throws Exception {
        Run run = java("-jar", jar.toString(), "--version");
        assertThat(run.code).as(run.output).isZero();
        assertThat(run.output).startsWith("dl4j-mnist ");
    }

    @Test
    void theCommandsRunFromTheJar(@TempDir Path dir) throws Exception {
        String data = TestData.mnist().location().directory().toString();
        Run mlp = java("-jar", jar.toString(), "train", "--epochs", "1", "--train-examples", "512", "--test-examples", "256",
                "--data-dir", data, "--model", dir.resolve("mlp.zip").toString());
        assertThat(mlp.code).as(mlp.output).isZero();
        assertThat(mlp.output).contains("Test accuracy: ", "Reloaded model predictions match: 256/256");
        Run cnn = java("-jar", jar.toString(), "train", "--network", "cnn", "--epochs", "1", "--train-examples", "256",
                "--test-examples", "128", "--data-dir", data, "--model", dir.resolve("cnn.zip").toString());
        assertThat(cnn.code).as(cnn.output).isZero();
        assertThat(cnn.output).contains("Test accuracy: ", "Reloaded model predictions match: 128/128");

        Path keras = dir.resolve("keras.zip");
        Run imported = java("-jar", jar.toString(), "import-keras", "models/keras/keras-3.11.3-torch/trained_model.h5",
                "--output", keras.toString());
        assertThat(imported.code).as(imported.output).isZero();
        MnistImages test = TestData.mnist().testImages();
        Path picture = new RealisticDigits(3).write(test, 0, dir, "first-test-image", false);
        Run predicted = java("-jar", jar.toString(), "predict", "--json", "--model", keras.toString(), picture.toString());
        assertThat(predicted.code).as(predicted.output).isZero();
        assertThat(predicted.output).contains("\"prediction\":" + test.labels()[0]);
        Run evaluated = java("-jar", jar.toString(), "evaluate", "--model", keras.toString(), "--test-examples", "500",
                "--data-dir", data, "--out-dir", dir.resolve("evaluation").toString());
        assertThat(evaluated.code).as(evaluated.output).isZero();
        assertThat(evaluated.output).contains("Test accuracy: ");
    }

    @Test
    void aBuildTheJarDoesNotHoldIsRefusedInOneLine() throws Exception {
        NativeBuild other = chosen == NativeBuild.GENERIC ? NativeBuild.AVX2 : NativeBuild.GENERIC;
        Run run = java("-Ddl4jmnist.nativeBuild=" + other.id(), "-jar", jar.toString(), "--version");
        assertThat(run.code).isEqualTo(1);
        assertThat(run.output.lines().toList()).containsExactly("error: dl4jmnist.nativeBuild=" + other.id()
                + " asks for ND4J's native library for " + (other == NativeBuild.GENERIC ? "any x86-64" : "AVX2") + " ("
                + other.id() + "), but this application holds only " + describe(chosen) + "; build it with 'mvn package -Dnd4j.build="
                + other.id() + "'");
    }

    private static String describe(NativeBuild build) {
        return switch (build) {
            case AVX512 -> "AVX-512 (avx512)";
            case AVX2 -> "AVX2 (avx2)";
            case GENERIC -> "any x86-64 (generic)";
        };
    }

    private record Run(int code, String output) {
    }

    private static Run java(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), output);
    }
}
