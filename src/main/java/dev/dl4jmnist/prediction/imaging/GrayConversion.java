package dev.dl4jmnist.prediction.imaging;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.util.Arrays;

/**
 * First step: any decoded picture (colour, palette, gray, with or without alpha) to luminance 0–255,
 * shrunk to a working size. Transparent pixels take the backdrop that contrasts with the opaque
 * ones, so a dark digit on a transparent canvas and a light one both stay visible.
 */
public final class GrayConversion {
    /** Longest side the later steps work on; larger pictures are shrunk by area averaging first. */
    public static final int WORKING_SIZE = 1024;

    private GrayConversion() {
    }

    /** Luminance (ITU-R BT.601: 0.299 R + 0.587 G + 0.114 B), alpha composited over a contrasting backdrop. */
    public static GrayImage toGray(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        float[] lum = new float[w * h];
        float[] alpha = null;                      // made at the first translucent pixel: most pictures have none
        double opaqueLum = 0;
        double opaqueWeight = 0;
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            argbRow(image, y, row);
            for (int x = 0; x < w; x++) {
                int argb = row[x];
                int i = y * w + x;
                float l = 0.299f * ((argb >> 16) & 0xFF) + 0.587f * ((argb >> 8) & 0xFF) + 0.114f * (argb & 0xFF);
                lum[i] = l;
                int alpha8 = (argb >>> 24) & 0xFF;
                if (alpha == null) {
                    if (alpha8 == 0xFF) {
                        continue;
                    }
                    alpha = new float[w * h];           // the first translucent pixel: all before it are opaque,
                    Arrays.fill(alpha, 0, i, 1f);       // and their sums are taken now, in the same order
                    for (int j = 0; j < i; j++) {
                        opaqueLum += lum[j];
                    }
                    opaqueWeight = i;
                }
                float a = alpha8 / 255f;
                alpha[i] = a;
                opaqueLum += a * l;
                opaqueWeight += a;
            }
        }
        if (alpha != null) {
            float backdrop = opaqueWeight > 0 && opaqueLum / opaqueWeight >= 128 ? 0f : 255f;
            for (int i = 0; i < lum.length; i++) {
                lum[i] = alpha[i] * lum[i] + (1 - alpha[i]) * backdrop;
            }
        }
        return new GrayImage(w, h, lum);
    }

    /**
     * Row {@code y} as packed ARGB, exactly as {@link BufferedImage#getRGB(int, int, int, int, int[], int, int)}
     * gives it. The common 8-bit sRGB layouts that decoders produce (PNG, JPEG, BMP) are read straight from
     * their pixel buffer, where the values are the same bytes without a colour model call per pixel; any
     * other layout goes through getRGB.
     */
    static void argbRow(BufferedImage image, int y, int[] row) {
        int w = row.length;
        int h = image.getHeight();
        int samples = image.getRaster().getDataBuffer().getSize();   // a sub-image shares a larger buffer: not read directly
        int type = switch (image.getType()) {
            case BufferedImage.TYPE_3BYTE_BGR -> samples == w * h * 3 ? image.getType() : BufferedImage.TYPE_CUSTOM;
            case BufferedImage.TYPE_4BYTE_ABGR -> samples == w * h * 4 ? image.getType() : BufferedImage.TYPE_CUSTOM;
            case BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_ARGB -> samples == w * h ? image.getType() : BufferedImage.TYPE_CUSTOM;
            default -> BufferedImage.TYPE_CUSTOM;
        };
        switch (type) {
            case BufferedImage.TYPE_3BYTE_BGR -> {
                byte[] data = bytes(image);
                for (int x = 0, i = y * w * 3; x < w; x++, i += 3) {
                    row[x] = 0xFF000000 | (data[i + 2] & 0xFF) << 16 | (data[i + 1] & 0xFF) << 8 | (data[i] & 0xFF);
                }
            }
            case BufferedImage.TYPE_4BYTE_ABGR -> {
                byte[] data = bytes(image);
                for (int x = 0, i = y * w * 4; x < w; x++, i += 4) {
                    row[x] = (data[i] & 0xFF) << 24 | (data[i + 3] & 0xFF) << 16 | (data[i + 2] & 0xFF) << 8 | (data[i + 1] & 0xFF);
                }
            }
            case BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_ARGB -> {
                int[] data = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
                int opaque = type == BufferedImage.TYPE_INT_RGB ? 0xFF000000 : 0;
                for (int x = 0, i = y * w; x < w; x++, i++) {
                    row[x] = data[i] | opaque;
                }
            }
            default -> image.getRGB(0, y, w, 1, row, 0, w);
        }
    }

    private static byte[] bytes(BufferedImage image) {
        return ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
    }

    /** The image shrunk (never enlarged) so its longer side is at most {@code maxSide}, keeping its aspect ratio. */
    public static GrayImage limitSize(GrayImage image, int maxSide) {
        int longer = Math.max(image.width(), image.height());
        if (longer <= maxSide) {
            return image;
        }
        double s = (double) maxSide / longer;
        int w = Math.max(1, (int) Math.round(image.width() * s));
        int h = Math.max(1, (int) Math.round(image.height() * s));
        return Resampler.resize(image, w, h);
    }
}
