package dev.dl4jmnist;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/** The package rules: no cycles, cli → app → features → model/fastlayers/data/io/platform, model files read in one package. */
class ArchitectureTest {
    private static final String[] FEATURES = {"dev.dl4jmnist.performance..", "dev.dl4jmnist.evaluation..", "dev.dl4jmnist.experiments..",
            "dev.dl4jmnist.kerasimport..", "dev.dl4jmnist.notebook..", "dev.dl4jmnist.persistence..", "dev.dl4jmnist.prediction..",
            "dev.dl4jmnist.training..", "dev.dl4jmnist.visualisation.."};
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.dl4jmnist");
    }

    @Test
    void noPackageCycles() {
        slices().matching("dev.dl4jmnist.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void layersOnlyLookDown() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Cli").definedBy("dev.dl4jmnist.cli..", "dev.dl4jmnist.server..")
                .layer("App").definedBy("dev.dl4jmnist.app..")
                .layer("Features").definedBy(FEATURES)
                .layer("Base").definedBy("dev.dl4jmnist.model..", "dev.dl4jmnist.fastlayers..", "dev.dl4jmnist.data..", "dev.dl4jmnist.io..",
                        "dev.dl4jmnist.platform..")
                .whereLayer("Cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("App").mayOnlyBeAccessedByLayers("Cli")
                .whereLayer("Features").mayOnlyBeAccessedByLayers("Cli", "App")
                .check(classes);
    }

    /** The server reaches the application only through app: no feature or base package, no DL4J or ND4J. */
    @Test
    void theServerTalksOnlyToTheApplicationLayer() {
        String[] below = java.util.stream.Stream.concat(java.util.Arrays.stream(FEATURES), java.util.stream.Stream.of(
                "dev.dl4jmnist.model..", "dev.dl4jmnist.fastlayers..", "dev.dl4jmnist.data..", "dev.dl4jmnist.io..",
                "dev.dl4jmnist.platform..", "org.deeplearning4j..", "org.nd4j..")).toArray(String[]::new);
        noClasses().that().resideInAPackage("dev.dl4jmnist.server..")
                .should().dependOnClassesThat().resideInAnyPackage(below)
                .check(classes);
    }

    @Test
    void theFastLayersStandOnDl4jAlone() {
        noClasses().that().resideInAPackage("dev.dl4jmnist.fastlayers..")
                .should().dependOnClassesThat().resideOutsideOfPackages("dev.dl4jmnist.fastlayers..", "org.deeplearning4j..",
                        "org.nd4j..", "java..")
                .check(classes);
    }

    @Test
    void modelFilesAreReadOnlyByPersistence() {
        noClasses().that().resideOutsideOfPackage("dev.dl4jmnist.persistence..")
                .should().dependOnClassesThat().haveFullyQualifiedName("org.deeplearning4j.util.ModelSerializer")
                .check(classes);
        noClasses().that().resideOutsideOfPackages("dev.dl4jmnist.persistence..", "dev.dl4jmnist.kerasimport..")
                .should().dependOnClassesThat().haveFullyQualifiedName("dev.dl4jmnist.kerasimport.KerasImporter")
                .check(classes);
    }

    @Test
    void everyPackageSaysWhatItIsFor() throws IOException {
        Path root = Path.of("src/main/java/dev/dl4jmnist");
        try (Stream<Path> dirs = Files.walk(root)) {
            List<Path> missing = dirs.filter(Files::isDirectory)
                    .filter(d -> hasJava(d) && !Files.isRegularFile(d.resolve("package-info.java"))).toList();
            assertThat(missing).isEmpty();
        }
    }

    private static boolean hasJava(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(f -> f.toString().endsWith(".java"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
