package dev.specboard.web.diagram;

import java.util.Locale;

/** Small helpers for writing SVG text: escaping, short numbers, shortened labels. */
public final class Svg {

    private Svg() {
    }

    /** Escapes text for an SVG/HTML element or a double- or single-quoted attribute. */
    public static String esc(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }

    /** A coordinate without needless decimals: 12 rather than 12.0, 12.5 kept. */
    public static String fmt(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.format(Locale.ROOT, "%.1f", d);
    }

    /** The text cut to {@code max} characters with an ellipsis when longer. */
    public static String shorten(String s, int max) {
        return s == null ? "" : s.length() <= max ? s : s.substring(0, max - 1) + "\u2026";
    }
}
