package dev.dl4jmnist.notebook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks an executed notebook's files: the .ipynb against Jupyter's schema, the .html for every cell and picture. */
public final class NotebookChecks {
    /** Jupyter's nbformat 4.5 schema as Debian's python3-nbformat ships it ({@code dpkg -L python3-nbformat}). */
    static final Path NBFORMAT_SCHEMA = Path.of("/usr/lib/python3/dist-packages/nbformat/v4/nbformat.v4.5.schema.json");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Schema schema;

    private NotebookChecks() {
    }

    /** The schema's complaints about {@code ipynb} (empty: valid). */
    public static List<Error> schemaErrors(Path ipynb) throws IOException {
        return schema().validate(Files.readString(ipynb), com.networknt.schema.InputFormat.JSON);
    }

    private static synchronized Schema schema() throws IOException {
        if (schema == null) {
            assertThat(NBFORMAT_SCHEMA).as("Jupyter's nbformat schema (apt-get install python3-nbformat)").isRegularFile();
            // the schema's own annotation keywords (multiline_string, ...) are not validation rules: no warnings
            ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("com.networknt.schema"))
                    .setLevel(ch.qos.logback.classic.Level.ERROR);
            try (InputStream in = Files.newInputStream(NBFORMAT_SCHEMA)) {
                schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(in);
            }
        }
        return schema;
    }

    /** Asserts that the .ipynb is valid nbformat 4.5 and holds the result's cells and outputs. */
    public static JsonNode assertValidIpynb(NotebookResult result) throws IOException {
        assertThat(schemaErrors(result.ipynb())).as("nbformat 4.5 schema errors").isEmpty();
        JsonNode nb = JSON.readTree(result.ipynb().toFile());
        assertThat(nb.path("nbformat").asInt()).isEqualTo(4);
        assertThat(nb.path("nbformat_minor").asInt()).isEqualTo(5);
        assertThat(nb.path("metadata").path("kernelspec").path("language").asText()).isEqualTo("java");
        assertThat(nb.path("cells")).hasSize(result.cells().size());
        long pictures = result.cells().stream().flatMap(c -> c.outputs().stream())
                .filter(CellOutput.Picture.class::isInstance).count();
        long ipynbPictures = 0;
        for (JsonNode cell : nb.path("cells")) {
            for (JsonNode output : cell.path("outputs")) {
                if (output.path("data").has("image/png")) {
                    ipynbPictures++;
                    assertThat(decode(output.path("data").path("image/png").asText()).getWidth()).isPositive();
                }
            }
        }
        assertThat(ipynbPictures).isEqualTo(pictures);
        return nb;
    }

    /** Asserts that the page has every cell (markdown rendered, code and text outputs) and embeds every picture. */
    public static Document assertCompleteHtml(NotebookResult result) throws IOException {
        Document page = Jsoup.parse(result.html().toFile());
        List<Element> sections = page.select("main > section.cell");
        assertThat(sections).hasSize(result.cells().size());
        int pictures = 0;
        for (int i = 0; i < sections.size(); i++) {
            Element section = sections.get(i);
            ExecutedCell cell = result.cells().get(i);
            if (cell.cell().isCode()) {
                assertThat(section.selectFirst("pre.source").wholeText()).isEqualTo(cell.cell().source());
                for (CellOutput output : cell.outputs()) {
                    if (output instanceof CellOutput.Text t) {
                        assertThat(section.select("pre.stream").eachAttr("class")).isNotEmpty();
                        assertThat(section.select("pre.stream." + t.stream()).stream().map(Element::wholeText))
                                .contains(t.text());
                    }
                }
                pictures += (int) cell.outputs().stream().filter(CellOutput.Picture.class::isInstance).count();
            } else {
                assertThat(section.hasClass("markdown")).isTrue();
                assertThat(section.children()).as("rendered markdown of cell %d", cell.number()).isNotEmpty();
            }
        }
        List<Element> images = page.select("img");
        assertThat(images).hasSize(pictures);
        for (Element img : images) {
            String src = img.attr("src");
            assertThat(src).startsWith("data:image/png;base64,");
            assertThat(decode(src.substring(src.indexOf(',') + 1)).getWidth()).isPositive();
        }
        assertThat(page.select("script, link, iframe, [src^=http]")).as("nothing from the network").isEmpty();
        return page;
    }

    private static BufferedImage decode(String base64) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(base64)));
        assertThat(image).as("a decodable PNG").isNotNull();
        return image;
    }
}
