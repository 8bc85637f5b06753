package dev.dl4jmnist.data;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** The non-digit pictures: the same bits from the same seed, values, kinds in turn, MNIST's framing, full frames' cover, no digit-like letters. */
class NonDigitsTest {
    private static final long SEED = 20261202L;
    private static final int COUNT = 600;
    private static final int SIDE = NonDigitCanvas.SIDE;
    private static float[][] pictures;

    @BeforeAll
    static void makePictures() {
        pictures = NonDigits.images(COUNT, SEED);
    }

    @Test
    void theSameSeedGivesTheSamePicturesBitForBit() {
        float[][] again = NonDigits.images(120, SEED);
        for (int i = 0; i < again.length; i++) {
            assertArrayEquals(pictures[i], again[i], "picture " + i);   // compares the floats' bits
        }
    }

    @Test
    void anotherSeedGivesOtherPictures() {
        float[][] other = NonDigits.images(120, SEED + 1);
        for (int i = 0; i < other.length; i++) {
            assertThat(other[i]).as("picture %d", i).isNotEqualTo(pictures[i]);
        }
    }

    @Test
    void aPictureDoesNotDependOnHowManyAreMade() {
        float[][] few = NonDigits.images(7, SEED);
        for (int i = 0; i < few.length; i++) {
            assertArrayEquals(pictures[i], few[i], "picture " + i);
        }
        assertArrayEquals(pictures[COUNT - 1], NonDigits.image(COUNT - 1, SEED));
        assertThat(NonDigits.images(0, SEED)).isEmpty();
    }

    @Test
    void everyValueIsFiniteAndInTheUnitInterval() {
        for (float[] picture : pictures) {
            assertThat(picture).hasSize(NonDigits.PIXELS);
            for (float v : picture) {
                assertThat(Float.isFinite(v) && v >= 0 && v <= 1).as("value %s", v).isTrue();
            }
        }
    }

    @Test
    void noPictureIsBlankFlatOrWhiteAllOver() {
        for (int i = 0; i < COUNT; i++) {
            float lo = 1, hi = 0;
            int white = 0;
            for (float v : pictures[i]) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
                white += v >= 0.99f ? 1 : 0;
            }
            assertThat(hi).as("brightest of picture %d", i).isGreaterThanOrEqualTo(0.5f);
            assertThat(hi - lo).as("spread of picture %d", i).isGreaterThanOrEqualTo(0.3f);
            assertThat(white).as("white pixels of picture %d", i).isLessThan(NonDigits.PIXELS * 9 / 10);
        }
    }

    @Test
    void theKindsComeInTurnInEqualShares() {
        Map<NonDigits.Kind, Integer> counts = new EnumMap<>(NonDigits.Kind.class);
        for (int i = 0; i < COUNT; i++) {
            counts.merge(NonDigits.kindOf(i), 1, Integer::sum);
        }
        assertThat(counts.values()).containsOnly(COUNT / NonDigits.Kind.values().length).hasSize(NonDigits.Kind.values().length);
        for (NonDigits.Kind kind : NonDigits.Kind.values()) {
            assertThat(NonDigits.kindOf(kind.ordinal())).isEqualTo(kind);
            assertThat(NonDigits.kindOf(kind.ordinal() + 6 * 1000)).isEqualTo(kind);
        }
        assertThatThrownBy(() -> NonDigits.kindOf(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NonDigits.images(-1, SEED)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void threeQuartersAreFramedAndShapesAlternate() {
        int framed = 0;
        for (int i = 0; i < COUNT; i++) {
            framed += NonDigits.framed(i) ? 1 : 0;
            NonDigits.Kind kind = NonDigits.kindOf(i);
            if (kind == NonDigits.Kind.TEXTURE) {
                assertThat(NonDigits.framed(i)).isFalse();
            } else if (kind != NonDigits.Kind.SHAPE) {
                assertThat(NonDigits.framed(i)).isTrue();
            }
        }
        assertThat(framed).isEqualTo(COUNT * 3 / 4);
    }

    /** As MNIST framed a digit: the ink's box 20 pixels on its longer side, its centre of mass at (14, 14), nothing on the border. */
    @Test
    void framedPicturesAreFramedLikeMnistDigits() {
        for (int i = 0; i < COUNT; i++) {
            if (!NonDigits.framed(i)) {
                continue;
            }
            float[] p = pictures[i];
            double mass = 0, mx = 0, my = 0;
            int x0 = SIDE, y0 = SIDE, x1 = -1, y1 = -1;
            for (int y = 0; y < SIDE; y++) {
                for (int x = 0; x < SIDE; x++) {
                    float v = p[y * SIDE + x];
                    mass += v;
                    mx += v * x;
                    my += v * y;
                    if (v > 0) {
                        x0 = Math.min(x0, x);
                        x1 = Math.max(x1, x);
                        y0 = Math.min(y0, y);
                        y1 = Math.max(y1, y);
                    }
                }
            }
            double dx = mx / mass - NonDigitCanvas.CENTRE;
            double dy = my / mass - NonDigitCanvas.CENTRE;
            String what = NonDigits.kindOf(i) + " " + i;
            assertThat(Math.max(Math.abs(dx), Math.abs(dy))).as("centre of mass of %s, off by", what).isLessThanOrEqualTo(0.5 + 1e-6);
            assertThat(Math.hypot(dx, dy)).as("centre of mass of %s, off by", what).isLessThan(1);
            assertThat(Math.max(x1 - x0 + 1, y1 - y0 + 1)).as("longer side of %s", what).isBetween(19, 21);
            assertThat(Math.min(x0, y0)).as("ink's top left of %s", what).isGreaterThanOrEqualTo(1);
            assertThat(Math.max(x1, y1)).as("ink's bottom right of %s", what).isLessThanOrEqualTo(SIDE - 2);
        }
    }

    @Test
    void fullFramePicturesCoverMuchOfTheFrame() {
        for (int i = 0; i < COUNT; i++) {
            if (NonDigits.framed(i)) {
                continue;
            }
            int covered = 0;
            for (float v : pictures[i]) {
                covered += v > 0.1f ? 1 : 0;
            }
            assertThat(covered).as("%s %d: pixels above 0.1", NonDigits.kindOf(i), i).isGreaterThanOrEqualTo(NonDigits.PIXELS * 3 / 10);
        }
    }

    @Test
    void lettersAndSymbolsLeaveOutDigitLookalikes() {
        assertThat(NonDigitGlyphs.DIGIT_LIKE_LETTERS).contains("O", "o", "Q", "D", "I", "l", "i", "j", "J", "S", "s", "Z", "z",
                "B", "b", "g", "q", "G");
        StringBuilder latin = new StringBuilder();
        for (char c = 'A'; c <= 'Z'; c++) {
            latin.append(c).append(Character.toLowerCase(c));
        }
        for (char c : latin.toString().toCharArray()) {
            boolean drawn = NonDigitGlyphs.LETTERS.indexOf(c) >= 0;
            boolean left = NonDigitGlyphs.DIGIT_LIKE_LETTERS.indexOf(c) >= 0;
            assertThat(drawn ^ left).as("%s either drawn or left out", c).isTrue();
        }
        assertThat(NonDigitGlyphs.LETTERS).contains("e", "A", "x").hasSize(52 - NonDigitGlyphs.DIGIT_LIKE_LETTERS.length());
        for (char c : NonDigitGlyphs.SYMBOLS.toCharArray()) {
            assertThat(Character.isDigit(c) || NonDigitGlyphs.DIGIT_LIKE_SYMBOLS.indexOf(c) >= 0
                    || NonDigitGlyphs.DIGIT_LIKE_LETTERS.indexOf(c) >= 0).as("symbol %s", c).isFalse();
        }
    }

    @Test
    void writesAGridToLookAt() throws IOException {
        Path file = Path.of("target", "non-digits-10x10.png");
        NonDigitsGrid.write(10, SEED, NonDigitsGrid.ZOOM, file);
        BufferedImage grid = ImageIO.read(file.toFile());
        int side = 10 * (SIDE * NonDigitsGrid.ZOOM + NonDigitsGrid.GAP) + NonDigitsGrid.GAP;
        assertThat(grid.getWidth()).isEqualTo(side);
        assertThat(grid.getHeight()).isEqualTo(side);
        assertThat(Files.size(file)).isPositive();
    }
}
