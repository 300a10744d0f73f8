package dev.specboard.web;

import jakarta.enterprise.context.ApplicationScoped;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

import java.util.List;

/** Renders user markdown to HTML that is safe to put in a page: commonmark, then the OWASP sanitizer. */
@ApplicationScoped
public class Markdown {

    private static final List<org.commonmark.Extension> EXTENSIONS = List.of(TablesExtension.create());
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

    public String render(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        return policy.sanitize(renderer.render(parser.parse(markdown)));
    }
}
