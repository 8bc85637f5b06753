package dev.dl4jmnist.cli;

import dev.dl4jmnist.AppException;
import dev.dl4jmnist.data.SubsetLimits;
import picocli.CommandLine;

import java.util.function.Supplier;

/** Turns the application's checks of option values into usage errors (exit 2, with the command's usage hint). */
final class Usage {
    private Usage() {
    }

    /** {@code build}'s value; an {@link AppException} it throws becomes a usage error of {@code spec}'s command. */
    static <T> T check(CommandLine.Model.CommandSpec spec, Supplier<T> build) {
        try {
            return build.get();
        } catch (AppException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    /** {@code n} when it is a valid count of images for option {@code name} (1 to {@code max}), else a usage error. */
    static int examples(CommandLine.Model.CommandSpec spec, String name, int n, int max) {
        return check(spec, () -> {
            SubsetLimits.require(name, n, max);
            return n;
        });
    }
}
