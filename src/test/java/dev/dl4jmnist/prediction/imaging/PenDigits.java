package dev.dl4jmnist.prediction.imaging;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Digits written with a pen, the way people write them: each digit is one of a few common letterforms
 * (a 1 with or without its flag and foot, an open or closed 4, a 7 with or without a bar, a 9 with a
 * straight or curved tail…) drawn as smooth strokes through hand-placed points, each point moved at
 * random, the whole digit slanted, turned, narrowed or widened, with a stroke from a fine pen to a
 * marker, in ink on paper or chalk on a board, off-centre on a larger sheet, with noise. Seeded: the
 * same seed gives the same pictures.
 */
public final class PenDigits {
    /**
     * Letterforms per digit: strokes of points in a box 0..1 wide (x, to the right) and 0..1 high (y,
     * downwards). Points are joined by a smooth curve through them.
     */
    private static final double[][][][] FORMS = {
            {   // 0: an oval, starting at the top; a narrower one
                    {{0.5, 0.02, 0.15, 0.15, 0.02, 0.5, 0.15, 0.85, 0.5, 0.98, 0.85, 0.85, 0.98, 0.5, 0.85, 0.15, 0.52, 0.02}},
                    {{0.55, 0.02, 0.25, 0.2, 0.18, 0.55, 0.3, 0.9, 0.55, 0.98, 0.78, 0.8, 0.82, 0.4, 0.72, 0.1, 0.5, 0.04}}},
            {   // 1: a bare stroke; with a flag; with a flag and a foot
                    {{0.55, 0.0, 0.5, 1.0}},
                    {{0.2, 0.25, 0.6, 0.0, 0.6, 1.0}},
                    {{0.25, 0.22, 0.6, 0.0, 0.6, 1.0}, {0.3, 1.0, 0.9, 1.0}}},
            {   // 2: a hook, a diagonal and a base; with a loop at the turn
                    {{0.1, 0.25, 0.45, 0.0, 0.85, 0.2, 0.75, 0.5, 0.1, 1.0, 0.95, 0.98}},
                    {{0.1, 0.2, 0.5, 0.0, 0.9, 0.25, 0.6, 0.6, 0.15, 0.95, 0.35, 0.85, 0.55, 0.97, 0.95, 1.0}}},
            {   // 3: two bows; a flat top
                    {{0.1, 0.12, 0.5, 0.0, 0.85, 0.2, 0.45, 0.48, 0.9, 0.72, 0.55, 1.0, 0.08, 0.88}},
                    {{0.1, 0.02, 0.85, 0.02, 0.4, 0.42, 0.85, 0.6, 0.8, 0.92, 0.4, 1.0, 0.08, 0.88}}},
            {   // 4: open (two strokes); closed (a triangle and a stem)
                    {{0.45, 0.0, 0.08, 0.65, 0.95, 0.65}, {0.72, 0.3, 0.72, 1.0}},
                    {{0.7, 1.0, 0.7, 0.0, 0.05, 0.68, 0.98, 0.68}}},
            {   // 5: stem and belly, then the flag; written in one stroke
                    {{0.2, 0.02, 0.15, 0.45, 0.6, 0.4, 0.9, 0.7, 0.55, 1.0, 0.08, 0.9}, {0.2, 0.02, 0.9, 0.02}},
                    {{0.9, 0.02, 0.22, 0.02, 0.15, 0.45, 0.6, 0.4, 0.92, 0.72, 0.5, 1.0, 0.05, 0.88}}},
            {   // 6: a sweep down into a loop; a straighter back
                    {{0.8, 0.05, 0.35, 0.25, 0.1, 0.7, 0.45, 1.0, 0.85, 0.75, 0.55, 0.5, 0.15, 0.65}},
                    {{0.6, 0.0, 0.2, 0.5, 0.2, 0.85, 0.5, 1.0, 0.82, 0.8, 0.6, 0.55, 0.22, 0.68}}},
            {   // 7: bar and diagonal; with a crossbar; with a curved stem
                    {{0.05, 0.02, 0.95, 0.02, 0.35, 1.0}},
                    {{0.05, 0.02, 0.95, 0.02, 0.4, 1.0}, {0.35, 0.52, 0.85, 0.52}},
                    {{0.05, 0.08, 0.5, 0.0, 0.95, 0.04, 0.6, 0.45, 0.45, 1.0}}},
            {   // 8: an S and back up; two stacked loops
                    {{0.85, 0.15, 0.5, 0.0, 0.15, 0.2, 0.5, 0.48, 0.9, 0.75, 0.5, 1.0, 0.1, 0.75, 0.5, 0.48, 0.85, 0.2}},
                    {{0.5, 0.48, 0.2, 0.25, 0.5, 0.0, 0.8, 0.25, 0.5, 0.48, 0.12, 0.75, 0.5, 1.0, 0.88, 0.75, 0.5, 0.48}}},
            {   // 9: a loop and a straight stem; a loop and a curved tail
                    {{0.85, 0.3, 0.5, 0.5, 0.12, 0.28, 0.5, 0.0, 0.85, 0.25, 0.85, 1.0}},
                    {{0.85, 0.25, 0.5, 0.48, 0.12, 0.25, 0.5, 0.0, 0.88, 0.3, 0.65, 0.8, 0.3, 1.0}}},
    };

    private final Random random;

    public PenDigits(long seed) {
        random = new Random(seed);
    }

    /** One picture of {@code digit}: a random letterform, hand, pen, surface, place and noise. */
    public BufferedImage picture(int digit) {
        double[][][] forms = FORMS[digit];
        double[][] form = forms[random.nextInt(forms.length)];
        int height = 40 + random.nextInt(161);                       // 40..200 px
        double width = height * (0.5 + random.nextDouble() * 0.3);    // digits are narrower than tall
        double wobble = 0.015 + random.nextDouble() * 0.035;          // how unsteady the hand is
        AffineTransform hand = new AffineTransform();
        hand.rotate(Math.toRadians((random.nextDouble() * 2 - 1) * 10));
        hand.shear((random.nextDouble() * 2 - 1) * 0.35, 0);          // slant either way
        hand.scale(width, height);

        List<Path2D> strokes = new ArrayList<>();
        for (double[] points : form) {
            List<Point2D> moved = new ArrayList<>();
            for (int i = 0; i < points.length; i += 2) {
                double x = points[i] + random.nextGaussian() * wobble, y = points[i + 1] + random.nextGaussian() * wobble;
                moved.add(hand.transform(new Point2D.Double(x, y), null));
            }
            strokes.add(smooth(moved));
        }

        boolean chalk = random.nextInt(4) == 0;                       // light on dark a quarter of the time
        float pen = (float) (height * (0.04 + random.nextDouble() * 0.1));
        int margin = (int) Math.ceil(pen) + 2;
        java.awt.Rectangle bounds = strokes.get(0).getBounds();
        for (Path2D s : strokes) {
            bounds = bounds.union(s.getBounds());
        }
        int w = bounds.width + 2 * margin + random.nextInt(bounds.width * 2 + 1);
        int h = bounds.height + 2 * margin + random.nextInt(bounds.height + 1);
        int x = margin + random.nextInt(w - bounds.width - 2 * margin + 1) - bounds.x;
        int y = margin + random.nextInt(h - bounds.height - 2 * margin + 1) - bounds.y;

        Color paper = chalk ? shade(25 + random.nextInt(60), 15) : shade(200 + random.nextInt(55), 15);
        Color ink = chalk ? shade(200 + random.nextInt(55), 10) : random.nextInt(3) == 0
                ? new Color(20 + random.nextInt(40), 30 + random.nextInt(50), 110 + random.nextInt(100))   // blue ink
                : shade(random.nextInt(100), 10);                                                            // pencil to black
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setColor(paper);
        g.fillRect(0, 0, w, h);
        g.translate(x, y);
        g.setColor(ink);
        g.setStroke(new BasicStroke(pen, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        for (Path2D s : strokes) {
            g.draw(s);
        }
        g.dispose();
        texture(image, paper, chalk ? 0.35 : random.nextDouble() * 0.25, random.nextDouble() * 10);
        return image;
    }

    /** A smooth curve through {@code points} (Catmull-Rom, as cubic Béziers). */
    private static Path2D smooth(List<Point2D> points) {
        Path2D path = new Path2D.Double();
        path.moveTo(points.get(0).getX(), points.get(0).getY());
        for (int i = 0; i < points.size() - 1; i++) {
            Point2D p0 = points.get(Math.max(0, i - 1)), p1 = points.get(i), p2 = points.get(i + 1);
            Point2D p3 = points.get(Math.min(points.size() - 1, i + 2));
            path.curveTo(p1.getX() + (p2.getX() - p0.getX()) / 6, p1.getY() + (p2.getY() - p0.getY()) / 6,
                    p2.getX() - (p3.getX() - p1.getX()) / 6, p2.getY() - (p3.getY() - p1.getY()) / 6,
                    p2.getX(), p2.getY());
        }
        return path;
    }

    private Color shade(int level, int spread) {
        return new Color(clamp(level + random.nextInt(2 * spread + 1) - spread),
                clamp(level + random.nextInt(2 * spread + 1) - spread), clamp(level + random.nextInt(2 * spread + 1) - spread));
    }

    /**
     * Uneven ink (chalk and pencil leave gaps: each inked pixel keeps only part of its ink with
     * probability {@code gaps}) and sensor noise of standard deviation {@code noise} levels.
     */
    private void texture(BufferedImage image, Color paper, double gaps, double noise) {
        int pr = paper.getRed(), pg = paper.getGreen(), pb = paper.getBlue();
        for (int yy = 0; yy < image.getHeight(); yy++) {
            for (int xx = 0; xx < image.getWidth(); xx++) {
                int rgb = image.getRGB(xx, yy);
                int r = (rgb >> 16) & 0xFF, gr = (rgb >> 8) & 0xFF, b = rgb & 0xFF;
                if ((r != pr || gr != pg || b != pb) && random.nextDouble() < gaps) {
                    double keep = 0.3 + random.nextDouble() * 0.5;        // part of the ink is missing here
                    r = (int) Math.round(pr + (r - pr) * keep);
                    gr = (int) Math.round(pg + (gr - pg) * keep);
                    b = (int) Math.round(pb + (b - pb) * keep);
                }
                int n = (int) Math.round(random.nextGaussian() * noise);
                image.setRGB(xx, yy, (clamp(r + n) << 16) | (clamp(gr + n) << 8) | clamp(b + n));
            }
        }
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }
}
