package dev.dl4jmnist.prediction.imaging;

import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class GrayConversionTest {

    @Test
    void colourBecomesLuminance() {
        BufferedImage rgb = new BufferedImage(4, 1, BufferedImage.TYPE_INT_RGB);
        rgb.setRGB(0, 0, 0xFFFFFF);
        rgb.setRGB(1, 0, 0xFF0000);
        rgb.setRGB(2, 0, 0x00FF00);
        rgb.setRGB(3, 0, 0x0000FF);
        GrayImage g = GrayConversion.toGray(rgb);
        assertEquals(255f, g.get(0, 0), 0.01);
        assertEquals(0.299f * 255, g.get(1, 0), 0.01);
        assertEquals(0.587f * 255, g.get(2, 0), 0.01);
        assertEquals(0.114f * 255, g.get(3, 0), 0.01);
    }

    @Test
    void paletteImagesAreRead() {
        byte[] r = {0, (byte) 200}, gr = {0, (byte) 200}, b = {0, (byte) 200};
        BufferedImage indexed = new BufferedImage(2, 1, BufferedImage.TYPE_BYTE_INDEXED, new IndexColorModel(1, 2, r, gr, b));
        indexed.getRaster().setSample(1, 0, 0, 1);
        GrayImage g = GrayConversion.toGray(indexed);
        assertEquals(0f, g.get(0, 0), 0.01);
        assertEquals(200f, g.get(1, 0), 0.01);
    }

    @Test
    void transparentPixelsTakeTheBackdropThatContrastsWithDarkInk() {
        BufferedImage argb = new BufferedImage(3, 1, BufferedImage.TYPE_INT_ARGB);
        argb.setRGB(0, 0, 0xFF000000);   // opaque black ink
        argb.setRGB(1, 0, 0x00000000);   // fully transparent (black in RGB, as paint programs store it)
        argb.setRGB(2, 0, 0x80000000);   // half-transparent black
        GrayImage g = GrayConversion.toGray(argb);
        assertEquals(0f, g.get(0, 0), 0.01);
        assertEquals(255f, g.get(1, 0), 0.01);
        assertEquals(255f * (1 - 128 / 255f), g.get(2, 0), 0.01);
    }

    @Test
    void transparentPixelsTakeTheBackdropThatContrastsWithLightInk() {
        BufferedImage argb = new BufferedImage(2, 1, BufferedImage.TYPE_INT_ARGB);
        argb.setRGB(0, 0, 0xFFFFFFFF);   // opaque white ink
        argb.setRGB(1, 0, 0x00FFFFFF);   // transparent
        GrayImage g = GrayConversion.toGray(argb);
        assertEquals(255f, g.get(0, 0), 0.01);
        assertEquals(0f, g.get(1, 0), 0.01);
    }

    @Test
    void largePicturesShrinkToTheWorkingSizeKeepingAspect() {
        GrayImage big = GrayImage.filled(3000, 1500, 100f);
        GrayImage small = GrayConversion.limitSize(big, 1024);
        assertEquals(1024, small.width());
        assertEquals(512, small.height());
        assertEquals(100f, small.get(500, 300), 0.001);
        GrayImage fits = GrayImage.filled(1024, 20, 1f);
        assertSame(fits, GrayConversion.limitSize(fits, 1024));
    }

    /** The rows read straight from the pixel buffer are exactly getRGB's, for every layout read that way and for a sub-image. */
    @Test
    void directlyReadRowsEqualGetRgb() {
        java.util.Random random = new java.util.Random(3);
        int[] types = {BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_4BYTE_ABGR, BufferedImage.TYPE_INT_RGB,
                BufferedImage.TYPE_INT_ARGB, BufferedImage.TYPE_BYTE_GRAY, BufferedImage.TYPE_4BYTE_ABGR_PRE};
        for (int type : types) {
            BufferedImage image = new BufferedImage(37, 23, type);
            for (int y = 0; y < image.getHeight(); y++) {
                for (int x = 0; x < image.getWidth(); x++) {
                    image.setRGB(x, y, random.nextInt());
                }
            }
            for (BufferedImage picture : new BufferedImage[]{image, image.getSubimage(3, 2, 30, 20)}) {
                int w = picture.getWidth();
                int[] expected = new int[w];
                int[] actual = new int[w];
                for (int y = 0; y < picture.getHeight(); y++) {
                    picture.getRGB(0, y, w, 1, expected, 0, w);
                    GrayConversion.argbRow(picture, y, actual);
                    org.junit.jupiter.api.Assertions.assertArrayEquals(expected, actual, "type " + type + " row " + y);
                }
            }
        }
    }
}
