package dev.dl4jmnist.notebook;

import java.util.List;

/** One output of an executed code cell, in the order the cell produced it. */
public sealed interface CellOutput {

    /** Text the cell printed on {@code stdout} or {@code stderr}. */
    record Text(String stream, String text) implements CellOutput {
        public static final String STDOUT = "stdout";
        public static final String STDERR = "stderr";
    }

    /** A picture the cell showed (PNG bytes). */
    record Picture(byte[] png) implements CellOutput {
    }

    /** The value of the cell's last expression, as JShell prints it. */
    record Value(String text) implements CellOutput {
    }

    /** Why the cell failed: an exception or a compile error, with the lines that locate it. */
    record Failure(String name, String message, List<String> traceback) implements CellOutput {
        /** One line: {@code name: message}. */
        public String summary() {
            return message.isEmpty() ? name : name + ": " + message;
        }
    }
}
