package dev.specboard.web;

import io.quarkus.qute.Engine;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.core.StreamingOutput;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A streamed page whose rendering fails half-way: it says so at its end, where it was cut. */
class HtmxLargePageTest {

    private static final Engine ENGINE = Engine.builder().addDefaults().build();

    /** A page of {@code rows} rows whose rendering then fails (a value that cannot be read). */
    private static TemplateInstance failingAfter(int rows) {
        List<String> items = IntStream.range(0, rows).mapToObj(i -> "row " + i).toList();
        Map<String, Object> broken = new AbstractMap<>() {
            @Override
            public Object get(Object key) {
                throw new IllegalStateException(key + " could not be read");
            }

            @Override
            public Set<Entry<String, Object>> entrySet() {
                return Set.of();
            }
        };
        return ENGINE.parse("<table>{#for item in items}<tr><td>{item}</td></tr>{/for}<tr><td>{broken.total}</td></tr></table>")
                .data("items", items).data("broken", broken);
    }

    @Test
    void aPageWhoseRenderingFailsEndsWithANoticeAfterWhatItSent() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ((StreamingOutput) Htmx.largePage(failingAfter(5_000)).getEntity()).write(out);
        String page = out.toString(StandardCharsets.UTF_8);
        assertTrue(page.startsWith("<table><tr><td>row 0</td></tr>"), page.substring(0, 60));
        assertTrue(page.contains("<tr><td>row 4999</td></tr>"), "every row before the failure");
        assertTrue(page.endsWith(Htmx.CUT_SHORT), page.substring(page.length() - 200));
    }

    @Test
    void aBrowserThatWentAwayIsNotWrittenTo() {
        OutputStream gone = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("Connection reset by peer");
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                throw new IOException("Connection reset by peer");
            }
        };
        StreamingOutput body = (StreamingOutput) Htmx.largePage(failingAfter(100_000)).getEntity();
        assertThrows(IOException.class, () -> body.write(gone));
    }
}
