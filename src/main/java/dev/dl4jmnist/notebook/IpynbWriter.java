package dev.dl4jmnist.notebook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Base64;
import java.util.List;

/** Writes an executed notebook as Jupyter's {@code .ipynb} JSON (nbformat 4.5, kernel "java"). */
final class IpynbWriter {
    static final int NBFORMAT = 4;
    static final int NBFORMAT_MINOR = 5;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private IpynbWriter() {
    }

    static String toJson(NotebookResult notebook) {
        ObjectNode root = NODES.objectNode();
        ArrayNode cells = root.putArray("cells");
        for (ExecutedCell cell : notebook.cells()) {
            cells.add(cell(cell));
        }
        ObjectNode metadata = root.putObject("metadata");
        ObjectNode kernel = metadata.putObject("kernelspec");
        kernel.put("display_name", "Java");
        kernel.put("language", "java");
        kernel.put("name", "java");
        ObjectNode language = metadata.putObject("language_info");
        language.put("name", "java");
        language.put("version", Runtime.version().feature() + "");
        language.put("mimetype", "text/x-java-source");
        language.put("file_extension", ".jsh");
        language.put("codemirror_mode", "java");
        root.put("nbformat", NBFORMAT);
        root.put("nbformat_minor", NBFORMAT_MINOR);
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The cell's id: stable across runs, so re-running a notebook changes only its outputs. */
    static String cellId(ExecutedCell cell) {
        return String.format("cell-%03d", cell.number());
    }

    private static ObjectNode cell(ExecutedCell cell) {
        ObjectNode node = NODES.objectNode();
        node.put("id", cellId(cell));
        node.put("cell_type", cell.cell().isCode() ? "code" : "markdown");
        node.putObject("metadata");
        node.set("source", lines(cell.cell().source()));
        if (cell.cell().isCode()) {
            if (cell.executionCount() != null) {
                node.put("execution_count", cell.executionCount());
            } else {
                node.putNull("execution_count");
            }
            ArrayNode outputs = node.putArray("outputs");
            for (CellOutput output : cell.outputs()) {
                outputs.add(output(output, cell.executionCount()));
            }
        }
        return node;
    }

    private static ObjectNode output(CellOutput output, Integer executionCount) {
        ObjectNode node = NODES.objectNode();
        if (output instanceof CellOutput.Text t) {
            node.put("output_type", "stream");
            node.put("name", t.stream());
            node.set("text", lines(t.text()));
        } else if (output instanceof CellOutput.Picture p) {
            node.put("output_type", "display_data");
            node.putObject("data").put("image/png", Base64.getEncoder().encodeToString(p.png()));
            node.putObject("metadata");
        } else if (output instanceof CellOutput.Value v) {
            node.put("output_type", "execute_result");
            node.put("execution_count", executionCount);
            node.putObject("data").set("text/plain", lines(v.text()));
            node.putObject("metadata");
        } else if (output instanceof CellOutput.Failure f) {
            node.put("output_type", "error");
            node.put("ename", f.name());
            node.put("evalue", f.message());
            ArrayNode traceback = node.putArray("traceback");
            f.traceback().forEach(traceback::add);
        }
        return node;
    }

    /** Jupyter's multi-line string: a list of lines, each but the last ending in a newline. */
    private static ArrayNode lines(String text) {
        ArrayNode array = NODES.arrayNode();
        List<String> parts = List.of(text.split("(?<=\n)"));
        for (String part : parts) {
            if (!part.isEmpty()) {
                array.add(part);
            }
        }
        return array;
    }
}
