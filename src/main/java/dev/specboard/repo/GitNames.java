package dev.specboard.repo;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A path of a git tree as the file browser names it. Git keeps a name as bytes, any but NUL and {@code /}; JGit reads
 * bytes that are no UTF-8 as ISO-8859-1, so a name written in Latin-1 ({@code caf\351.txt}) read as the UTF-8 name
 * {@code café.txt} of another file, and the two collided: both rows opened the same one. Here each byte that is no part of
 * UTF-8 is written as git itself quotes it ({@code caf\351.txt}), so two different names stay two.
 */
public final class GitNames {

    /** A byte {@link #pathOf} escaped: only bytes from 0x80 up are ever no part of UTF-8. */
    private static final Pattern ESCAPED = Pattern.compile("\\\\([23][0-7]{2})");

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

    /**
     * The name of a path as {@link #pathOf} wrote it, for a person to read: the bytes written as {@code \ooo} decoded with
     * the rest, each byte that is no part of UTF-8 shown as U+FFFD ({@code bad\377name.txt} reads "bad", U+FFFD,
     * "name.txt"): git's quoted form read as noise. A name that is UTF-8 as written was never escaped and comes back as
     * is. Links keep the path as written, the name the manifest knows the file by.
     */
    public static String readable(String path) {
        if (path == null || path.indexOf('\\') < 0) {
            return path;
        }
        Matcher m = ESCAPED.matcher(path);
        ByteArrayOutputStream raw = new ByteArrayOutputStream(path.length());
        int last = 0;
        while (m.find()) {
            raw.writeBytes(path.substring(last, m.start()).getBytes(StandardCharsets.UTF_8));
            raw.write(Integer.parseInt(m.group(1), 8));
            last = m.end();
        }
        if (last == 0) {
            return path;
        }
        raw.writeBytes(path.substring(last).getBytes(StandardCharsets.UTF_8));
        byte[] bytes = raw.toByteArray();
        return utf8(bytes, 0, bytes.length) == null ? new String(bytes, StandardCharsets.UTF_8) : path;
    }

    /** Whether the path's name holds bytes that are no UTF-8 (written escaped by {@link #pathOf}). */
    public static boolean notUtf8(String path) {
        return path != null && !path.equals(readable(path));
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
