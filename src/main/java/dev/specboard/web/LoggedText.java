package dev.specboard.web;

/**
 * Client-sent text (a field or argument name, a path, a username, a message quoting them) as a log line may carry it:
 * line breaks and other control characters escaped, so that no input can start a forged line of its own.
 */
public final class LoggedText {

    /** Longer input is cut: a log line names the input, it does not keep it. */
    private static final int MAX = 1000;

    private LoggedText() {
    }

    /** The text with CR, LF, every other control character and the Unicode line separators escaped; null reads "null". */
    public static String of(Object value) {
        String text = String.valueOf(value);
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX) + 16);
        int i = 0;
        for (; i < text.length() && out.length() < MAX; i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f || c == 0x85 || c == 0x2028 || c == 0x2029) {
                out.append(c < 0x100 ? String.format("\\x%02x", (int) c) : String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return i < text.length() ? out + "…" : out.toString();
    }
}
