package dev.dl4jmnist.data;

import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.util.Random;

import static dev.dl4jmnist.data.NonDigitCanvas.between;

/**
 * Pen drawings for the non-digit pictures: scribbles (smooth random strokes) and line art (grids,
 * hatching, crossing lines, concentric outlines, arrows, rays), in white on a framed canvas.
 */
final class NonDigitStrokes {
    /** Fewest points a lone scribbled stroke passes through, so it turns at least six times. */
    static final int LONE_STROKE_POINTS = 8;
    /** Picture pixels of black, at the least, between neighbouring lines of a grid, hatching or concentric outlines. */
    static final double LEAST_GAP = 2;

    private NonDigitStrokes() {
    }

    /**
     * One to four smooth strokes through random points. A lone stroke passes through at least
     * {@value #LONE_STROKE_POINTS} points and ends far from where it began, so it is neither a near-straight
     * line (a 1) nor a closed loop (a 0); two strokes pass through five or six points each (with fewer,
     * two zigzags make a Z, a 2), more strokes through four or five.
     */
    static void scribble(Graphics2D g, Random random, double size, double centre) {
        int strokes = 1 + random.nextInt(4);
        g.setColor(NonDigitCanvas.grey(1));
        g.setStroke(NonDigitCanvas.pen(between(random, 1.2, 2.8) * size / NonDigitCanvas.BOX));
        for (int s = 0; s < strokes; s++) {
            int count = strokes == 1 ? LONE_STROKE_POINTS + random.nextInt(4) : strokes == 2 ? 5 + random.nextInt(2) : 4 + random.nextInt(2);
            g.draw(smooth(strokePoints(random, count, size, centre, strokes == 1), false));
        }
    }

    /** Random points in the drawing's square, each a fair step from the one before; the last far from the first when {@code open}. */
    private static Point2D[] strokePoints(Random random, int count, double size, double centre, boolean open) {
        Point2D[] points = new Point2D[count];
        for (int i = 0; i < count; i++) {
            Point2D p;
            int tries = 0;
            do {
                p = new Point2D.Double(centre + between(random, -0.5, 0.5) * size, centre + between(random, -0.5, 0.5) * size);
            } while (++tries < 20 && (i > 0 && p.distance(points[i - 1]) < 0.3 * size
                    || open && i == count - 1 && p.distance(points[0]) < 0.45 * size));
            points[i] = p;
        }
        return points;
    }

    /**
     * The smooth curve through {@code points} (Catmull-Rom, as cubic Bézier pieces), back to the first
     * point when {@code closed}.
     */
    static Path2D smooth(Point2D[] points, boolean closed) {
        int n = points.length;
        Path2D path = new Path2D.Double();
        path.moveTo(points[0].getX(), points[0].getY());
        int pieces = closed ? n : n - 1;
        for (int i = 0; i < pieces; i++) {
            Point2D before = points[closed ? (i - 1 + n) % n : Math.max(0, i - 1)];
            Point2D from = points[i];
            Point2D to = points[(i + 1) % n];
            Point2D after = points[closed ? (i + 2) % n : Math.min(n - 1, i + 2)];
            path.curveTo(from.getX() + (to.getX() - before.getX()) / 6, from.getY() + (to.getY() - before.getY()) / 6,
                    to.getX() - (after.getX() - from.getX()) / 6, to.getY() - (after.getY() - from.getY()) / 6,
                    to.getX(), to.getY());
        }
        if (closed) {
            path.closePath();
        }
        return path;
    }

    /** One of six kinds of line drawing, in a pen 1–2.4 picture pixels wide (concentric outlines 1–1.6). */
    static void lineArt(Graphics2D g, Random random, double size, double centre) {
        double unit = size / NonDigitCanvas.BOX;
        double pen = between(random, 1, 2.4) * unit;
        g.setColor(NonDigitCanvas.grey(1));
        g.setStroke(NonDigitCanvas.pen(pen));
        switch (random.nextInt(6)) {
            case 0 -> grid(g, random, size, centre, pen + LEAST_GAP * unit);
            case 1 -> hatching(g, random, size, centre, pen + LEAST_GAP * unit);
            case 2 -> crossingLines(g, random, size, centre);
            case 3 -> concentric(g, random, size, centre);
            case 4 -> arrows(g, random, size, centre);
            default -> rays(g, random, size, centre);
        }
    }

    /** Rows and columns of lines, at least {@code pitch} apart, sometimes boxed, the whole turned up to 30°. */
    private static void grid(Graphics2D g, Random random, double size, double centre, double pitch) {
        double w = size * between(random, 0.6, 1);
        double h = size * between(random, 0.6, 1);
        boolean boxed = random.nextBoolean();
        int columns = lineCount(random, w, pitch, boxed);
        int rows = lineCount(random, h, pitch, boxed);
        double overhang = boxed ? 0 : between(random, 0, 0.15);
        Path2D lines = new Path2D.Double();
        for (int c = 0; c < columns; c++) {
            double x = -w / 2 + w * (boxed ? c + 1 : c + 0.5) / (boxed ? columns + 1 : columns);
            lines.append(new Line2D.Double(x, -h / 2 - overhang * h, x, h / 2 + overhang * h), false);
        }
        for (int r = 0; r < rows; r++) {
            double y = -h / 2 + h * (boxed ? r + 1 : r + 0.5) / (boxed ? rows + 1 : rows);
            lines.append(new Line2D.Double(-w / 2 - overhang * w, y, w / 2 + overhang * w, y), false);
        }
        if (boxed) {
            lines.append(new Rectangle2D.Double(-w / 2, -h / 2, w, h), false);
        }
        g.draw(turned(lines, between(random, -30, 30), centre));
    }

    /** Two to five lines across {@code length}, fewer if they would come closer than {@code pitch}; inside a box one at the least. */
    private static int lineCount(Random random, double length, double pitch, boolean boxed) {
        int most = (int) (length / pitch) - (boxed ? 1 : 0);
        return Math.max(boxed ? 1 : 2, Math.min(most, 2 + random.nextInt(4)));
    }

    /** An outlined region filled with parallel lines at least {@code pitch} apart, sometimes crossed by a second set. */
    private static void hatching(Graphics2D g, Random random, double size, double centre, double pitch) {
        Shape region = NonDigitShapes.cornered(random, centre, centre, size / 2);
        float width = ((BasicStroke) g.getStroke()).getLineWidth();
        double gap = pitch + between(random, 0, 1.5) * size / NonDigitCanvas.BOX;
        double angle = between(random, 0, 180);
        Path2D lines = parallelLines(size, gap, angle, centre);
        if (random.nextDouble() < 0.4) {
            lines.append(parallelLines(size, gap, angle + between(random, 50, 130), centre), false);
        }
        NonDigitShapes.fillWithin(g, new BasicStroke(width).createStrokedShape(lines), region);
        g.draw(region);             // without it, the bits of lines in a star's points are a random jumble
    }

    /** Lines {@code gap} apart at {@code angle} degrees, covering a square of side {@code size} about the centre. */
    static Path2D parallelLines(double size, double gap, double angle, double centre) {
        Path2D lines = new Path2D.Double();
        for (double offset = -size; offset <= size; offset += gap) {
            lines.append(new Line2D.Double(offset, -size, offset, size), false);
        }
        return new Path2D.Double(turned(lines, angle, centre));
    }

    /** Three to six straight lines at well-separated angles, crossing near the centre. */
    private static void crossingLines(Graphics2D g, Random random, double size, double centre) {
        int count = 3 + random.nextInt(4);
        double angle = between(random, 0, 180);
        for (int i = 0; i < count; i++) {
            angle += 180.0 / count * between(random, 0.75, 1.25);
            double length = size * between(random, 0.6, 1);
            Path2D line = new Path2D.Double(new Line2D.Double(-length / 2, 0, length / 2, 0));
            line.transform(AffineTransform.getTranslateInstance(between(random, -0.2, 0.2) * size, between(random, -0.2, 0.2) * size));
            g.draw(turned(line, angle, centre));
        }
    }

    /**
     * Three or more concentric ellipses, or two or more concentric polygons or stars (up to five), in a pen
     * 1–1.6 pixels wide and at least {@link #LEAST_GAP} pixels apart, sometimes with a dot in the middle.
     */
    private static void concentric(Graphics2D g, Random random, double size, double centre) {
        double unit = size / NonDigitCanvas.BOX;
        double pen = between(random, 1, 1.6) * unit;
        g.setStroke(NonDigitCanvas.pen(pen));
        boolean round = random.nextBoolean();
        double inner = round ? between(random, 0.1, 0.25) : between(random, 0.15, 0.35);
        int most = 1 + (int) (size / 2 * (1 - inner) / (pen + LEAST_GAP * unit));
        int count = Math.max(round ? 3 : 2, Math.min(most, (round ? 3 : 2) + random.nextInt(3)));
        double aspect = between(random, 0.7, 1);
        int corners = 3 + random.nextInt(4);
        boolean star = !round && random.nextDouble() < 0.3;
        double angle = between(random, 0, 360);
        for (int i = 0; i < count; i++) {
            double radius = size / 2 * (1 - (1 - inner) * i / (count - 1));
            Shape ring = round ? new Ellipse2D.Double(-radius, -radius * aspect, 2 * radius, 2 * radius * aspect)
                    : NonDigitShapes.regular(corners, radius, star ? 0.5 : 1);
            g.draw(turned(ring, angle, centre));
        }
        if (random.nextBoolean()) {
            double dot = size * 0.06;
            g.fill(new Ellipse2D.Double(centre - dot, centre - dot, 2 * dot, 2 * dot));
        }
    }

    /**
     * One arrow lying within 35° of the horizontal (an upright one could pass for a 1), or two or three
     * arrows pointing out from a common tail, two of them never in one line (which would be one upright
     * double arrow at times).
     */
    private static void arrows(Graphics2D g, Random random, double size, double centre) {
        int count = 1 + random.nextInt(3);
        if (count == 1) {
            double angle = between(random, -35, 35) + (random.nextBoolean() ? 180 : 0);
            g.draw(turned(arrow(random, size, -size / 2, true, random.nextDouble() < 0.3), angle, centre));
            return;
        }
        double angle = between(random, 0, 360);
        for (int i = 0; i < count; i++) {
            angle += count == 2 ? between(random, 60, 140) : 120 * between(random, 0.8, 1.2);
            g.draw(turned(arrow(random, size / 2, 0, false, false), angle, centre));
        }
    }

    /**
     * An arrow along the x axis from {@code tail} to {@code tail + length}, its head open, at both ends when
     * {@code bothEnds}; its shaft sometimes bent when {@code mayBend} (two bent arrows from one tail can make a 2).
     */
    private static Path2D arrow(Random random, double length, double tail, boolean mayBend, boolean bothEnds) {
        Path2D arrow = new Path2D.Double();
        double tip = tail + length;
        double bend = mayBend && random.nextDouble() < 0.3 ? between(random, -0.25, 0.25) * length : 0;
        arrow.moveTo(tail, 0);
        arrow.quadTo((tail + tip) / 2, bend, tip, 0);
        double head = length * between(random, 0.2, 0.35);
        double spread = between(random, 0.45, 0.75);
        arrow.moveTo(tip - head, -head * spread);
        arrow.lineTo(tip, 0);
        arrow.lineTo(tip - head, head * spread);
        if (bothEnds) {
            arrow.moveTo(tail + head, -head * spread);
            arrow.lineTo(tail, 0);
            arrow.lineTo(tail + head, head * spread);
        }
        return arrow;
    }

    /** Five to twelve rays from a centre, sometimes round a small circle (a sun). */
    private static void rays(Graphics2D g, Random random, double size, double centre) {
        int count = 5 + random.nextInt(8);
        boolean sun = random.nextDouble() < 0.4;
        boolean even = random.nextBoolean();
        double start = sun ? size * between(random, 0.15, 0.25) : 0;
        double angle = between(random, 0, 360);
        if (sun) {
            g.draw(new Ellipse2D.Double(centre - start * 0.8, centre - start * 0.8, start * 1.6, start * 1.6));
        }
        for (int i = 0; i < count; i++) {
            double length = size / 2 * (even ? 1 : between(random, 0.55, 1));
            double a = angle + 360.0 * i / count + (even ? 0 : between(random, -8, 8));
            g.draw(turned(new Line2D.Double(start, 0, length, 0), a, centre));
        }
    }

    /** {@code shape} (drawn about the origin) turned by {@code degrees} and moved to the centre. */
    static Shape turned(Shape shape, double degrees, double centre) {
        AffineTransform t = AffineTransform.getTranslateInstance(centre, centre);
        t.concatenate(NonDigitCanvas.turn(degrees, 0, 0));
        return t.createTransformedShape(shape);
    }
}
