package dev.dl4jmnist.data;

import java.awt.BasicStroke;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.RoundRectangle2D;
import java.util.Random;

import static dev.dl4jmnist.data.NonDigitCanvas.between;

/**
 * Filled shapes for the non-digit pictures: polygons, ellipses, rounded rectangles, stars and smooth
 * blobs (silhouettes) in grey levels from 0.3 to 1, plain or shaded, sometimes with a hole or stripes inside;
 * a few small ones framed like a digit, or large ones covering the picture.
 */
final class NonDigitShapes {
    /** The darkest grey of a shape; the first shape of a picture is at least {@link #FIRST_GREY}, so every picture has bright ink. */
    static final double LEAST_GREY = 0.3;
    static final double FIRST_GREY = 0.55;
    /** The types of outline. */
    static final int POLYGON = 0;
    static final int ELLIPSE = 1;
    static final int ROUNDED = 2;
    static final int STAR = 3;
    static final int BLOB = 4;

    private NonDigitShapes() {
    }

    /** One to three filled shapes near the centre, the first the largest, to be framed like a digit. */
    static void framed(Graphics2D g, Random random, double size, double centre) {
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            double radius = size / 2 * (i == 0 ? between(random, 0.7, 1) : between(random, 0.35, 0.65));
            double dx = i == 0 ? 0 : between(random, -0.35, 0.35) * size;
            double dy = i == 0 ? 0 : between(random, -0.35, 0.35) * size;
            filled(g, random, centre + dx, centre + dy, radius, i == 0);
        }
    }

    /**
     * One to three large shapes on a canvas {@code side} wide, reaching past its edges at times, over black,
     * a dim grey or a dim shading.
     */
    static void fullFrame(Graphics2D g, Random random, int side) {
        double background = random.nextDouble();
        if (background < 0.2) {
            g.setColor(NonDigitCanvas.grey(between(random, 0.05, 0.3)));
            g.fillRect(0, 0, side, side);
        } else if (background < 0.35) {
            g.setPaint(new GradientPaint(0, (float) between(random, 0, side), NonDigitCanvas.grey(between(random, 0, 0.15)),
                    side, (float) between(random, 0, side), NonDigitCanvas.grey(between(random, 0.15, 0.4))));
            g.fillRect(0, 0, side, side);
        }
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            double radius = side * (i == 0 ? between(random, 0.35, 0.7) : between(random, 0.2, 0.5));
            filled(g, random, side * between(random, 0.2, 0.8), side * between(random, 0.2, 0.8), radius, i == 0);
        }
    }

    /** A filled shape about ({@code x}, {@code y}), plain or shaded, sometimes holed or striped. */
    private static void filled(Graphics2D g, Random random, double x, double y, double radius, boolean first) {
        int type = random.nextInt(5);
        Shape shape = outline(random, type, x, y, radius);
        double grey = between(random, first ? FIRST_GREY : LEAST_GREY, 1);
        if (random.nextDouble() < 0.25) {
            double angle = StrictMath.toRadians(between(random, 0, 360));
            double dx = StrictMath.cos(angle) * radius;
            double dy = StrictMath.sin(angle) * radius;
            g.setPaint(new GradientPaint((float) (x - dx), (float) (y - dy), NonDigitCanvas.grey(grey),
                    (float) (x + dx), (float) (y + dy), NonDigitCanvas.grey(grey * between(random, 0.2, 0.6))));
        } else {
            g.setColor(NonDigitCanvas.grey(grey));
        }
        g.fill(shape);
        double extra = random.nextDouble();
        if (extra < 0.2 && type != ELLIPSE && type != BLOB) {   // a hole; never in a round shape, which would make a ring (a 0)
            g.setColor(NonDigitCanvas.grey(0));
            g.fill(outline(random, POLYGON, x + between(random, -0.2, 0.2) * radius, y + between(random, -0.2, 0.2) * radius,
                    radius * between(random, 0.25, 0.45)));
        } else if (extra < 0.4) {                   // stripes inside
            double width = radius * between(random, 0.06, 0.15);
            Path2D lines = NonDigitStrokes.parallelLines(2 * radius, width * between(random, 2, 3.5), between(random, 0, 180), 0);
            lines.transform(AffineTransform.getTranslateInstance(x, y));
            g.setColor(NonDigitCanvas.grey(grey * between(random, 0, 0.5)));
            fillWithin(g, new BasicStroke((float) width).createStrokedShape(lines), shape);
        }
    }

    /** A random polygon, rounded rectangle or star about ({@code x}, {@code y}): an outline with corners, never a loop like a 0. */
    static Shape cornered(Random random, double x, double y, double radius) {
        int[] types = {POLYGON, ROUNDED, STAR};
        return outline(random, types[random.nextInt(types.length)], x, y, radius);
    }

    /** An outline of the given type about ({@code x}, {@code y}), {@code radius} its half-width, squashed to between 0.6 and 1 of it across and turned. */
    static Shape outline(Random random, int type, double x, double y, double radius) {
        double aspect = between(random, 0.6, 1);
        Shape shape = switch (type) {
            case POLYGON -> polygon(random, 3 + random.nextInt(5), radius);
            case ELLIPSE -> new Ellipse2D.Double(-radius, -radius, 2 * radius, 2 * radius);
            case ROUNDED -> {
                double arc = radius * between(random, 0.3, 1);
                yield new RoundRectangle2D.Double(-radius, -radius, 2 * radius, 2 * radius, arc, arc);
            }
            case STAR -> regular(5 + random.nextInt(4), radius, between(random, 0.35, 0.6));
            default -> blob(random, radius);
        };
        AffineTransform t = AffineTransform.getTranslateInstance(x, y);
        t.concatenate(NonDigitCanvas.turn(between(random, 0, 360), 0, 0));
        t.scale(1, aspect);
        return t.createTransformedShape(shape);
    }

    /** A polygon of {@code corners} corners at jittered angles and radii. */
    private static Path2D polygon(Random random, int corners, double radius) {
        Path2D path = new Path2D.Double();
        for (int i = 0; i < corners; i++) {
            double angle = 360.0 * (i + between(random, -0.3, 0.3)) / corners;
            Point2D p = polar(angle, radius * between(random, 0.7, 1));
            if (i == 0) {
                path.moveTo(p.getX(), p.getY());
            } else {
                path.lineTo(p.getX(), p.getY());
            }
        }
        path.closePath();
        return path;
    }

    /** A regular polygon of {@code corners} corners, or a star when {@code inner} (its inner radius over its outer) is below 1. */
    static Path2D regular(int corners, double radius, double inner) {
        Path2D path = new Path2D.Double();
        int points = inner < 1 ? 2 * corners : corners;
        for (int i = 0; i < points; i++) {
            Point2D p = polar(-90 + 360.0 * i / points, inner < 1 && i % 2 == 1 ? radius * inner : radius);
            if (i == 0) {
                path.moveTo(p.getX(), p.getY());
            } else {
                path.lineTo(p.getX(), p.getY());
            }
        }
        path.closePath();
        return path;
    }

    /** A smooth closed blob through six to nine points at random radii: a silhouette. */
    private static Path2D blob(Random random, double radius) {
        Point2D[] points = new Point2D[6 + random.nextInt(4)];
        for (int i = 0; i < points.length; i++) {
            points[i] = polar(360.0 * (i + between(random, -0.25, 0.25)) / points.length, radius * between(random, 0.55, 1));
        }
        return NonDigitStrokes.smooth(points, true);
    }

    private static Point2D polar(double degrees, double radius) {
        double a = StrictMath.toRadians(degrees);
        return new Point2D.Double(radius * StrictMath.cos(a), radius * StrictMath.sin(a));
    }

    /**
     * Fills the part of {@code shape} inside {@code region}. The clip's edge is not anti-aliased, but the
     * canvas is averaged down 3× or more, so it still comes out in steps of grey; intersecting the shapes
     * instead ({@code java.awt.geom.Area}) took longer than all the rest of the drawing.
     */
    static void fillWithin(Graphics2D g, Shape shape, Shape region) {
        Shape clip = g.getClip();
        g.clip(region);
        g.fill(shape);
        g.setClip(clip);
    }
}
