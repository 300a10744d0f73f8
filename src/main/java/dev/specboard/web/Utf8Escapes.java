package dev.specboard.web;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Whether the percent-escapes of an address spell UTF-8. The server decodes a byte that is no UTF-8 into the replacement
 * character U+FFFD, so {@code GET .../files/%FF%FE} looked for a file named "��" and answered 404 as if the name were
 * merely unknown; every path and query value (file paths, tree folders, search words) is read as UTF-8, so one rule at
 * the edge refuses such an address with 400 naming the bytes.
 */
final class Utf8Escapes {

    private Utf8Escapes() {
    }

    /** Why the address's escapes are no UTF-8, naming the first bad bytes and where they are; null when they are fine. */
    static String problem(String uri) {
        int query = uri.indexOf('?');
        String path = query < 0 ? uri : uri.substring(0, query);
        String bad = badBytes(path);
        String where = "path";
        if (bad == null && query >= 0) {
            bad = badBytes(uri.substring(query + 1));
            where = "query";
        }
        return bad == null ? null : "The address is not valid UTF-8: its " + where + " has the escaped bytes " + bad
                + ", which no UTF-8 text holds. Escape each byte of the name's UTF-8 (é is %C3%A9).";
    }

    /** The first escaped bytes of this part that are no UTF-8, as escapes ({@code %FF}); null when all decode. */
    private static String badBytes(String part) {
        if (part.indexOf('%') < 0) {
            return null;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            int hi = c == '%' && i + 2 < part.length() ? Character.digit(part.charAt(i + 1), 16) : -1;
            int lo = hi >= 0 ? Character.digit(part.charAt(i + 2), 16) : -1;
            if (lo >= 0) {
                bytes.write(hi * 16 + lo);
                i += 2;
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(b, 0, b.length);
            }
        }
        ByteBuffer in = ByteBuffer.wrap(bytes.toByteArray());
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer out = CharBuffer.allocate(in.remaining() + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            return null;
        }
        StringBuilder shown = new StringBuilder();
        // The bad sequence and what follows it up to four bytes, so "%FF%FE" reads as sent.
        for (int k = in.position(); k < in.limit() && k < in.position() + Math.max(result.length(), 4); k++) {
            int b = in.get(k) & 0xff;
            if (b < 0x80 && k >= in.position() + result.length()) {
                break;
            }
            shown.append(String.format("%%%02X", b));
        }
        return shown.toString();
    }
}
