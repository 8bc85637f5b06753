package dev.dl4jmnist.data;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Random;

import static dev.dl4jmnist.data.NonDigitCanvas.SIDE;

/**
 * Pictures that are not digits, made here from a seed: letters, symbols, scribbles, shapes, textures and line art, 28×28 like MNIST's.
 *
 * <p>They serve two ends: outlier exposure while training a digit classifier (it learns to answer them with
 * a uniform distribution) and, from another seed, held-out non-digits for validation. The six {@link Kind}s
 * come in turn, so each is a sixth of any run of pictures. Each picture is in one of two styles, three
 * quarters of them framed and a quarter full frame (the kinds decide):
 * <ul>
 *   <li><b>framed like an MNIST digit</b> — letters, symbols, scribbles, line art, and the shapes of every
 *       other round: drawn anti-aliased on a 96×96 canvas, the ink's bounding box scaled (area averaging,
 *       aspect ratio kept) so its longer side is 20 pixels, then placed in the 28×28 field with its centre of
 *       mass at (14, 14) by a whole-pixel shift, as the project's picture pipeline and MNIST itself frame a
 *       digit. A drawing whose placed ink would reach the field's outermost pixels is drawn again;</li>
 *   <li><b>full frame</b> — textures and the other shapes: large shapes and silhouettes over black or a dim
 *       background, drawn on an 84×84 canvas and averaged down 3×3, or textures computed at 28×28; at least
 *       30% of the pixels above 0.1.</li>
 * </ul>
 * Every picture has a brightest pixel of at least 0.5 and a spread (brightest less darkest) of at least 0.3;
 * a drawing that misses is drawn again from the same generator (one full-frame shape in ten, one texture in
 * fifty, fewer of the rest).
 *
 * <p>Picture {@code i} depends only on the seed and {@code i}: its own {@link Random} is seeded from both,
 * so the same seed gives the same pictures whatever the count. Java2D draws them ({@code BufferedImage}
 * of {@code TYPE_BYTE_GRAY}, anti-aliased, headless) and the rest is plain arithmetic with angles from
 * {@link StrictMath}, so the bits are the same on every machine whose logical fonts are the same faces
 * (fontconfig with {@code fonts-dejavu-core}, as CI has: see {@code NonDigitGlyphs}). Checked on
 * 2026-12-02: the same bits interpreted, with C1 only and with C2, and with fontconfig shown DejaVu's core
 * fonts alone instead of this machine's larger set.
 *
 * <p>Cost: 20,000 pictures took 5.0–5.6 s of the generating thread's CPU time, 10–11 s of the whole JVM's
 * (JIT compilation and garbage collection included), measured on 2026-12-02 on a 2-core x86-64 VM with JDK 17,
 * on one core; 16 s of wall time, other builds keeping the load average at 4–7.
 */
public final class NonDigits {
    /** The kinds of non-digit picture, made in equal shares (round robin). */
    public enum Kind { LETTER, SYMBOL, SCRIBBLE, SHAPE, TEXTURE, LINE_ART }

    /** Values per picture: 28×28, row by row. */
    public static final int PIXELS = SIDE * SIDE;
    /** A full-frame picture has at least this share of its pixels above {@link #COVER_LEVEL}. */
    static final double LEAST_COVER = 0.3;
    static final float COVER_LEVEL = 0.1f;
    /** Every picture's brightest pixel is at least this. */
    static final float LEAST_PEAK = 0.5f;
    /** Every picture's brightest pixel is at least this much brighter than its darkest. */
    static final float LEAST_SPREAD = 0.3f;
    /** Drawings tried for one picture before giving up (none has come close). */
    private static final int ATTEMPTS = 200;
    private static final Kind[] KINDS = Kind.values();

    private NonDigits() {
    }

    /** A drawing in white about ({@code centre}, {@code centre}) of a framed canvas, its longer side about {@code size}. */
    private interface Drawing {
        void draw(Graphics2D g, Random random, double size, double centre);
    }

    /**
     * {@code count} pictures from {@code seed}, each 784 floats in [0, 1] (28×28 row by row, white ink (1)
     * on black (0), as MNIST's scaled pixels), kinds in turn. Same seed and count: the same pictures, bit
     * for bit, on every run and machine.
     */
    public static float[][] images(int count, long seed) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative: " + count);
        }
        float[][] out = new float[count][];
        for (int i = 0; i < count; i++) {
            out[i] = image(i, seed);
        }
        return out;
    }

    /** The kind of the picture at {@code index} of {@link #images}. */
    public static Kind kindOf(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("index must not be negative: " + index);
        }
        return KINDS[index % KINDS.length];
    }

    /** Whether the picture at {@code index} is framed like a digit (otherwise it fills the frame); shapes alternate. */
    static boolean framed(int index) {
        return switch (kindOf(index)) {
            case TEXTURE -> false;
            case SHAPE -> index / KINDS.length % 2 == 0;
            default -> true;
        };
    }

    /** The picture at {@code index} of {@link #images}{@code (_, seed)}. */
    static float[] image(int index, long seed) {
        Kind kind = kindOf(index);
        boolean framed = framed(index);
        Random random = new Random(pictureSeed(seed, index));
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            float[] picture = attempt(kind, framed, random);
            if (picture != null && acceptable(picture, framed)) {
                return picture;
            }
        }
        throw new IllegalStateException("no acceptable " + kind + " picture in " + ATTEMPTS + " drawings (seed " + seed + ", index " + index + ")");
    }

    /** One drawing of the kind in the style; null when the framing refuses it. */
    private static float[] attempt(Kind kind, boolean framed, Random random) {
        return switch (kind) {
            case LETTER -> framed((g, r, size, c) -> NonDigitGlyphs.draw(g, r, NonDigitGlyphs.LETTERS, size, c), random);
            case SYMBOL -> framed((g, r, size, c) -> NonDigitGlyphs.draw(g, r, NonDigitGlyphs.SYMBOLS, size, c), random);
            case SCRIBBLE -> framed(NonDigitStrokes::scribble, random);
            case LINE_ART -> framed(NonDigitStrokes::lineArt, random);
            case SHAPE -> framed ? framed(NonDigitShapes::framed, random) : fullFrameShapes(random);
            case TEXTURE -> NonDigitTextures.texture(random);
        };
    }

    private static float[] framed(Drawing drawing, Random random) {
        BufferedImage canvas = NonDigitCanvas.blank(NonDigitCanvas.FRAMED_CANVAS);
        Graphics2D g = NonDigitCanvas.graphics(canvas);
        try {
            drawing.draw(g, random, NonDigitCanvas.INK, NonDigitCanvas.FRAMED_CANVAS / 2.0);
        } finally {
            g.dispose();
        }
        return NonDigitCanvas.frame(NonDigitCanvas.values(canvas), NonDigitCanvas.FRAMED_CANVAS);
    }

    private static float[] fullFrameShapes(Random random) {
        int side = SIDE * NonDigitCanvas.FULL_SCALE;
        BufferedImage canvas = NonDigitCanvas.blank(side);
        Graphics2D g = NonDigitCanvas.graphics(canvas);
        try {
            NonDigitShapes.fullFrame(g, random, side);
        } finally {
            g.dispose();
        }
        return NonDigitCanvas.whole(NonDigitCanvas.values(canvas));
    }

    /** Bright enough, not flat, and for a full-frame picture covering enough of the frame. */
    static boolean acceptable(float[] picture, boolean framed) {
        float lo = 1;
        float hi = 0;
        int covered = 0;
        for (float v : picture) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
            covered += v > COVER_LEVEL ? 1 : 0;
        }
        return hi >= LEAST_PEAK && hi - lo >= LEAST_SPREAD && (framed || covered >= LEAST_COVER * picture.length);
    }

    /** The seed of picture {@code index}'s generator: both numbers mixed (SplitMix64's finaliser) so nearby seeds and indices share nothing. */
    static long pictureSeed(long seed, int index) {
        return mix(seed ^ mix(0x9E3779B97F4A7C15L * (index + 1L)));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
