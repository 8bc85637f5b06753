package dev.dl4jmnist.prediction.imaging;

import dev.dl4jmnist.AppException;

/** The picture has no ink to read: it is uniform, or holds only noise or specks. */
public final class BlankImageException extends AppException {
    public BlankImageException() {
        super("no digit found: the image is blank (no ink stands out from the background)");
    }
}
