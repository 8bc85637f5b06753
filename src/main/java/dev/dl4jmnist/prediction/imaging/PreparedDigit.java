package dev.dl4jmnist.prediction.imaging;

import dev.dl4jmnist.data.MnistImages;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/**
 * A picture prepared the way MNIST was: 28×28 bytes, row-major, 0 = black background, 255 = white ink —
 * exactly what the model sees (divided by 255). Also records what preprocessing found.
 *
 * @param darkInk whether the source had dark ink on a light background (and was inverted)
 * @param inkBox  the digit's box in the working-size picture (see {@link GrayConversion#WORKING_SIZE})
 */
public record PreparedDigit(byte[] pixels, boolean darkInk, DigitFraming.Box inkBox) {
    public static final int SIDE = DigitFraming.FIELD;

    /** Pixel (row, column) as 0–255. */
    public int pixel(int row, int col) {
        return pixels[row * SIDE + col] & 0xFF;
    }

    /** The model's input: 784 values in [0, 1], as MNIST's bytes divided by 255. */
    public float[] modelInput() {
        return MnistImages.scale(pixels);
    }

    /** The 28×28 image as an 8-bit gray picture (for saving as PNG). */
    public BufferedImage toImage() {
        BufferedImage image = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_BYTE_GRAY);
        byte[] data = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        System.arraycopy(pixels, 0, data, 0, pixels.length);
        return image;
    }
}
