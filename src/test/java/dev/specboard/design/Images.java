package dev.specboard.design;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Images made for tests: a screenshot-like picture of known colours. */
public final class Images {

    private Images() {
    }

    /** 200 x 100: three quarters #dc2626 (left), one quarter #1e293b (right). */
    public static byte[] twoColours(String format) {
        BufferedImage img = new BufferedImage(200, 100, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(0xdc, 0x26, 0x26));
        g.fillRect(0, 0, 150, 100);
        g.setColor(new Color(0x1e, 0x29, 0x3b));
        g.fillRect(150, 0, 50, 100);
        g.dispose();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(img, format, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
