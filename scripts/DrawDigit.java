import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.File;

/** Writes a 280×280 PNG like the drawing page sends (a white "7" drawn on black, stroke 20) for the load test. */
public class DrawDigit {
    public static void main(String[] args) throws Exception {
        BufferedImage pad = new BufferedImage(280, 280, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = pad.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke(20f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        Path2D.Float seven = new Path2D.Float();
        seven.moveTo(80, 60);
        seven.lineTo(200, 60);
        seven.lineTo(130, 230);
        g.draw(seven);
        g.dispose();
        ImageIO.write(pad, "png", new File(args[0]));
    }
}
