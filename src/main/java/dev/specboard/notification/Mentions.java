package dev.specboard.notification;

import dev.specboard.web.Markdown;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the {@code @username} mentions in a markdown text, outside code, in the order they appear. */
public final class Mentions {

    /** The one grammar of mentions, which the markdown renderer also turns into links. */
    private static final Pattern MENTION = Markdown.MENTION;
    private static final Pattern FENCE = Pattern.compile("(?ms)^ {0,3}(```|~~~).*?(^ {0,3}\\1[^\\n]*$|\\z)");
    private static final Pattern INLINE_CODE = Pattern.compile("(`+)(?s:.+?)\\1");

    private Mentions() {
    }

    /** The distinct usernames mentioned, lowercased, first mention first. */
    public static Set<String> parse(String markdown) {
        Set<String> names = new LinkedHashSet<>();
        if (markdown == null || markdown.indexOf('@') < 0) {
            return names;
        }
        String text = FENCE.matcher(markdown).replaceAll(" ");
        text = INLINE_CODE.matcher(text).replaceAll(" ");
        Matcher m = MENTION.matcher(text);
        while (m.find()) {
            names.add(m.group(1).toLowerCase(java.util.Locale.ROOT));
        }
        return names;
    }
}
