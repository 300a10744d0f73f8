package dev.specboard.design;

import org.jsoup.Jsoup;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What parsing finds in a context item's content: whether it is text or HTML, its components, colours, layout and key terms. */
final class ContextContent {

    private ContextContent() {
    }

    /**
     * A hex colour written in prose (#1E40AF, #fff), not inside a word, a URL's fragment or an entity (&#123;). Three digits
     * without a letter (#123) read as an issue or list number unless all alike (#000, #333), as brand guides write greys.
     */
    private static final Pattern HEX = Pattern.compile("(?<![\\w&/#])#([0-9A-Fa-f]{6}|[0-9A-Fa-f]{3})(?![\\w-])");

    /** A text's key terms, and the colours it names: a brand or style guide pasted as text gives its palette like an image does. */
    static ContextAnalysis textAnalysis(String text) {
        List<String> colors = colorsNamed(text);
        List<String> relevant = colors.isEmpty() ? List.of("requirements") : List.of("requirements", "design");
        return new ContextAnalysis(List.of(), colors, List.of(), null, relevant, null, null, null, TextTerms.keyTerms(text, 10), null);
    }

    static List<String> colorsNamed(String text) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = HEX.matcher(text);
        while (m.find() && out.size() < 12) {
            String h = m.group(1).toLowerCase(Locale.ROOT);
            if (h.length() == 3) {
                if (h.chars().allMatch(Character::isDigit) && !(h.charAt(0) == h.charAt(1) && h.charAt(1) == h.charAt(2))) {
                    continue;
                }
                h = "" + h.charAt(0) + h.charAt(0) + h.charAt(1) + h.charAt(1) + h.charAt(2) + h.charAt(2);
            }
            out.add("#" + h);
        }
        return List.copyOf(out);
    }

    /**
     * The HTML read of an item, as much as a mockup may have: an upload may be 5 MB, and a document parsed whole is about
     * ten times its size in the heap.
     */
    static final int MAX_HTML = MockupForm.MAX;

    /** At most the first {@link #MAX_HTML} characters of an HTML document. */
    static String capped(String html) {
        return html.length() > MAX_HTML ? html.substring(0, MAX_HTML) : html;
    }

    /**
     * An HTML document through the mockup analyzer: its components and colours, plus the key terms of its text; of a
     * longer document its first {@link #MAX_HTML} characters, and the note says so.
     */
    static ContextAnalysis htmlAnalysis(String document) {
        String html = capped(document);
        String note = html.length() < document.length() ? String.format(Locale.ROOT, "Analysed the first %,d characters of its %,d.",
                html.length(), document.length()) : null;
        MockupAnalysis a = MockupAnalyzer.analyze(html, "");
        List<String> relevant = new ArrayList<>();
        if (!a.colorsUsed().isEmpty()) {
            relevant.add("design");
        }
        if (!a.componentsDetected().isEmpty()) {
            relevant.add("components");
        }
        if (a.componentsDetected().contains("nav")) {
            relevant.add("layout");
        }
        return new ContextAnalysis(a.componentsDetected(), a.colorsUsed().stream().limit(12).toList(), List.of(), layout(a.componentsDetected()),
                relevant, null, null, "html", TextTerms.keyTerms(Jsoup.parse(html).text(), 10), note);
    }

    static String layout(List<String> components) {
        Set<String> c = new LinkedHashSet<>(components);
        if (c.contains("nav") && (c.contains("table") || c.contains("card"))) {
            return "dashboard";
        }
        if (c.contains("form") && !c.contains("table")) {
            return "form";
        }
        if (c.contains("card")) {
            return "grid";
        }
        return c.isEmpty() ? null : "content";
    }

    /** The bytes as UTF-8 text, or null for binary content (invalid UTF-8 or NUL bytes). */
    static String utf8(byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) {
                return null;
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    static boolean looksLikeHtml(String text, String name) {
        String head = text.stripLeading().toLowerCase(Locale.ROOT);
        return head.startsWith("<!doctype html") || head.startsWith("<html")
                || name != null && (name.toLowerCase(Locale.ROOT).endsWith(".html") || name.toLowerCase(Locale.ROOT).endsWith(".htm")) && head.startsWith("<");
    }
}
