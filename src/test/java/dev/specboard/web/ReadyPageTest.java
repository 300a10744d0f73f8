package dev.specboard.web;

import io.quarkus.qute.Engine;
import io.quarkus.qute.ReflectionValueResolver;
import io.quarkus.qute.Template;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pages joined from their own text and kept pieces: the same bytes plain and gzipped as rendered whole. */
class ReadyPageTest {

    private final Engine engine = Engine.builder().addDefaults().addValueResolver(new ReflectionValueResolver()).build();

    private static ReadyHtml piece(String html) {
        byte[] all = ("xx" + html + "yy").getBytes(StandardCharsets.UTF_8);
        int length = html.getBytes(StandardCharsets.UTF_8).length;
        return new ReadyHtml(all, 2, length, () -> ReadyHtml.Deflated.of(all, 2, length));
    }

    private static String gunzip(byte[] gz) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void piecesBetweenRenderedTextComeOutAsIfRenderedWhole() throws IOException {
        Template t = engine.parse("<head>{title}</head>{#for p in pieces}{p.html}<hr>{p_count} é{/for}<end>");
        // Repetitive text makes the compressors refer back: nothing may refer past a piece.
        String repeated = "<tr id=L1><td><a href=#L1>1</a><td>public int a() { return 1; } ".repeat(200);
        List<ReadyHtml> pieces = List.of(piece(repeated + "ü✓"), piece("<tr id=L9><td>x"), piece(repeated));
        String whole = t.data("title", "A ✓ title").data("pieces", pieces).render();

        List<Object> parts = ReadyPage.render(t.data("title", "A ✓ title").data("pieces", pieces), pieces);
        assertEquals(7, parts.size());
        assertArrayEquals(whole.getBytes(StandardCharsets.UTF_8), ReadyPage.plain(parts));
        assertEquals(whole, gunzip(ReadyPage.gzip(parts)));
        // Twice, with a deflater taken back from the pool.
        assertEquals(whole, gunzip(ReadyPage.gzip(ReadyPage.render(t.data("title", "A ✓ title").data("pieces", pieces), pieces))));
        // The pieces write their text again once the page is done.
        assertEquals(whole, t.data("title", "A ✓ title").data("pieces", pieces).render());
    }

    @Test
    void aTemplateThatWritesAPieceTwiceOrNeverIsNotJoined() {
        ReadyHtml p = piece("rows");
        assertNull(ReadyPage.render(engine.parse("{p.html}{p.html}").data("p", p), List.of(p)));
        assertNull(ReadyPage.render(engine.parse("nothing").data(Map.of()), List.of(p)));
        assertEquals("rows", engine.parse("{p.html}").data("p", p).render());
    }

    @Test
    void aTemplateErrorComesOutAsItself() {
        ReadyHtml p = piece("rows");
        org.junit.jupiter.api.Assertions.assertThrows(io.quarkus.qute.TemplateException.class,
                () -> ReadyPage.render(engine.parse("{p.html}{p.nothing}").data("p", p), List.of(p)));
        assertEquals("rows", engine.parse("{p.html}").data("p", p).render(), "the piece writes its text again");
    }

    @Test
    void gzipIsTakenUnlessRefused() {
        assertTrue(ReadyPage.acceptsGzip("gzip, deflate, br"));
        assertTrue(ReadyPage.acceptsGzip("br;q=1.0, GZIP;q=0.5"));
        assertFalse(ReadyPage.acceptsGzip("gzip;q=0"));
        assertFalse(ReadyPage.acceptsGzip("deflate, br"));
        assertFalse(ReadyPage.acceptsGzip(null));
        assertFalse(ReadyPage.acceptsGzip("gzip;q=x"));
    }
}
