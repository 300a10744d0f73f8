package dev.specboard.web;

/**
 * The one rule for a single-line name or title (a page's name, a feature's name, a story's title): control characters
 * (C0 including tabs and line breaks, DEL, C1) and the characters that change the direction of the text around them
 * (U+202A to U+202E, U+2066 to U+2069, which a person's name may not hold either, see PlainName) are dropped wherever
 * they are and the blanks around the text go. They cannot be seen, so a name holding a bell character looked like
 * another name yet differed from it, a line break broke the lists showing it, and a right-to-left override reversed
 * the text after it. The forms refuse a direction character first, naming it (see Upright); one still arriving here is dropped.
 * Multi-line texts (descriptions, bodies) keep their line breaks and tabs and are not read through this.
 */
public final class SingleLine {

    private SingleLine() {
    }

    /** The text without control and direction characters, stripped; null stays null. */
    public static String clean(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().filter(c -> !Character.isISOControl(c) && !(c >= 0x202A && c <= 0x202E) && !(c >= 0x2066 && c <= 0x2069))
                .forEach(out::appendCodePoint);
        return out.toString().strip();
    }

    /**
     * The cleaned value of a required field, refused (422 naming {@code field}) when nothing but control characters and
     * blanks was given: the field's own not-blank check saw a character there.
     */
    public static String required(String field, String text, String message) {
        String clean = clean(text);
        if (clean == null || clean.isEmpty()) {
            throw ValidationException.of(field, message);
        }
        return clean;
    }
}
