package dev.dl4jmnist.app;

import dev.dl4jmnist.AppException;
import dev.dl4jmnist.prediction.Corrections;

import java.nio.file.Path;

/**
 * {@code serve --corrections DIR}: keeps the drawing page's corrections ("that's wrong, it is a …") in
 * {@code folder}, append-only, atomically and within {@code maxBytes}, for {@code train --fine-tune}.
 */
public record KeepCorrections(Path folder, long maxBytes) {
    /** The default size limit of the folder: 100 MB. */
    public static final long DEFAULT_MAX_BYTES = 100L << 20;

    /**
     * Keeps one picture with its label; returns where, relative to the folder (with {@code /}).
     *
     * @throws FolderFull   when the folder has no room left
     * @throws AppException when the picture holds no digit or cannot be read
     */
    public String keep(int label, byte[] picture) {
        try {
            Path saved = Corrections.append(folder, label, picture, maxBytes);
            return folder.relativize(saved).toString().replace('\\', '/');
        } catch (Corrections.FolderFullException e) {
            throw new FolderFull(e.getMessage());
        }
    }

    /** The folder is full: nothing more is kept until it is emptied. */
    public static final class FolderFull extends AppException {
        FolderFull(String message) {
            super(message);
        }
    }
}
