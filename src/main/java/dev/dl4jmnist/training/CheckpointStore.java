package dev.dl4jmnist.training;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dl4jmnist.AppException;
import dev.dl4jmnist.UsageException;
import dev.dl4jmnist.io.AtomicFiles;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A run's checkpoints: one zip per epoch ({@code epoch-0003.ckpt}) in one directory, each written
 * atomically, the last {@link #KEEP} kept. Each records which run wrote it (the network, its settings,
 * the images used), so a run resumes only from its own checkpoints. Reading checks every entry's CRC; a
 * truncated or damaged checkpoint is skipped for the one before it.
 */
public final class CheckpointStore implements CheckpointSink {
    /** How many checkpoints are kept (the newest). */
    public static final int KEEP = 3;
    static final int FORMAT = 1;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern NAME = Pattern.compile("epoch-(\\d{4,})\\.ckpt");

    private final Path dir;
    private final JsonNode run;

    /**
     * @param run what identifies the run that writes here (the network and its settings, the image counts),
     *            as an object Jackson writes; a checkpoint resumes only a run with the same
     */
    public CheckpointStore(Path dir, Object run) {
        this.dir = dir;
        try {
            this.run = JSON.readTree(JSON.writeValueAsBytes(run));   // as a file holds it: 4, not 4L
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write the run's settings as JSON", e);
        }
    }

    public Path directory() {
        return dir;
    }

    /** The file of {@code epoch}'s checkpoint. */
    public Path fileFor(int epoch) {
        return dir.resolve(String.format(java.util.Locale.ROOT, "epoch-%04d.ckpt", epoch));
    }

    /** Writes {@code c} atomically, then removes all but the newest {@link #KEEP}. */
    @Override
    public void write(Checkpoint c) {
        AtomicFiles.writeStream(fileFor(c.epoch()), out -> writeZip(c, out));
        List<Path> files = files();
        for (int i = KEEP; i < files.size(); i++) {
            delete(files.get(i));
        }
    }

    /** Removes every checkpoint (a run that starts afresh); returns how many there were. */
    public int clear() {
        List<Path> files = files();
        files.forEach(CheckpointStore::delete);
        return files.size();
    }

    /**
     * The newest checkpoint that reads back whole; each one skipped on the way is reported to {@code notes}
     * in one line. Empty when there is none.
     *
     * @throws UsageException when the newest readable checkpoint was written by another run (another network,
     *                        other settings or image counts)
     */
    public Optional<Checkpoint> latest(Consumer<String> notes) {
        for (Path f : files()) {
            Map<String, byte[]> entries;
            JsonNode head;
            try {
                entries = readZip(f);
                head = JSON.readTree(require(entries, "checkpoint.json"));
            } catch (IOException | RuntimeException e) {
                notes.accept("Skipping checkpoint " + f + ": damaged or incomplete (" + AtomicFiles.describe(e) + ")");
                continue;
            }
            requireSameRun(f, head.path("run"));
            try {
                return Optional.of(decode(head, entries));
            } catch (IOException | RuntimeException e) {
                notes.accept("Skipping checkpoint " + f + ": damaged or incomplete (" + AtomicFiles.describe(e) + ")");
            }
        }
        return Optional.empty();
    }

    /**
     * One checkpoint file, whichever run wrote it (to look inside; resuming goes through {@link #latest}).
     *
     * @throws AppException when it is damaged or incomplete
     */
    public static Checkpoint read(Path file) {
        try {
            Map<String, byte[]> entries = readZip(file);
            return decode(JSON.readTree(require(entries, "checkpoint.json")), entries);
        } catch (IOException | RuntimeException e) {
            throw new AppException("checkpoint " + file + " is damaged or incomplete (" + AtomicFiles.describe(e) + ")", e);
        }
    }

    /** The checkpoint files, newest (highest epoch) first. */
    List<Path> files() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(f -> NAME.matcher(f.getFileName().toString()).matches())
                    .sorted(Comparator.comparingInt(CheckpointStore::epochOf).reversed()).toList();
        } catch (IOException e) {
            throw new AppException("cannot list " + dir + ": " + AtomicFiles.describe(e), e);
        }
    }

    private static int epochOf(Path f) {
        Matcher m = NAME.matcher(f.getFileName().toString());
        return m.matches() ? Integer.parseInt(m.group(1)) : -1;
    }

    private static void delete(Path f) {
        try {
            Files.deleteIfExists(f);
        } catch (IOException e) {
            throw new AppException("cannot remove old checkpoint " + f + ": " + AtomicFiles.describe(e), e);
        }
    }

    /** Refuses, in one line naming the first difference, a checkpoint of another run. */
    private void requireSameRun(Path f, JsonNode theirs) {
        if (!run.equals(theirs)) {
            throw new UsageException("checkpoint " + f + " belongs to another run (" + difference("", theirs, run)
                    + "); resume with that run's options, or train without --resume to start afresh");
        }
    }

    /** The first setting that differs, e.g. {@code config.epochs: 3 there, 5 here}. */
    static String difference(String path, JsonNode theirs, JsonNode ours) {
        if (theirs.isObject() && ours.isObject()) {
            List<String> names = new ArrayList<>();
            ours.fieldNames().forEachRemaining(names::add);
            theirs.fieldNames().forEachRemaining(n -> {
                if (!names.contains(n)) {
                    names.add(n);
                }
            });
            for (String n : names) {
                JsonNode a = theirs.path(n);
                JsonNode b = ours.path(n);
                if (!a.equals(b)) {
                    return difference(path.isEmpty() ? n : path + "." + n, a, b);
                }
            }
        }
        return (path.isEmpty() ? "settings" : path) + ": " + show(theirs) + " there, " + show(ours) + " here";
    }

    private static String show(JsonNode n) {
        return n.isMissingNode() ? "none" : n.isTextual() ? n.asText() : n.toString();
    }

    private void writeZip(Checkpoint c, OutputStream target) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(target);
        zip.setLevel(Deflater.BEST_SPEED);
        ObjectNode head = JSON.createObjectNode();
        head.put("format", FORMAT);
        head.set("run", run);
        head.put("epoch", c.epoch());
        head.set("history", JSON.valueToTree(c.history()));
        head.set("network", counts(c.network()));
        head.set("random", JSON.valueToTree(c.random()));
        if (c.best() != null) {
            ObjectNode best = counts(c.best().network());
            best.put("epoch", c.best().epoch());
            best.put("valLoss", c.best().valLoss());
            head.set("best", best);
        }
        entry(zip, "checkpoint.json", JSON.writeValueAsBytes(head));
        entry(zip, "params.bin", floats(c.network().params()));
        entry(zip, "updater.bin", floats(c.network().updaterState()));
        entry(zip, "data-order.bin", c.dataOrder());
        if (c.best() != null) {
            entry(zip, "best-params.bin", floats(c.best().network().params()));
            entry(zip, "best-updater.bin", floats(c.best().network().updaterState()));
        }
        zip.finish();
        zip.flush();
    }

    private static ObjectNode counts(NetworkState s) {
        ObjectNode n = JSON.createObjectNode();
        n.put("iterationCount", s.iterationCount());
        n.put("epochCount", s.epochCount());
        n.set("paramsShape", JSON.valueToTree(s.params().shape()));
        n.set("updaterShape", JSON.valueToTree(s.updaterState().shape()));
        return n;
    }

    private static void entry(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }

    /** An array's floats, little-endian, in C order: its exact bits. */
    private static byte[] floats(INDArray a) {
        if (a.dataType() != DataType.FLOAT) {
            throw new IllegalStateException("checkpoints hold float32 arrays, got " + a.dataType());
        }
        float[] values = a.dup('c').data().asFloat();
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(values);
        return b.array();
    }

    private static INDArray array(byte[] bytes, long[] shape) {
        float[] values = new float[bytes.length / 4];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        if (n != values.length || bytes.length % 4 != 0) {
            throw new IllegalStateException("an array of " + values.length + " values for shape " + java.util.Arrays.toString(shape));
        }
        return Nd4j.create(values, shape, 'c');
    }

    /** Every entry, read through; ZipInputStream checks each entry's CRC and size as it ends. */
    private static Map<String, byte[]> readZip(Path f) throws IOException {
        Map<String, byte[]> entries = new HashMap<>();
        try (InputStream in = Files.newInputStream(f); ZipInputStream zip = new ZipInputStream(in)) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                zip.transferTo(bytes);
                entries.put(e.getName(), bytes.toByteArray());
            }
        }
        return entries;
    }

    private static byte[] require(Map<String, byte[]> entries, String name) throws IOException {
        byte[] b = entries.get(name);
        if (b == null) {
            throw new IOException("no " + name);
        }
        return b;
    }

    private static Checkpoint decode(JsonNode head, Map<String, byte[]> entries) throws IOException {
        if (head.path("format").asInt() != FORMAT) {
            throw new IOException("unknown format " + head.path("format"));
        }
        List<EpochStats> history = new ArrayList<>();
        for (Iterator<JsonNode> it = head.path("history").elements(); it.hasNext(); ) {
            history.add(JSON.treeToValue(it.next(), EpochStats.class));
        }
        NetworkState network = state(head.path("network"), require(entries, "params.bin"), require(entries, "updater.bin"));
        Checkpoint.Best best = null;
        if (head.has("best")) {
            JsonNode b = head.path("best");
            best = new Checkpoint.Best(b.path("epoch").asInt(), b.path("valLoss").asDouble(),
                    state(b, require(entries, "best-params.bin"), require(entries, "best-updater.bin")));
        }
        int epoch = head.path("epoch").asInt();
        if (epoch < 1 || history.size() != epoch) {
            throw new IOException("epoch " + epoch + " with " + history.size() + " epochs of history");
        }
        return new Checkpoint(epoch, history, network, JSON.treeToValue(head.path("random"), RandomState.class),
                require(entries, "data-order.bin"), best);
    }

    private static NetworkState state(JsonNode counts, byte[] params, byte[] updater) throws IOException {
        return new NetworkState(array(params, JSON.treeToValue(counts.path("paramsShape"), long[].class)),
                array(updater, JSON.treeToValue(counts.path("updaterShape"), long[].class)),
                counts.path("iterationCount").asInt(), counts.path("epochCount").asInt());
    }
}
