package dev.dl4jmnist.prediction.imaging;

import dev.dl4jmnist.data.MnistImages;

import javax.imageio.ImageIO;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;

/**
 * Turns MNIST test images into pictures like users' own: enlarged 4–10× (bicubic), dark ink on light (tinted)
 * paper, placed off-centre on a larger sheet, with mild sensor noise, saved as PNG or JPEG.
 */
public final class RealisticDigits {
    private final Random random;
    private final float[] gaussian = new float[1 << 16];

    public RealisticDigits(long seed) {
        random = new Random(seed);
        for (int i = 0; i < gaussian.length; i++) {
            gaussian[i] = (float) random.nextGaussian();
        }
    }

    /** Writes image {@code index} of {@code mnist} into {@code dir} as {@code name.png} or {@code name.jpg}; returns the file. */
    public Path write(MnistImages mnist, int index, Path dir, String name, boolean jpeg) throws IOException {
        BufferedImage picture = picture(mnist, index);
        Path file = dir.resolve(name + (jpeg ? ".jpg" : ".png"));
        if (!ImageIO.write(picture, jpeg ? "jpg" : "png", file.toFile())) {
            throw new IOException("no writer for " + file);
        }
        return file;
    }

    public BufferedImage picture(MnistImages mnist, int index) {
        int scale = 4 + random.nextInt(7);                       // 4..10
        BufferedImage small = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
        for (int r = 0; r < 28; r++) {
            for (int c = 0; c < 28; c++) {
                int v = mnist.pixel(index, r, c);
                small.getRaster().setSample(c, r, 0, v);
            }
        }
        int side = 28 * scale;
        BufferedImage big = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = big.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.drawImage(small, 0, 0, side, side, null);
        g.dispose();

        int left = random.nextInt(side), right = random.nextInt(side / 4 + 1);
        int top = random.nextInt(side / 4 + 1), bottom = random.nextInt(side);
        if (random.nextBoolean()) {                               // off-centre either way
            int t = left; left = right; right = t;
        }
        int w = side + left + right, h = side + top + bottom;
        int[] paper = {235 + random.nextInt(20), 230 + random.nextInt(20), 215 + random.nextInt(25)};
        int[] ink = {20 + random.nextInt(30), 20 + random.nextInt(30), 40 + random.nextInt(60)};
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] row = new int[w];
        int[] digitRow = new int[side];
        int noise = random.nextInt(gaussian.length);
        for (int y = 0; y < h; y++) {
            int by = y - top;
            boolean inside = by >= 0 && by < side;
            if (inside) {
                big.getRaster().getSamples(0, by, side, 1, 0, digitRow);
            }
            for (int x = 0; x < w; x++) {
                int bx = x - left;
                float v = inside && bx >= 0 && bx < side ? digitRow[bx] / 255f : 0f;
                int rgb = 0;
                for (int ch = 0; ch < 3; ch++) {
                    noise = (noise + 1 + random.nextInt(64)) & (gaussian.length - 1);     // mild sensor noise, sd 5 levels
                    float value = paper[ch] + (ink[ch] - paper[ch]) * v + gaussian[noise] * 5;
                    rgb = (rgb << 8) | Math.max(0, Math.min(255, Math.round(value)));
                }
                row[x] = rgb;
            }
            out.setRGB(0, y, w, 1, row, 0, w);
        }
        return out;
    }
}
