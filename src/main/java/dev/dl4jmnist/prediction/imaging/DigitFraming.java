package dev.dl4jmnist.prediction.imaging;

import java.util.Arrays;

/**
 * The steps that frame the ink the way MNIST did: drop specks, crop to the digit, fit it into a
 * 20×20 box keeping its aspect ratio, and place it in a 28×28 field with its centre of mass at the centre.
 */
public final class DigitFraming {
    /** MNIST's field. */
    public static final int FIELD = 28;
    /** MNIST's box for the digit inside the field. */
    public static final int BOX = 20;
    /**
     * Where the centre of mass lands, in pixel-index coordinates (column, row). Measured on MNIST's test
     * images: mean 13.99 (row) and 14.01 (column), spread 0.29 — index 14 after rounding the shift.
     */
    public static final double CENTRE = 14.0;
    /** Ink pieces smaller than this fraction of the largest piece are specks (unless they touch the digit's box). */
    static final double SPECK_FRACTION = 0.05;
    /** Pieces smaller than this fraction of the largest one are specks wherever they are. */
    static final double DUST_FRACTION = 0.005;
    /** How far (as a fraction of the digit's longer side) the faint edges around kept ink are kept too. */
    static final double EDGE_FRACTION = 0.06;

    private DigitFraming() {
    }

    /** A rectangle of pixels. */
    public record Box(int x, int y, int width, int height) {
        int right() {
            return x + width - 1;
        }

        int bottom() {
            return y + height - 1;
        }
    }

    /**
     * Keeps the digit and clears everything else: the ink is split into connected pieces (8-neighbour)
     * above {@code threshold}; the large pieces form the digit; small pieces count only when they touch
     * the digit's box (a broken stroke), otherwise they are specks. Pixels farther than a small margin
     * from the kept pieces become 0, so neither specks nor noise can widen the crop.
     *
     * @throws BlankImageException when no ink is above the threshold
     */
    public static GrayImage removeSpecks(GrayImage ink, float threshold) {
        int w = ink.width();
        int h = ink.height();
        InkPieces pieces = InkPieces.of(ink, threshold);
        if (pieces.isEmpty()) {
            throw new BlankImageException();
        }
        int largest = 0;
        for (int id = 0; id < pieces.runs(); id++) {
            if (pieces.isPiece(id)) {
                largest = Math.max(largest, pieces.area(id));
            }
        }
        boolean[] keep = new boolean[pieces.runs()];
        int bx0 = w, by0 = h, bx1 = -1, by1 = -1;
        for (int id = 0; id < pieces.runs(); id++) {
            if (pieces.isPiece(id) && pieces.area(id) >= SPECK_FRACTION * largest) {
                keep[id] = true;
                bx0 = Math.min(bx0, pieces.x0(id));
                by0 = Math.min(by0, pieces.y0(id));
                bx1 = Math.max(bx1, pieces.x1(id));
                by1 = Math.max(by1, pieces.y1(id));
            }
        }
        int kx0 = bx0, ky0 = by0, kx1 = bx1, ky1 = by1;   // the box of every kept piece, broken strokes included
        for (int id = 0; id < pieces.runs(); id++) {
            if (!pieces.isPiece(id) || keep[id]) {
                continue;
            }
            boolean touches = pieces.x1(id) >= bx0 && pieces.x0(id) <= bx1 && pieces.y1(id) >= by0 && pieces.y0(id) <= by1;
            if (touches && pieces.area(id) >= DUST_FRACTION * largest) {
                keep[id] = true;
                kx0 = Math.min(kx0, pieces.x0(id));
                ky0 = Math.min(ky0, pieces.y0(id));
                kx1 = Math.max(kx1, pieces.x1(id));
                ky1 = Math.max(ky1, pieces.y1(id));
            }
        }
        int margin = Math.max(1, (int) Math.round(EDGE_FRACTION * Math.max(bx1 - bx0 + 1, by1 - by0 + 1)));
        // Nothing farther than the margin from that box is near kept ink: dilate only inside the box plus the margin.
        int wx = Math.max(0, kx0 - margin);
        int wy = Math.max(0, ky0 - margin);
        int ww = Math.min(w - 1, kx1 + margin) - wx + 1;
        int wh = Math.min(h - 1, ky1 + margin) - wy + 1;
        boolean[] kept = new boolean[ww * wh];
        for (int r = 0; r < pieces.runs(); r++) {
            if (keep[pieces.piece(r)]) {
                int base = (pieces.row(r) - wy) * ww - wx;
                Arrays.fill(kept, base + pieces.from(r), base + pieces.to(r) + 1, true);
            }
        }
        boolean[] near = dilate(kept, ww, wh, margin);
        float[] out = new float[w * h];
        for (int y = 0; y < wh; y++) {
            for (int x = 0, i = (wy + y) * w + wx; x < ww; x++, i++) {
                out[i] = near[y * ww + x] ? ink.pixels()[i] : 0f;
            }
        }
        return new GrayImage(w, h, out);
    }

    /** The smallest box holding every pixel above {@code level}. @throws BlankImageException if there is none */
    public static Box inkBox(GrayImage image, float level) {
        int x0 = image.width(), y0 = image.height(), x1 = -1, y1 = -1;
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                if (image.get(x, y) > level) {
                    x0 = Math.min(x0, x);
                    y0 = Math.min(y0, y);
                    x1 = Math.max(x1, x);
                    y1 = Math.max(y1, y);
                }
            }
        }
        if (x1 < 0) {
            throw new BlankImageException();
        }
        return new Box(x0, y0, x1 - x0 + 1, y1 - y0 + 1);
    }

    /** The box's content scaled so its longer side is {@value #BOX} pixels, keeping the aspect ratio (area averaging). */
    public static GrayImage fitIntoBox(GrayImage image, Box box) {
        double s = (double) BOX / Math.max(box.width(), box.height());
        int w = Math.max(1, Math.min(BOX, (int) Math.round(box.width() * s)));
        int h = Math.max(1, Math.min(BOX, (int) Math.round(box.height() * s)));
        return Resampler.resize(image, box.x(), box.y(), box.width(), box.height(), w, h);
    }

    /**
     * The digit placed in a {@value #FIELD}×{@value #FIELD} black field, shifted by whole pixels so its
     * centre of mass lands on {@link #CENTRE}; anything shifted past the edge is cut off.
     */
    public static GrayImage centreByMass(GrayImage digit) {
        double mass = 0, mx = 0, my = 0;
        for (int y = 0; y < digit.height(); y++) {
            for (int x = 0; x < digit.width(); x++) {
                double m = digit.get(x, y);
                mass += m;
                mx += m * x;
                my += m * y;
            }
        }
        if (mass <= 0) {
            throw new BlankImageException();
        }
        int ox = (int) Math.round(CENTRE - mx / mass);
        int oy = (int) Math.round(CENTRE - my / mass);
        GrayImage field = GrayImage.blank(FIELD, FIELD);
        for (int y = 0; y < digit.height(); y++) {
            for (int x = 0; x < digit.width(); x++) {
                int fx = x + ox;
                int fy = y + oy;
                if (fx >= 0 && fx < FIELD && fy >= 0 && fy < FIELD) {
                    field.set(fx, fy, digit.get(x, y));
                }
            }
        }
        return field;
    }

    /** Square dilation: true where any true pixel lies within {@code radius} (Chebyshev distance). */
    static boolean[] dilate(boolean[] mask, int w, int h, int radius) {
        boolean[] rows = new boolean[mask.length];
        for (int y = 0; y < h; y++) {
            int last = Integer.MIN_VALUE / 2;
            for (int x = 0; x < w; x++) {            // nearest true to the left
                if (mask[y * w + x]) {
                    last = x;
                }
                rows[y * w + x] = x - last <= radius;
            }
            last = Integer.MAX_VALUE / 2;
            for (int x = w - 1; x >= 0; x--) {       // and to the right
                if (mask[y * w + x]) {
                    last = x;
                }
                rows[y * w + x] |= last - x <= radius;
            }
        }
        // the columns, row by row (memory order): the nearest true above, then below, for every column at once
        boolean[] out = new boolean[mask.length];
        int[] last = new int[w];
        Arrays.fill(last, Integer.MIN_VALUE / 2);
        for (int y = 0; y < h; y++) {
            for (int x = 0, i = y * w; x < w; x++, i++) {
                if (rows[i]) {
                    last[x] = y;
                }
                out[i] = y - last[x] <= radius;
            }
        }
        Arrays.fill(last, Integer.MAX_VALUE / 2);
        for (int y = h - 1; y >= 0; y--) {
            for (int x = 0, i = y * w; x < w; x++, i++) {
                if (rows[i]) {
                    last[x] = y;
                }
                out[i] |= last[x] - y <= radius;
            }
        }
        return out;
    }
}
