package dev.dl4jmnist.data;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static dev.dl4jmnist.data.NonDigitCanvas.between;

/**
 * Letters and symbols for the non-digit pictures, drawn from the outlines of the JDK's logical fonts,
 * slanted, turned and thickened at random.
 *
 * <p>Only the logical fonts' plain and bold faces are used: with fontconfig and {@code fonts-dejavu-core}
 * (what CI installs) they are DejaVu Sans, Serif and Sans Mono on every machine. Italics come from a
 * slant (a shear) applied here, because that package has no italic faces and the JDK would otherwise
 * choose or synthesise a different one from machine to machine.
 */
final class NonDigitGlyphs {
    /**
     * Latin letters a digit classifier could fairly take for a digit, never drawn: O o Q D (0), I l i j J
     * (1), S s (5), Z z (2), B (8), b G (6), g q (9), T and r (7 or 1), t (4 or +), y (4).
     */
    static final String DIGIT_LIKE_LETTERS = "OoQDIlijJSsZzBbgqGTtry";
    /** Every other Latin letter, upper and lower case. */
    static final String LETTERS = latinLettersExcept(DIGIT_LIKE_LETTERS);
    /**
     * Symbols and Greek letters a digit classifier could fairly take for a digit, never drawn: ! | / \ ( ) [ ]
     * and ι (1), ¶ (a reversed 9), ∞ (an 8 on its side), § (5 or 8), β (8), γ (y, 4), δ and σ (6), θ and ο
     * (0), ζ and ξ (2, 3 or 5), ε (3).
     */
    static final String DIGIT_LIKE_SYMBOLS = "!|/\\()[]ι¶∞§βγδσθοζξε";
    /** Symbols, punctuation and Greek letters that look like no digit. */
    static final String SYMBOLS = "&@#%?$*+=~€∑Ω♠♥♣♦★☺✓→÷±≠¥" + "αλμπφψω";
    /**
     * Symbols DejaVu Serif lacks, drawn in the sans-serif font alone: in the serif one the JDK would borrow
     * them from whichever other font is installed (a machine with more fonts than DejaVu's core drew ★ or ✓
     * differently).
     */
    static final String SANS_ONLY_SYMBOLS = "★✓";
    /** Stand-ins, in every font, for a symbol no installed font can show. */
    private static final String PLAIN_SYMBOLS = "&@#%?$*+=~";
    private static final String[] FAMILIES = {Font.SANS_SERIF, Font.SERIF, Font.MONOSPACED};
    /** Outlines are taken at this size (points), then scaled: large enough that nothing is rounded. */
    private static final int OUTLINE_SIZE = 100;
    private static final FontRenderContext FRC = new FontRenderContext(null, true, true);
    /** Largest turn and slant, in degrees. */
    private static final double MAX_TURN = 15;
    private static final double MAX_SLANT = 15;

    private NonDigitGlyphs() {
    }

    private static String latinLettersExcept(String excluded) {
        StringBuilder out = new StringBuilder();
        for (char c = 'A'; c <= 'z'; c++) {
            if (Character.isLetter(c) && excluded.indexOf(c) < 0) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** One character of {@code glyphs}, drawn in white about ({@code centre}, {@code centre}), its longer side about {@code size}. */
    static void draw(Graphics2D g, Random random, String glyphs, double size, double centre) {
        String glyph = String.valueOf(glyphs.charAt(random.nextInt(glyphs.length())));
        Font font = font(glyph, random);
        if (font == null) {
            glyph = String.valueOf(PLAIN_SYMBOLS.charAt(random.nextInt(PLAIN_SYMBOLS.length())));
            font = new Font(FAMILIES[0], Font.PLAIN, OUTLINE_SIZE);
        }
        Shape shape = placed(font.createGlyphVector(FRC, glyph).getOutline(), random, size, centre);
        double unit = size / NonDigitCanvas.BOX;   // canvas pixels per picture pixel, roughly
        g.setColor(NonDigitCanvas.grey(1));
        double style = random.nextDouble();
        if (style < 0.45) {
            g.fill(shape);
        } else if (style < 0.85) {                 // thicker strokes: the outline traced with a pen as well
            g.fill(shape);
            g.setStroke(NonDigitCanvas.pen(between(random, 0.4, 1.8) * unit));
            g.draw(shape);
        } else {                                   // hollow: the outline alone
            g.setStroke(NonDigitCanvas.pen(between(random, 0.8, 1.5) * unit));
            g.draw(shape);
        }
    }

    /** A plain or bold logical font that can show {@code glyph}, or null if none can. */
    private static Font font(String glyph, Random random) {
        List<Font> fonts = new ArrayList<>();
        int style = random.nextBoolean() ? Font.PLAIN : Font.BOLD;
        for (String family : SANS_ONLY_SYMBOLS.contains(glyph) ? new String[] {Font.SANS_SERIF} : FAMILIES) {
            Font font = new Font(family, style, OUTLINE_SIZE);
            if (font.canDisplayUpTo(glyph) < 0) {
                fonts.add(font);
            }
        }
        int pick = random.nextInt(FAMILIES.length);
        return fonts.isEmpty() ? null : fonts.get(pick % fonts.size());
    }

    /** The outline slanted, stretched a little, turned and scaled about its centre to {@code size}, centred on the canvas. */
    private static Shape placed(Shape outline, Random random, double size, double centre) {
        Rectangle2D box = outline.getBounds2D();
        double slant = StrictMath.tan(StrictMath.toRadians(between(random, -MAX_SLANT, MAX_SLANT)));
        double stretch = between(random, 0.85, 1.15);
        AffineTransform shape = NonDigitCanvas.turn(between(random, -MAX_TURN, MAX_TURN), 0, 0);
        shape.shear(-slant, 0);                    // positive slant leans the top to the right
        shape.scale(stretch, 1);
        shape.translate(-box.getCenterX(), -box.getCenterY());
        Rectangle2D turned = shape.createTransformedShape(outline).getBounds2D();
        double scale = size / Math.max(turned.getWidth(), turned.getHeight());
        AffineTransform t = AffineTransform.getTranslateInstance(centre, centre);
        t.scale(scale, scale);
        t.concatenate(shape);
        return t.createTransformedShape(outline);
    }
}
