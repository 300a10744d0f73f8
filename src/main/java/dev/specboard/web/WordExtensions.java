package dev.specboard.web;

import io.quarkus.qute.TemplateExtension;

import java.util.Locale;

/**
 * A stored code as words for people, for every template: {@code {status.worded}} shows "in_progress", "in-progress" or
 * "IN_PROGRESS" as "In progress", so a select's option reads as words while its value stays the code the server takes.
 */
@TemplateExtension
public final class WordExtensions {

    private WordExtensions() {
    }

    /** The code with dashes and underscores as spaces, in lower case but for its first letter; null reads as "". */
    public static String worded(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        String words = code.strip().replace('_', ' ').replace('-', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /**
     * The text cut to at most {@code max} characters, an ellipsis ending what was cut: a page title that echoes what
     * someone typed (a search of 3000 characters) stays a title, in the tab and in the history.
     */
    public static String clipped(String text, int max) {
        if (text == null) {
            return "";
        }
        String t = text.strip();
        if (t.codePointCount(0, t.length()) <= max) {
            return t;
        }
        return t.substring(0, t.offsetByCodePoints(0, max)).stripTrailing() + "\u2026";
    }
}
