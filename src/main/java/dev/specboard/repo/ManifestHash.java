package dev.specboard.repo;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/** The integrity hash of a manifest: SHA-256 of its canonical JSON (sorted keys, no whitespace). */
public final class ManifestHash {

    private ManifestHash() {
    }

    /**
     * The hash, with the JSON fed to the digest in pieces of about 8 KB: the whole JSON of a 30,000-file manifest as one
     * string (and its bytes, and the builder's spare room) took some 15 MB at once.
     */
    public static String of(Object data) {
        try {
            Out out = new Out(MessageDigest.getInstance("SHA-256"));
            write(data, out);
            out.flush();
            return HexFormat.of().formatHex(out.digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** JSON with object keys sorted by code point and no insignificant whitespace. */
    public static String canonicalJson(Object value) {
        Out out = new Out(null);
        write(value, out);
        return out.toString();
    }

    /** The JSON written so far, handed to the digest (when hashing) between whole values once it passes 8 KB. */
    private static final class Out {
        private final StringBuilder text = new StringBuilder();
        private final MessageDigest digest;

        Out(MessageDigest digest) {
            this.digest = digest;
        }

        Out append(Object o) {
            text.append(o);
            return this;
        }

        Out append(char c) {
            text.append(c);
            return this;
        }

        /** Called between values only, so a character's UTF-8 bytes are never split. */
        void flushIfFull() {
            if (digest != null && text.length() >= 8192) {
                flush();
            }
        }

        void flush() {
            if (digest != null) {
                digest.update(text.toString().getBytes(StandardCharsets.UTF_8));
                text.setLength(0);
            }
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }

    private static void write(Object value, Out out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            string(s, out);
        } else if (value instanceof Boolean b) {
            out.append(b);
        } else if (value instanceof Number n) {
            number(n, out);
        } else if (value instanceof Map<?, ?> map) {
            Map<String, Object> sorted = new TreeMap<>();
            map.forEach((k, v) -> sorted.put(String.valueOf(k), v));
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, Object> e : sorted.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                string(e.getKey(), out);
                out.append(':');
                write(e.getValue(), out);
            }
            out.append('}');
        } else if (value instanceof Collection<?> list) {
            out.append('[');
            boolean first = true;
            for (Object item : list) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                write(item, out);
                out.flushIfFull();
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException("Not a JSON value: " + value.getClass().getName());
        }
    }

    private static void number(Number n, Out out) {
        // A number read back from JSONB may come as Integer, Long or BigDecimal: the same value prints the same way.
        if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte || n instanceof BigInteger) {
            out.append(n);
            return;
        }
        BigDecimal d = n instanceof BigDecimal bd ? bd : new BigDecimal(n.toString());
        d = d.stripTrailingZeros();
        out.append(d.scale() <= 0 ? d.toBigIntegerExact().toString() : d.toPlainString());
    }

    private static void string(String s, Out out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
