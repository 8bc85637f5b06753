package dev.dl4jmnist.notebook;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.DocumentType;
import org.jsoup.nodes.Element;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Writes an executed notebook as one self-contained HTML page: markdown cells rendered (commonmark),
 * code and text outputs escaped (jsoup's DOM), pictures embedded as {@code data:} URIs; nothing is
 * loaded from the network (the page's content security policy forbids it).
 */
final class HtmlWriter {
    private static final Parser MARKDOWN = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();
    private static final String STYLE = loadStyle();

    private HtmlWriter() {
    }

    static String toHtml(NotebookResult notebook) {
        Document doc = Document.createShell("");
        doc.prependChild(new DocumentType("html", "", ""));
        doc.outputSettings().charset(StandardCharsets.UTF_8).prettyPrint(false);
        doc.selectFirst("html").attr("lang", "en");
        Element head = doc.head();
        head.appendElement("meta").attr("charset", "utf-8");
        head.appendElement("meta").attr("http-equiv", "Content-Security-Policy")
                .attr("content", "default-src 'none'; img-src data:; style-src 'unsafe-inline'");
        head.appendElement("meta").attr("name", "viewport").attr("content", "width=device-width, initial-scale=1");
        head.appendElement("title").text(title(notebook));
        head.appendElement("style").appendChild(new DataNode(STYLE));
        Element main = doc.body().appendElement("main").addClass("notebook");
        for (ExecutedCell cell : notebook.cells()) {
            Element section = main.appendElement("section").attr("id", IpynbWriter.cellId(cell)).addClass("cell");
            if (cell.cell().isCode()) {
                code(section, cell);
            } else {
                section.addClass("markdown").append(RENDERER.render(MARKDOWN.parse(cell.cell().source())));
            }
        }
        return doc.outerHtml() + "\n";
    }

    /** The notebook's first markdown heading, or its file name. */
    private static String title(NotebookResult notebook) {
        return notebook.cells().stream().filter(c -> !c.cell().isCode())
                .map(c -> c.cell().source().lines().filter(l -> l.startsWith("# ")).findFirst())
                .flatMap(java.util.Optional::stream).findFirst()
                .map(l -> l.substring(2).strip())
                .orElse(notebook.source().getFileName().toString());
    }

    private static void code(Element section, ExecutedCell cell) {
        section.addClass("code");
        String count = cell.executionCount() != null ? cell.executionCount().toString() : " ";
        Element input = section.appendElement("div").addClass("input");
        input.appendElement("div").addClass("prompt").text("In [" + count + "]:");
        input.appendElement("pre").addClass("source").appendElement("code").addClass("language-java")
                .text(cell.cell().source());
        if (cell.outputs().isEmpty()) {
            return;
        }
        Element outputs = section.appendElement("div").addClass("outputs");
        int pictures = 0;
        for (CellOutput output : cell.outputs()) {
            if (output instanceof CellOutput.Text t) {
                outputs.appendElement("pre").addClass("stream").addClass(t.stream()).text(t.text());
            } else if (output instanceof CellOutput.Picture p) {
                pictures++;
                outputs.appendElement("img").addClass("picture")
                        .attr("src", "data:image/png;base64," + Base64.getEncoder().encodeToString(p.png()))
                        .attr("alt", "picture " + pictures + " of cell " + cell.number());
            } else if (output instanceof CellOutput.Value v) {
                outputs.appendElement("pre").addClass("value").text(v.text());
            } else if (output instanceof CellOutput.Failure f) {
                outputs.appendElement("pre").addClass("error").text(String.join("\n", f.traceback()));
            }
        }
    }

    private static String loadStyle() {
        try (InputStream in = HtmlWriter.class.getResourceAsStream("notebook.css")) {
            if (in == null) {
                throw new IllegalStateException("notebook.css missing from the application");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
