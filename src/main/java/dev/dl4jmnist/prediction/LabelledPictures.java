package dev.dl4jmnist.prediction;

import dev.dl4jmnist.AppException;
import dev.dl4jmnist.io.AtomicFiles;
import dev.dl4jmnist.prediction.imaging.ImageFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A folder of pictures with their true digits: either a subfolder per digit ({@code 0/} … {@code 9/}, the
 * pictures inside by name order) or a {@code labels.csv} with the header {@code file,label} and one
 * picture per line (a path relative to the folder, then its digit).
 */
public record LabelledPictures(Path folder, String layout, List<Picture> pictures) {
    /** The labels file's name. */
    public static final String LABELS_CSV = "labels.csv";

    /** One picture and its true digit. */
    public record Picture(Path file, int digit) {
    }

    /** Reads {@code folder}'s layout; one clear error when it has neither digit subfolders nor a labels file. */
    public static LabelledPictures in(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new AppException(folder + " is not a folder of labelled pictures");
        }
        Path csv = folder.resolve(LABELS_CSV);
        if (Files.isRegularFile(csv)) {
            return new LabelledPictures(folder, LABELS_CSV, fromCsv(folder, csv));
        }
        List<Picture> pictures = new ArrayList<>();
        for (int digit = 0; digit <= 9; digit++) {
            Path sub = folder.resolve(Integer.toString(digit));
            if (!Files.isDirectory(sub)) {
                continue;
            }
            try (Stream<Path> files = Files.list(sub)) {
                for (Path f : files.filter(f -> Files.isRegularFile(f) && ImageFiles.hasImageExtension(f))
                        .sorted(Comparator.comparing(Path::toString)).toList()) {
                    pictures.add(new Picture(f, digit));
                }
            } catch (IOException e) {
                throw new AppException("cannot list " + sub + ": " + AtomicFiles.describe(e), e);
            }
        }
        if (pictures.isEmpty()) {
            throw new AppException(folder + " has no labelled pictures: put them in subfolders 0 to 9, or list them in "
                    + LABELS_CSV + " (header file,label)");
        }
        return new LabelledPictures(folder, "digit folders", pictures);
    }

    private static List<Picture> fromCsv(Path folder, Path csv) {
        List<String> lines;
        try {
            lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AppException("cannot read " + csv + ": " + AtomicFiles.describe(e), e);
        }
        if (lines.isEmpty() || !lines.get(0).strip().equalsIgnoreCase("file,label")) {
            throw new AppException(csv + ": the first line must be the header file,label");
        }
        List<Picture> pictures = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            int comma = line.lastIndexOf(',');          // file names may hold commas; the label cannot
            String label = comma < 0 ? "" : line.substring(comma + 1).strip();
            if (comma <= 0 || !label.matches("[0-9]")) {
                throw new AppException(csv + " line " + (i + 1) + ": expected a file and a digit 0-9, got '" + line + "'");
            }
            pictures.add(new Picture(folder.resolve(line.substring(0, comma).strip()), label.charAt(0) - '0'));
        }
        if (pictures.isEmpty()) {
            throw new AppException(csv + " lists no pictures");
        }
        return pictures;
    }
}
