package dev.specboard.design;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

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
    void keyTermsOfAText() {
        assertEquals(List.of("lessons", "teachers", "share"),
                TextTerms.keyTerms("Teachers share lessons. Lessons are shared by teachers with the class: lessons first!", 3));
    }
}
