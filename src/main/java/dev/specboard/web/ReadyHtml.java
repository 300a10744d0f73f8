package dev.specboard.web;

import io.quarkus.qute.RawString;

import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import java.util.zip.Deflater;

/**
 * A large piece of a page kept rendered as UTF-8 bytes (a file page's code rows), with the same bytes deflated on
 * their own when asked. {@link Htmx#readyPage} writes it into the answer as it is, already compressed when the
 * browser takes gzip, instead of copying it through the template's output, a string, its bytes and zlib on every
 * request. A page rendered any other way gets its text from {@link #html()}.
 */
public final class ReadyHtml {

    private final byte[] bytes;
    private final int offset;
    private final int length;
    private final Supplier<Deflated> deflated;
    /** Set only while {@link Htmx#readyPage} renders the page: the page writes this token where the piece goes. */
    String marker;

    /** The piece {@code bytes[offset, offset + length)}; {@code deflated} gives its {@link Deflated} (kept by the caller). */
    public ReadyHtml(byte[] bytes, int offset, int length, Supplier<Deflated> deflated) {
        this.bytes = bytes;
        this.offset = offset;
        this.length = length;
        this.deflated = deflated;
    }

    /** What a template writes for the piece: its HTML, or the marker {@link Htmx#readyPage} swaps for its bytes. */
    public RawString html() {
        return new RawString(marker != null ? marker : new String(bytes, offset, length, StandardCharsets.UTF_8));
    }

    byte[] bytes() {
        return bytes;
    }

    int offset() {
        return offset;
    }

    int length() {
        return length;
    }

    Deflated deflated() {
        return deflated.get();
    }

    /**
     * A piece deflated on its own, ending on a byte boundary without a final block (a sync flush), so it can stand
     * anywhere in a deflate stream whose compressor was fully flushed before it.
     */
    public record Deflated(byte[] bytes) {

        /** Compressed once and kept, so at a higher level than the per-request parts of a page. */
        private static final int LEVEL = 6;

        public static Deflated of(byte[] raw, int offset, int length) {
            Deflater deflater = new Deflater(LEVEL, true);
            try {
                deflater.setInput(raw, offset, length);
                GrowingBytes out = new GrowingBytes(length / 4 + 64);
                out.deflate(deflater, Deflater.SYNC_FLUSH);
                return new Deflated(out.toArray());
            } finally {
                deflater.end();
            }
        }
    }
}
