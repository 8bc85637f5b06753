package dev.dl4jmnist.training;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dl4jmnist.AppException;
import dev.dl4jmnist.io.AtomicFiles;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A run's history as JSON lines ({@code history.jsonl}, one {@link TrainingEvent} a line), appended and
 * flushed event by event, so that a finished or interrupted run can be shown again. A line cut short by a
 * crash is ignored when read; a resumed run first keeps only what its checkpoint covers.
 */
public final class HistoryFile implements Consumer<TrainingEvent>, AutoCloseable {
    /** The file's name in a run directory. */
    public static final String NAME = "history.jsonl";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final BufferedWriter out;

    private HistoryFile(Path file, BufferedWriter out) {
        this.file = file;
        this.out = out;
    }

    /**
     * Opens {@code file} for appending: empty for a fresh run ({@code keepEpochs} 0), else with the events of the
     * first {@code keepEpochs} epochs kept (rewritten atomically).
     */
    public static HistoryFile open(Path file, int keepEpochs) {
        List<TrainingEvent> kept = keepEpochs == 0 ? List.of() : upToEpoch(read(file), keepEpochs);
        AtomicFiles.writeStream(file, o -> {
            for (TrainingEvent e : kept) {
                o.write(line(e).getBytes(StandardCharsets.UTF_8));
            }
        });
        try {
            return new HistoryFile(file, Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND));
        } catch (IOException e) {
            throw new AppException("cannot write " + file + ": " + AtomicFiles.describe(e), e);
        }
    }

    /** The events of a history file, in order; an incomplete last line (a crash while writing it) is left out. */
    public static List<TrainingEvent> read(Path file) {
        List<TrainingEvent> events = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return events;
        }
        try {
            for (String l : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (l.isBlank()) {
                    continue;
                }
                try {
                    events.add(JSON.readValue(l, TrainingEvent.class));
                } catch (IOException e) {
                    break;                                  // cut short: nothing after it was written whole
                }
            }
        } catch (IOException e) {
            throw new AppException("cannot read " + file + ": " + AtomicFiles.describe(e), e);
        }
        return events;
    }

    /**
     * The events of the run as a checkpoint after {@code epoch} knows it: training points and epochs after it
     * are dropped, and so are those a resume has already replaced (the unfinished epoch of a killed run).
     */
    static List<TrainingEvent> upToEpoch(List<TrainingEvent> events, int epoch) {
        List<TrainingEvent> kept = new ArrayList<>();
        for (TrainingEvent e : events) {
            if (e.type().equals("resume")) {
                kept.removeIf(k -> after(k, e.epoch()));
            }
            if (!e.type().equals("end")) {
                kept.add(e);
            }
        }
        kept.removeIf(k -> after(k, epoch));
        return kept;
    }

    /**
     * Whether {@code e} is lost when the run goes back to the end of epoch {@code epoch}: a training point or an
     * epoch after it, or a resume from it or later (the run resumes from there once more).
     */
    private static boolean after(TrainingEvent e, int epoch) {
        if (e.epoch() == null) {
            return false;
        }
        return switch (e.type()) {
            case "step", "epoch" -> e.epoch() > epoch;
            case "resume" -> e.epoch() >= epoch;
            default -> false;
        };
    }

    /** The event as one line of JSON. */
    static String line(TrainingEvent e) {
        try {
            return JSON.writeValueAsString(e) + "\n";
        } catch (IOException ex) {
            throw new IllegalStateException("cannot write an event as JSON", ex);
        }
    }

    public Path file() {
        return file;
    }

    @Override
    public void accept(TrainingEvent e) {
        try {
            out.write(line(e));
            out.flush();
        } catch (IOException ex) {
            throw new AppException("cannot write " + file + ": " + AtomicFiles.describe(ex), ex);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException ignored) {
            // every event was flushed as it came
        }
    }
}
