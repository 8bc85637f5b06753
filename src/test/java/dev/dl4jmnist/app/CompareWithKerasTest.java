package dev.dl4jmnist.app;

import dev.dl4jmnist.FullTier;
import dev.dl4jmnist.TestData;
import dev.dl4jmnist.TestModels;
import dev.dl4jmnist.visualisation.DigitGrid;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The comparison's figures, on the shipped Keras 3 file and the one-epoch DL4J test model. */
class CompareWithKerasTest {
    private static final Path K3 = Path.of("models/keras/keras-3.11.3-torch/trained_model.h5");

    @FullTier
    @Test
    void kerasAndDl4jModelsSideBySide(@TempDir Path tmp) throws Exception {
        Path grid = tmp.resolve("grid.png");
        CompareWithKeras.Result r = CompareWithKeras.run(new CompareWithKeras.Request(K3, TestModels.quickModelPath(), true,
                TestData.mnist().location().directory(), grid));

        assertEquals(0.982, r.kerasTest().accuracy(), 1e-9);
        assertEquals(0.9819999933242798, r.reference().reportedAccuracy().getAsDouble());
        assertEquals(10_000, r.savedPredictions().matching());
        assertTrue(r.savedPredictions().maxAbsDifference() <= 1e-5);

        assertTrue(r.hasDl4j());
        assertEquals(669_706, r.dl4j().numParams());
        assertEquals(10_000, r.agreeing() + r.disagreements().size());
        assertTrue(r.disagreements().size() > 0 && r.disagreements().size() < 1000, "disagreements " + r.disagreements().size());
        int previous = -1;
        for (CompareWithKeras.Disagreement d : r.disagreements()) {
            assertTrue(d.index() > previous);
            previous = d.index();
            assertNotEquals(d.kerasClass(), d.dl4jClass());
            assertEquals(r.kerasTest().predicted()[d.index()], d.kerasClass());
            assertEquals(r.dl4jTest().predicted()[d.index()], d.dl4jClass());
            assertEquals(r.kerasTest().labels()[d.index()], d.label());
        }
        CompareWithKeras.Disagreement first = r.disagreements().get(0);
        assertEquals("Keras " + first.kerasClass() + ", DL4J " + first.dl4jClass() + ", Class " + first.label(), first.title());

        assertEquals(grid, r.grid());
        BufferedImage png = ImageIO.read(grid.toFile());
        assertEquals(DigitGrid.width(3), png.getWidth());
        assertEquals(DigitGrid.height(3), png.getHeight());
        // the first tile shows the first disagreeing test image: its pixel (14, 14), drawn as an 8×8 block
        int value = r.data().testImages().pixel(first.index(), 14, 14);
        java.awt.Point origin = DigitGrid.imageOrigin(0, 3);
        int rgb = png.getRGB(origin.x + 14 * DigitGrid.SCALE + 3, origin.y + 14 * DigitGrid.SCALE + 3) & 0xFF;
        assertEquals(value, rgb);
    }

    @Test
    void withoutADl4jModelTheKerasModelIsEvaluatedAlone(@TempDir Path tmp) {
        Path grid = tmp.resolve("grid.png");
        CompareWithKeras.Result r = CompareWithKeras.run(new CompareWithKeras.Request(
                Path.of("models/keras/keras-2.3.1-theano/trained_model.h5"), tmp.resolve("none.zip"), false, TestData.mnist().location().directory(), grid));
        assertFalse(r.hasDl4j());
        assertEquals(0.98, r.kerasTest().accuracy(), 1e-9);
        assertEquals(10_000, r.savedPredictions().matching());
        assertNull(r.grid());
        assertFalse(Files.exists(grid));
    }

    @Test
    void withoutSavedPredictionsTheCheckIsSkipped(@TempDir Path tmp) throws Exception {
        Path copy = Files.copy(Path.of("src/test/resources/keras/keras3-functional.h5"), tmp.resolve("model.h5"));
        CompareWithKeras.Result r = CompareWithKeras.run(new CompareWithKeras.Request(copy, tmp.resolve("none.zip"), false,
                TestData.mnist().location().directory(), tmp.resolve("grid.png")));
        assertNull(r.savedPredictions());
        assertTrue(r.reference().reportedAccuracy().isEmpty());
        assertEquals("ComputationGraph", r.keras().dl4jType());
        assertEquals(10_000, r.kerasTest().size());
    }
}
