package dev.specboard.design;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImageAnalyzerTest {

    @Test
    void formatComesFromTheContentNotTheName() {
        assertEquals("png", ImageAnalyzer.format(Images.twoColours("png")).orElseThrow());
        assertEquals("jpeg", ImageAnalyzer.format(Images.twoColours("jpg")).orElseThrow());
        assertTrue(ImageAnalyzer.format("<html><body>not an image</body></html>".getBytes(StandardCharsets.UTF_8)).isEmpty());
    }

    @Test
    void pngDimensionsAndDominantPalette() {
        ContextAnalysis a = ImageAnalyzer.analyze(Images.twoColours("png"), "png");
        assertEquals(200, a.width());
        assertEquals(100, a.height());
        assertEquals(List.of("#dc2626", "#1e293b"), a.colorPalette());
        assertEquals(0.75, a.paletteShares().get(0), 0.01);
        assertEquals(0.25, a.paletteShares().get(1), 0.01);
    }

    @Test
    void jpegPaletteIsCloseToTheColoursDrawn() {
        ContextAnalysis a = ImageAnalyzer.analyze(Images.twoColours("jpg"), "jpeg");
        assertEquals(200, a.width());
        assertTrue(CssColors.distance(a.colorPalette().get(0), "#dc2626") < 5, a.colorPalette().toString());
    }

    @Test
    void webpDecodesThroughThePluginAndItsHeaderGivesTheSize() throws IOException {
        byte[] webp;
        try (InputStream in = getClass().getResourceAsStream("/design/two-colours.webp")) {
            assertNotNull(in, "the WebP fixture");
            webp = in.readAllBytes();
        }
        assertEquals("webp", ImageAnalyzer.format(webp).orElseThrow());
        assertArrayEquals(new int[]{200, 100}, ImageAnalyzer.webpSize(webp));
        ContextAnalysis a = ImageAnalyzer.analyze(webp, "webp");
        assertEquals(200, a.width());
        assertEquals(100, a.height());
        assertTrue(CssColors.distance(a.colorPalette().get(0), "#dc2626") < 5, a.colorPalette().toString());
    }

    @Test
    void aTinyPngClaimingHugeDimensionsGetsItsSizeButIsNotDecoded() {
        ContextAnalysis a = ImageAnalyzer.analyze(pngHeaderOnly(12_000, 12_000), "png");
        assertEquals(12_000, a.width());
        assertEquals(12_000, a.height());
        assertTrue(a.colorPalette().isEmpty());
        assertTrue(a.note().contains("12000 \u00d7 12000 pixels"), a.note());
    }

    @Test
    void aJpegWhoseFrameHeaderClaimsHugeDimensionsIsNotDecoded() {
        byte[] jpeg = Images.twoColours("jpg");
        int sof = -1;
        for (int i = 2; i + 8 < jpeg.length && sof < 0; i++) {
            if ((jpeg[i] & 0xff) == 0xff && (jpeg[i + 1] & 0xff) == 0xc0) {
                sof = i;
            }
        }
        assertTrue(sof > 0, "the JPEG's SOF0 marker");
        // SOF0: marker, length (2), precision (1), height (2), width (2)
        jpeg[sof + 5] = (byte) (25_000 >> 8);
        jpeg[sof + 6] = (byte) 25_000;
        jpeg[sof + 7] = (byte) (25_000 >> 8);
        jpeg[sof + 8] = (byte) 25_000;
        ContextAnalysis a = ImageAnalyzer.analyze(jpeg, "jpeg");
        assertEquals(25_000, a.width());
        assertTrue(a.colorPalette().isEmpty());
        assertTrue(a.note().contains("25000 \u00d7 25000 pixels"), a.note());
    }

    @Test
    void aHeaderUnderTheCapWithoutPixelsIsReportedAsUndecodableWithItsSize() {
        ContextAnalysis a = ImageAnalyzer.analyze(pngHeaderOnly(6_000, 6_000), "png");
        assertEquals(6_000, a.width());
        assertTrue(a.colorPalette().isEmpty());
        assertTrue(a.note().contains("could not be decoded"), a.note());
    }

    @Test
    void aLargeRealImageStillYieldsItsPalette() throws IOException {
        BufferedImage img = new BufferedImage(4000, 3000, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(0xdc, 0x26, 0x26));
        g.fillRect(0, 0, 3000, 3000);
        g.setColor(new Color(0x1e, 0x29, 0x3b));
        g.fillRect(3000, 0, 1000, 3000);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        ContextAnalysis a = ImageAnalyzer.analyze(out.toByteArray(), "png");
        assertEquals(4000, a.width());
        assertEquals(3000, a.height());
        assertEquals(List.of("#dc2626", "#1e293b"), a.colorPalette());
        assertEquals(0.75, a.paletteShares().get(0), 0.02);
    }

    /** A PNG of signature, IHDR (8-bit RGB of the given size) and IEND: no pixel data at all. */
    private static byte[] pngHeaderOnly(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[]{(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a});
        chunk(out, "IHDR", ihdr.array());
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] body) {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(body);
        out.writeBytes(ByteBuffer.allocate(4).putInt(body.length).array());
        out.writeBytes(name);
        out.writeBytes(body);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    @Test
    void keyTermsOfAText() {
        assertEquals(List.of("lessons", "teachers", "share"),
                TextTerms.keyTerms("Teachers share lessons. Lessons are shared by teachers with the class: lessons first!", 3));
    }
}
