package dev.dl4jmnist.io;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.dl4jmnist.UsageException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The one way configuration files ({@code config/*.json}) are found and read: the file in
 * {@code ./config/} when it exists, else the copy packaged with the application; parsed strictly (no
 * unknown keys, no 1.5 for a whole number, no "5" for a number; keys marked
 * {@code @JsonProperty(required = true)} must be present) with every problem as one line in the user's
 * words, naming the file and the key.
 */
public final class ConfigFiles {
    /** The directory, relative to the working directory, where users edit the configuration. */
    public static final Path CONFIG_DIR = Path.of("config");

    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();

    private ConfigFiles() {
    }

    /** Where a configuration was read from, and its parsed value. */
    public record Loaded<T>(T value, String source) {
    }

    /**
     * Reads {@code name} (e.g. {@code training.json}): {@code ./config/name} when it exists, else the
     * packaged {@code /config/name}.
     */
    public static <T> Loaded<T> readDefault(String name, Class<T> type) {
        return readDefault(CONFIG_DIR, name, type);
    }

    /** As {@link #readDefault(String, Class)}, looking for the user's copy in {@code configDir}. */
    static <T> Loaded<T> readDefault(Path configDir, String name, Class<T> type) {
        Path local = configDir.resolve(name);
        if (Files.isRegularFile(local)) {
            return new Loaded<>(read(local, type), local.toString());
        }
        String resource = "/config/" + name;
        try (InputStream in = ConfigFiles.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the application");
            }
            return new Loaded<>(parse(in, "packaged " + name, type), "packaged defaults (" + name + ")");
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource + ": " + e.getMessage(), e);
        }
    }

    /** Reads a configuration file the user named. */
    public static <T> T read(Path file, Class<T> type) {
        if (!Files.isRegularFile(file)) {
            throw new UsageException("configuration file " + file + " does not exist");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, file.toString(), type);
        } catch (IOException e) {
            throw new UsageException("cannot read " + file + ": " + AtomicFiles.describe(e), e);
        }
    }

    /** Parses JSON strictly; any problem is one {@link UsageException} line starting with {@code source}. */
    public static <T> T parse(InputStream in, String source, Class<T> type) throws IOException {
        try {
            T value = STRICT.readValue(in, type);
            if (value == null) {
                throw new UsageException(source + ": the file holds null instead of an object");
            }
            return value;
        } catch (ValueInstantiationException e) {
            // the record's own validation (e.g. "epochs must be at least 1") already speaks the user's words
            Throwable cause = e.getCause();
            throw new UsageException(source + ": " + (cause != null ? cause.getMessage() : e.getOriginalMessage()), e);
        } catch (UnrecognizedPropertyException e) {
            String known = e.getKnownPropertyIds().stream().map(String::valueOf).filter(k -> !k.startsWith("_"))
                    .sorted().collect(Collectors.joining(", "));
            String parent = path(e.getPath().subList(0, e.getPath().size() - 1));
            throw new UsageException(source + ": unknown key \"" + e.getPropertyName() + "\""
                    + " in " + (parent.isEmpty() ? "the top level" : parent) + " (known keys: " + known + ")", e);
        } catch (JsonMappingException e) {
            if (e.getCause() instanceof JsonParseException) {        // e.g. the file ends inside a list
                throw new UsageException(source + at(e.getLocation()) + ": not valid JSON", e);
            }
            throw new UsageException(source + ": " + describe(e), e);
        } catch (InputCoercionException e) {
            throw new UsageException(source + at(e.getLocation()) + ": a number is out of range", e);
        } catch (JacksonException e) {
            throw new UsageException(source + at(e.getLocation()) + ": not valid JSON", e);
        }
    }

    private static String describe(JsonMappingException e) {
        String key = path(e.getPath());
        String what = key.isEmpty() ? "the file" : "\"" + key + "\"";
        if (e instanceof MismatchedInputException m && m.getOriginalMessage() != null
                && m.getOriginalMessage().startsWith("Missing required creator property")) {
            return what + " is missing";
        }
        if (e.getOriginalMessage() != null && e.getOriginalMessage().contains("out of range")) {
            return what + " is out of range";
        }
        Class<?> target = e instanceof MismatchedInputException m ? m.getTargetType() : null;
        return what + " must be " + expected(target) + ", got " + found(e);
    }

    /** What the user wrote, as far as Jackson tells. */
    private static String found(JsonMappingException e) {
        if (e instanceof InvalidFormatException f) {
            return f.getValue() instanceof String s ? "\"" + s + "\"" : String.valueOf(f.getValue());
        }
        if (e.getProcessor() instanceof JsonParser p) {
            JsonToken t = p.currentToken();
            if (t == null) {
                return "nothing";
            }
            try {
                return switch (t) {
                    case VALUE_STRING -> "\"" + p.getText() + "\"";
                    case START_ARRAY -> "a list";
                    case START_OBJECT, FIELD_NAME -> "an object";
                    default -> p.getText();
                };
            } catch (IOException io) {
                return "another kind of value";
            }
        }
        return "another kind of value";
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "another kind of value";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number";
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "text in quotes";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        return "an object";
    }

    /** {@code configurations[1].hidden[0]} */
    private static String path(List<JsonMappingException.Reference> refs) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : refs) {
            if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            } else if (r.getFieldName() != null) {
                sb.append(sb.length() == 0 ? "" : ".").append(r.getFieldName());
            }
        }
        return sb.toString();
    }

    private static String at(JsonLocation location) {
        return location != null && location.getLineNr() > 0
                ? " line " + location.getLineNr() + ", column " + location.getColumnNr() : "";
    }
}
