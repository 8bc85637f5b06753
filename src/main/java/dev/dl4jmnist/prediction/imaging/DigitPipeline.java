package dev.dl4jmnist.prediction.imaging;

import java.awt.image.BufferedImage;

/**
 * The one preprocessing pipeline for every command that reads users' pictures: gray, background and
 * polarity, threshold and normalise, drop specks and crop to the ink, fit into 20×20, centre by mass
 * in 28×28, bytes 0–255 (the model divides by 255).
 */
public final class DigitPipeline {
    /**
     * The crop takes the ink's edge where the picture is halfway between background (0) and ink (255):
     * on a blurred or smoothly enlarged picture that is where the stroke's edge was. (Measured on enlarged
     * MNIST digits: cropping at any faint ink instead makes the box too large and changes about 3% of labels.)
     */
    static final float CROP_LEVEL = 127.5f;

    private DigitPipeline() {
    }

    /**
     * Decodes a picture file's contents and prepares it, holding the decode budget's share until the
     * prepared digit is made (see {@link ImageFiles#decode}).
     *
     * @throws dev.dl4jmnist.AppException when the picture cannot be read or holds no ink
     */
    public static PreparedDigit prepare(byte[] picture, long maxPixels) {
        try (ImageFiles.Decoded decoded = ImageFiles.decode(picture, maxPixels, DecodeBudget.process())) {
            return prepare(decoded.image());
        }
    }

    /** @throws BlankImageException when the picture holds no ink */
    public static PreparedDigit prepare(BufferedImage image) {
        GrayImage gray = GrayConversion.limitSize(GrayConversion.toGray(image), GrayConversion.WORKING_SIZE);
        return prepare(gray);
    }

    /** The steps after gray conversion (gray 0–255, any polarity). */
    public static PreparedDigit prepare(GrayImage gray) {
        InkExtraction.Background background = InkExtraction.fitBackground(gray);
        try {
            return prepare(gray, background);
        } catch (BlankImageException blank) {
            // a digit that covers much of a noisy picture inflates the fit's noise (taken over every pixel), and with
            // it the bar the ink must clear: looked at again with the noise measured between neighbouring pixels,
            // which the ink's share does not sway; a picture of noise alone measures the same both ways, stays blank
            InkExtraction.Background local = InkExtraction.withPixelNoise(gray, background);
            if (local == null) {
                throw blank;
            }
            return prepare(gray, local);
        }
    }

    private static PreparedDigit prepare(GrayImage gray, InkExtraction.Background background) {
        boolean dark = InkExtraction.inkIsDark(gray, background);
        GrayImage ink = InkExtraction.inkOnBlack(gray, background, dark);
        InkExtraction.Ink normalised = InkExtraction.normalise(ink, background.noise());
        GrayImage clean = DigitFraming.removeSpecks(normalised.image(), normalised.threshold());
        DigitFraming.Box box = DigitFraming.inkBox(clean, CROP_LEVEL);
        GrayImage field = DigitFraming.centreByMass(DigitFraming.fitIntoBox(clean, box));
        return new PreparedDigit(toBytes(field), dark, box);
    }

    /** Rounds 0–255 floats to bytes (values outside are clamped). */
    public static byte[] toBytes(GrayImage image) {
        byte[] out = new byte[image.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Math.round(Math.min(255f, Math.max(0f, image.pixels()[i])));
        }
        return out;
    }
}
