package dev.dl4jmnist.server;

import dev.dl4jmnist.data.MnistImages;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Pictures like the drawing page sends: 280×280, white ink on black, as PNG bytes. */
final class DrawnDigits {
    static final int SIDE = 280;
    /** The page's stroke width (web/app.js). */
    static final float STROKE = 20f;

    private DrawnDigits() {
    }

    /** MNIST image {@code index} enlarged 10× (bicubic) to 280×280. */
    static byte[] mnist(MnistImages images, int index) {
        BufferedImage small = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
        for (int r = 0; r < 28; r++) {
            for (int c = 0; c < 28; c++) {
                small.getRaster().setSample(c, r, 0, images.pixel(index, r, c));
            }
        }
        BufferedImage big = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = big.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.drawImage(small, 0, 0, SIDE, SIDE, null);
        g.dispose();
        return png(big);
    }

    /** A pen stroke through the points {x0, y0, x1, y1, ...} on the black pad. */
    static byte[] stroke(int... xy) {
        BufferedImage pad = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = pad.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke(STROKE, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        Path2D.Float path = new Path2D.Float();
        path.moveTo(xy[0], xy[1]);
        for (int i = 2; i < xy.length; i += 2) {
            path.lineTo(xy[i], xy[i + 1]);
        }
        g.draw(path);
        g.dispose();
        return png(pad);
    }

    /** A closed oval loop: a drawn 0. */
    static byte[] loop() {
        int[] xy = new int[2 * 41];
        for (int i = 0; i <= 40; i++) {
            double a = 2 * Math.PI * i / 40;
            xy[2 * i] = (int) Math.round(140 + 55 * Math.sin(a));
            xy[2 * i + 1] = (int) Math.round(140 - 85 * Math.cos(a));
        }
        return stroke(xy);
    }

    static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
