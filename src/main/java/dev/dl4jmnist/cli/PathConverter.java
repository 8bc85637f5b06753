package dev.dl4jmnist.cli;

import picocli.CommandLine;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Turns a command-line argument into a path, with one clear message when the system's locale cannot
 * represent the path's characters (e.g. a non-ASCII name under {@code LC_ALL=C}, where Java 17 decodes
 * file names as ASCII).
 */
final class PathConverter implements CommandLine.ITypeConverter<Path> {

    @Override
    public Path convert(String value) {
        return parse(value);
    }

    /** The one rule for paths given on the command line. */
    static Path parse(String value) {
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a usable path here: the system locale ("
                    + System.getProperty("sun.jnu.encoding") + ") cannot represent its characters; run with a UTF-8 locale,"
                    + " for example LC_ALL=C.UTF-8");
        }
    }
}
