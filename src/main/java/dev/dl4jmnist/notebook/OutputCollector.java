package dev.dl4jmnist.notebook;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects what a running cell prints and shows, in order: text on stdout and stderr (consecutive writes
 * to one stream become one output) and pictures between them.
 */
final class OutputCollector {
    private final List<CellOutput> outputs = new ArrayList<>();
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private String pendingStream;

    /** A print stream whose bytes go to {@code stream} ("stdout" or "stderr"). */
    PrintStream printStream(String stream) {
        return new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                write(new byte[]{(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                text(stream, b, off, len);
            }
        }, true, StandardCharsets.UTF_8);
    }

    synchronized void text(String stream, byte[] b, int off, int len) {
        if (!stream.equals(pendingStream)) {
            flushText();
            pendingStream = stream;
        }
        pending.write(b, off, len);
    }

    synchronized void picture(byte[] png) {
        flushText();
        outputs.add(new CellOutput.Picture(png.clone()));
    }

    synchronized void add(CellOutput output) {
        flushText();
        outputs.add(output);
    }

    /** The outputs so far; text is final as a terminal would show it (a carriage return rewrites its line). */
    synchronized List<CellOutput> outputs() {
        flushText();
        return List.copyOf(outputs);
    }

    private void flushText() {
        if (pending.size() == 0) {
            return;
        }
        String text = asTerminalShowsIt(pending.toString(StandardCharsets.UTF_8));
        pending.reset();
        int last = outputs.size() - 1;
        if (last >= 0 && outputs.get(last) instanceof CellOutput.Text t && t.stream().equals(pendingStream)) {
            outputs.set(last, new CellOutput.Text(pendingStream, t.text() + text));
        } else {
            outputs.add(new CellOutput.Text(pendingStream, text));
        }
    }

    /** Keeps, of each line, what follows its last carriage return (progress bars redraw their line). */
    static String asTerminalShowsIt(String text) {
        String unified = text.replace("\r\n", "\n");
        if (unified.indexOf('\r') < 0) {
            return unified;
        }
        StringBuilder out = new StringBuilder();
        for (String line : unified.split("\n", -1)) {
            if (out.length() > 0) {
                out.append('\n');
            }
            String trimmed = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
            out.append(trimmed.substring(trimmed.lastIndexOf('\r') + 1));
        }
        return out.toString();
    }
}
