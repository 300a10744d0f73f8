package dev.specboard.web;

import java.nio.charset.StandardCharsets;

/**
 * A rendered piece of a page kept across requests (a list's results) as UTF-8 bytes, deflated once when a browser
 * that takes gzip first asks for it. Each request wraps it in a {@link ReadyHtml} of its own (which carries that
 * request's marker) and answers with {@link Htmx#readyPage}.
 */
public final class KeptHtml {

    private final byte[] bytes;
    private volatile ReadyHtml.Deflated deflated;

    public KeptHtml(String html) {
        this.bytes = html.getBytes(StandardCharsets.UTF_8);
    }

    /** Its size in bytes, for weighing what is kept. */
    public int size() {
        return bytes.length;
    }

    /** This piece for one request's page. */
    public ReadyHtml ready() {
        return new ReadyHtml(bytes, 0, bytes.length, this::deflated);
    }

    private ReadyHtml.Deflated deflated() {
        ReadyHtml.Deflated d = deflated;
        if (d == null) {
            // Two first requests may both deflate it, which is harmless.
            d = ReadyHtml.Deflated.of(bytes, 0, bytes.length);
            deflated = d;
        }
        return d;
    }
}
