package dev.dl4jmnist.cli;

import picocli.CommandLine;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads sizes such as {@code 10MB}, {@code 512KB}, {@code 1GB} or {@code 2048} (bytes); KB, MB, GB are powers of 1024. */
final class ByteSize implements CommandLine.ITypeConverter<Long> {
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(B|KB|MB|GB)?");

    @Override
    public Long convert(String value) {
        Matcher m = SIZE.matcher(value.trim().toUpperCase(Locale.ROOT));
        if (!m.matches()) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a size (examples: 10MB, 512KB, 2048)");
        }
        int shift = switch (m.group(2) == null ? "B" : m.group(2)) {
            case "KB" -> 10;
            case "MB" -> 20;
            case "GB" -> 30;
            default -> 0;
        };
        long number = Long.parseLong(m.group(1));
        if (number < 1 || number > (Long.MAX_VALUE >> shift)) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a positive size");
        }
        return number << shift;
    }
}
