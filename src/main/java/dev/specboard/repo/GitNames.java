package dev.specboard.repo;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

/**
 * A path of a git tree as the file browser names it. Git keeps a name as bytes, any but NUL and {@code /}; JGit reads
 * bytes that are no UTF-8 as ISO-8859-1, so a name written in Latin-1 ({@code caf\351.txt}) read as the UTF-8 name
 * {@code café.txt} of another file, and the two collided: both rows opened the same one. Here each byte that is no part of
 * UTF-8 is written as git itself quotes it ({@code caf\351.txt}), so two different names stay two.
 */
public final class GitNames {

    private GitNames() {
    }

    /** The name of the path's raw bytes, as manifests, threads and refactors key a file. */
    public static String pathOf(byte[] raw) {
        String whole = utf8(raw, 0, raw.length);
        if (whole != null) {
            return whole;
        }
        StringBuilder out = new StringBuilder(raw.length + 8);
        int i = 0;
        while (i < raw.length) {
            int b = raw[i] & 0xff;
            int n = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
            String one = n == 0 || i + n > raw.length ? null : utf8(raw, i, n);
            if (one == null) {
                out.append(String.format("\\%03o", b));
                i++;
            } else {
                out.append(one);
                i += n;
            }
        }
        return out.toString();
    }

    /** The bytes as UTF-8, or null when they are not (a decoder reports what a plain {@code new String} would replace). */
    private static String utf8(byte[] raw, int from, int length) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(raw, from, length)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
