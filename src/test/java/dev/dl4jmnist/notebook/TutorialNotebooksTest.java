package dev.dl4jmnist.notebook;

import dev.dl4jmnist.FullTier;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tutorial notebooks in notebooks/: each runs to its end in a quick run ({@code -Dnotebook.images=500}),
 * and the committed .ipynb and .html are the executed current sources.
 */
@FullTier
class TutorialNotebooksTest {
    private static final Path DIR = Path.of("notebooks");
    private static final String QUICK_IMAGES = "500";
    private static final Map<String, NotebookResult> RUNS = new LinkedHashMap<>();

    @TempDir
    static Path out;

    @BeforeAll
    static void runAllQuickly() throws IOException {
        // the notebooks read MNIST_DIR when it is set, else find MNIST as the application does (as the tests do)
        String before = System.getProperty(NotebookSettings.IMAGES_PROPERTY);
        System.setProperty(NotebookSettings.IMAGES_PROPERTY, QUICK_IMAGES);
        try {
            for (NotebookResult r : new NotebookRunner(NotebookObserver.NONE).run(new NotebookRequest(sources(), out))) {
                RUNS.put(r.source().getFileName().toString(), r);
            }
        } finally {
            if (before == null) {
                System.clearProperty(NotebookSettings.IMAGES_PROPERTY);
            } else {
                System.setProperty(NotebookSettings.IMAGES_PROPERTY, before);
            }
        }
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.list(DIR)) {
            return files.filter(p -> p.toString().endsWith(".jsh")).sorted().toList();
        }
    }

    @Test
    void everyNotebookRunsToItsEndWithValidIpynbAndCompleteHtml() throws IOException {
        assertThat(RUNS.keySet()).containsExactly("01-data.jsh", "02-preparing.jsh", "03-model.jsh", "04-training.jsh",
                "05-evaluating.jsh", "06-save-reload.jsh", "07-keras.jsh", "08-experiments.jsh", "09-not-a-digit.jsh");
        for (NotebookResult r : RUNS.values()) {
            assertThat(r.failedCell()).as("failed cell of %s", r.source())
                    .map(c -> c.failure().orElseThrow().traceback()).isEmpty();
            assertThat(r.cells()).filteredOn(c -> c.cell().isCode()).allSatisfy(c -> assertThat(c.executionCount()).isNotNull());
            NotebookChecks.assertValidIpynb(r);
            NotebookChecks.assertCompleteHtml(r);
        }
    }

    @Test
    void theNotebooksShowTheTutorialsResults() {
        assertThat(text("01-data.jsh")).contains("X_train: (60000, 28, 28)", "train    5923  6742");
        assertThat(pictures("01-data.jsh")).isEqualTo(1);
        assertThat(text("02-preparing.jsh")).contains("Testing matrix shape now: [10000, 784]",
                "the whole image equals the stored pixels / 255: true", "7 -> [         0,         0,         0,"
                        + "         0,         0,         0,         0,    1.0000,         0,         0]");
        assertThat(text("03-model.jsh")).contains("Total params: 669,706", "parameters: 669706");
        assertThat(text("04-training.jsh")).contains("5 epochs, batch size 128, 500 training images", "Epoch 5/5")
                .containsPattern("4/4 - [0-9.]+s - \\d+ms/step - loss: [0-9.]+ - accuracy: [0-9.]+ - val_loss");
        assertThat(pictures("04-training.jsh")).isEqualTo(2);
        assertThat(text("05-evaluating.jsh")).contains("Test accuracy: ", "of 500 (");
        assertThat(pictures("05-evaluating.jsh")).isEqualTo(3);
        assertThat(text("06-save-reload.jsh")).contains("Reloaded model predictions match: 500/500");
        assertThat(RUNS.get("06-save-reload.jsh").cells()).last()
                .satisfies(c -> assertThat(c.outputs()).containsExactly(new CellOutput.Value("true")));
        assertThat(text("07-keras.jsh")).contains("Keras 2.3.1 (theano)", "Keras 3.11.3 (torch)",
                "same class as Keras's saved predictions: 10000/10000", "Total params: 669,706",
                "Keras 3.11.3 (torch), Sequential -> MultiLayerNetwork", "Total params: 34,826");
        assertThat(text("08-experiments.jsh")).contains("500 training images, 500 test images per configuration",
                "b10000-h512-512-e5");
        assertThat(pictures("08-experiments.jsh")).isEqualTo(3);
        assertThat(text("09-not-a-digit.jsh")).contains("Held out: MNIST training images 55,001–60,000",
                        "5 epochs, batch size 128, 500 training images", "Not a digit: below a calibrated probability of 0.",
                        "{\"file\":\"test-digit.png\",\"prediction\":7,\"notADigit\":false,",
                        "{\"file\":\"blank-page.png\",\"notADigit\":true,\"reason\":\"no digit found: the image is blank")
                .containsPattern("Expected calibration error: [0-9.]+% before, [0-9.]+% after")
                .containsPattern("\\d+ of 12 answered \"not a digit\"");
        assertThat(pictures("09-not-a-digit.jsh")).isEqualTo(2);
    }

    @Test
    void theCommittedNotebooksAreTheExecutedCurrentSources() throws IOException {
        ObjectMapper json = new ObjectMapper();
        for (Path source : sources()) {
            String name = source.getFileName().toString().replace(".jsh", "");
            Path ipynb = DIR.resolve(name + ".ipynb");
            assertThat(ipynb).as("executed notebook of %s (java -jar target/dl4j-mnist.jar notebook %s)", source, source)
                    .isRegularFile();
            assertThat(DIR.resolve(name + ".html")).isRegularFile();
            assertThat(NotebookChecks.schemaErrors(ipynb)).isEmpty();
            List<Cell> cells = PercentFormat.parse(Files.readString(source, StandardCharsets.UTF_8), source.toString());
            JsonNode committed = json.readTree(ipynb.toFile()).path("cells");
            List<String> committedSources = new ArrayList<>();
            for (JsonNode cell : committed) {
                StringBuilder text = new StringBuilder();
                cell.path("source").forEach(line -> text.append(line.asText()));
                committedSources.add(text.toString());
                if (cell.path("cell_type").asText().equals("code")) {
                    assertThat(cell.path("execution_count").isInt()).as("%s: every code cell executed", ipynb).isTrue();
                    cell.path("outputs").forEach(o -> assertThat(o.path("output_type").asText()).isNotEqualTo("error"));
                }
            }
            assertThat(committedSources).as("%s holds the cells of %s (re-run the notebook)", ipynb, source)
                    .isEqualTo(cells.stream().map(Cell::source).toList());
        }
    }

    /** All text a notebook printed. */
    private static String text(String notebook) {
        StringBuilder sb = new StringBuilder();
        for (ExecutedCell c : RUNS.get(notebook).cells()) {
            for (CellOutput o : c.outputs()) {
                if (o instanceof CellOutput.Text t) {
                    sb.append(t.text());
                } else if (o instanceof CellOutput.Value v) {
                    sb.append(v.text()).append('\n');
                }
            }
        }
        return sb.toString();
    }

    private static long pictures(String notebook) {
        return RUNS.get(notebook).cells().stream().flatMap(c -> c.outputs().stream())
                .filter(CellOutput.Picture.class::isInstance).count();
    }
}
