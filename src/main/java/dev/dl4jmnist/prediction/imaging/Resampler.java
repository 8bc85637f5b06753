package dev.dl4jmnist.prediction.imaging;

/**
 * Resizes part of an image by area averaging: each output pixel is the mean of the input area it
 * covers (with fractional edge weights), so shrinking by large factors does not alias.
 */
public final class Resampler {
    private Resampler() {
    }

    /** The whole image resized to {@code outWidth × outHeight}. */
    public static GrayImage resize(GrayImage src, int outWidth, int outHeight) {
        return resize(src, 0, 0, src.width(), src.height(), outWidth, outHeight);
    }

    /** The region (x0, y0, w, h) of {@code src} resized to {@code outWidth × outHeight}. */
    public static GrayImage resize(GrayImage src, int x0, int y0, int w, int h, int outWidth, int outHeight) {
        Weights wx = Weights.of(x0, w, outWidth);
        Weights wy = Weights.of(y0, h, outHeight);
        // horizontal pass over the rows the region uses, then vertical pass
        float[] rows = new float[h * outWidth];
        for (int y = 0; y < h; y++) {
            int base = (y0 + y) * src.width();
            for (int ox = 0; ox < outWidth; ox++) {
                double sum = 0;
                for (int k = wx.start[ox]; k < wx.start[ox + 1]; k++) {
                    sum += wx.weight[k] * src.pixels()[base + wx.index[k]];
                }
                rows[y * outWidth + ox] = (float) sum;
            }
        }
        float[] out = new float[outWidth * outHeight];
        for (int oy = 0; oy < outHeight; oy++) {
            for (int ox = 0; ox < outWidth; ox++) {
                double sum = 0;
                for (int k = wy.start[oy]; k < wy.start[oy + 1]; k++) {
                    sum += wy.weight[k] * rows[(wy.index[k] - y0) * outWidth + ox];
                }
                out[oy * outWidth + ox] = (float) sum;
            }
        }
        return new GrayImage(outWidth, outHeight, out);
    }

    /** For each output position along one axis: which input positions it covers and with what weights (summing to 1). */
    private record Weights(int[] start, int[] index, double[] weight) {
        static Weights of(int offset, int length, int outLength) {
            double scale = (double) length / outLength;
            int[] start = new int[outLength + 1];
            int capacity = outLength * ((int) Math.ceil(scale) + 2);
            int[] index = new int[capacity];
            double[] weight = new double[capacity];
            int n = 0;
            for (int o = 0; o < outLength; o++) {
                start[o] = n;
                double from = o * scale;
                double to = (o + 1) * scale;
                double total = 0;
                int first = n;
                for (int i = (int) Math.floor(from); i < Math.min(length, (int) Math.ceil(to)); i++) {
                    double overlap = Math.min(to, i + 1) - Math.max(from, i);
                    if (overlap > 1e-12) {
                        index[n] = offset + i;
                        weight[n] = overlap;
                        total += overlap;
                        n++;
                    }
                }
                for (int k = first; k < n; k++) {
                    weight[k] /= total;
                }
            }
            start[outLength] = n;
            return new Weights(start, index, weight);
        }
    }
}
