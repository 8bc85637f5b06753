package dev.dl4jmnist.data;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.dl4jmnist.AppException;

/**
 * How much training images are varied: each image is shifted by up to {@code maxShift} pixels, turned
 * by up to {@code maxRotation} degrees, scaled by up to ±{@code maxScale} (0.1 = 10%), slanted by up
 * to ±{@code maxShear} (a horizontal shear: 0.3 moves the top 0.3 pixels right per pixel of height), bent
 * by a smooth random warp ({@code warp}: the typical displacement in pixels of a 4×4 grid of control
 * points, interpolated between them; 0 for none), and with
 * probability {@code strokeChange} its strokes are made one pixel thicker or thinner. Off when
 * {@code enabled} is false.
 */
public record Augmentation(@JsonProperty(required = true) boolean enabled,
                           @JsonProperty(required = true) double maxShift,
                           @JsonProperty(required = true) double maxRotation,
                           @JsonProperty(required = true) double maxScale,
                           @JsonProperty(required = true) double maxShear,
                           @JsonProperty(required = true) double warp,
                           @JsonProperty(required = true) double strokeChange) {

    public Augmentation {
        require(maxShift >= 0 && maxShift <= 8, "augmentation maxShift must be in [0, 8] pixels, got " + maxShift);
        require(maxRotation >= 0 && maxRotation <= 45, "augmentation maxRotation must be in [0, 45] degrees, got " + maxRotation);
        require(maxScale >= 0 && maxScale < 0.5, "augmentation maxScale must be in [0, 0.5), got " + maxScale);
        require(maxShear >= 0 && maxShear <= 1, "augmentation maxShear must be in [0, 1], got " + maxShear);
        require(warp >= 0 && warp <= 4, "augmentation warp must be in [0, 4] pixels, got " + warp);
        require(strokeChange >= 0 && strokeChange <= 1, "augmentation strokeChange must be in [0, 1], got " + strokeChange);
    }

    /** No variation: the images as MNIST has them. */
    public static final Augmentation NONE = new Augmentation(false, 0, 0, 0, 0, 0, 0);

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new AppException(message);
        }
    }

    public Augmentation withEnabled(boolean v) {
        return new Augmentation(v, maxShift, maxRotation, maxScale, maxShear, warp, strokeChange);
    }
}
