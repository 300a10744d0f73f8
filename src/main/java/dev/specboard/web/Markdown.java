package dev.specboard.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

import java.util.List;

/**
 * Renders user markdown to HTML that is safe to put in a page: commonmark, then the OWASP sanitizer.
 * The HTML depends on the text alone, so it is kept by content (the text is the key): an edited text
 * is another key, so nothing ever needs invalidating, and the least used entries make room.
 */
@ApplicationScoped
@jakarta.inject.Named("markdown")
public class Markdown {

    private static final List<org.commonmark.Extension> EXTENSIONS = List.of(TablesExtension.create());
    /** At most about this many characters of text and HTML are kept. */
    private static final long CACHED_CHARS = 4_000_000;
    private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();
    private final HtmlRenderer renderer = HtmlRenderer.builder().extensions(EXTENSIONS).build();
    private final PolicyFactory policy = Sanitizers.FORMATTING
            .and(Sanitizers.BLOCKS)
            .and(Sanitizers.LINKS)
            .and(Sanitizers.TABLES)
            .and(Sanitizers.IMAGES)
            .and(new HtmlPolicyBuilder()
                    .allowElements("pre", "code", "hr", "del", "span")
                    .allowAttributes("class").matching(java.util.regex.Pattern.compile("language-[a-zA-Z0-9_+-]+")).onElements("code")
                    .allowAttributes("start").onElements("ol")
                    .toFactory());

    private final Cache<String, String> rendered = Caffeine.newBuilder()
            .maximumWeight(CACHED_CHARS)
            .weigher((String text, String html) -> text.length() + html.length())
            .build();

    public String render(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        return rendered.get(markdown, this::renderNow);
    }

    private String renderNow(String markdown) {
        return policy.sanitize(renderer.render(parser.parse(markdown)));
    }
}
