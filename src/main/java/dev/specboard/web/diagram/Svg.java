package dev.specboard.web.diagram;
import java.math.BigDecimal;

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

    /**
     * A coordinate exactly, without needless decimals: 12 rather than 12.0, 12.5 and 1.25 kept. It was rounded to one decimal,
     * so a node placed at 1.25 (as the API keeps and answers it) was drawn at 1.3.
     */
    public static String fmt(double d) {
        if (!Double.isFinite(d)) {
            return String.valueOf(d);
        }
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d) : BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    /** The text cut to {@code max} characters with an ellipsis when longer. */
    public static String shorten(String s, int max) {
        return s == null ? "" : s.length() <= max ? s : s.substring(0, max - 1) + "\u2026";
    }
}
