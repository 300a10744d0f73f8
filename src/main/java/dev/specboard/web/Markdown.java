package dev.specboard.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.parser.PostProcessor;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.MatchResult;

/**
 * Renders user markdown to HTML that is safe to put in a page: commonmark, then the OWASP sanitizer.
 * The HTML depends on the text alone, so it is kept by content (the text is the key): an edited text
 * is another key, so nothing ever needs invalidating, and the least used entries make room. An {@code @name} outside
 * code and links becomes a link to the person's page ({@code <a class="mention" href="/people/name">@name</a>}).
 * Headings are shifted to nest under the card heading (h2) that shows the text: the text's top heading level becomes
 * h3 and the others keep their distance (at most h6), and the sanitizer turns any h1 or h2 written as raw HTML into h3,
 * so user text never outranks the page's own headings. The shift depends on the text alone, so the cache stays keyed
 * by it. An image becomes a link to it ({@link MarkdownImages}): nothing in a member's text loads without a click.
 */
@ApplicationScoped
@jakarta.inject.Named("markdown")
public class Markdown {

    /**
     * An {@code @username} mention: it starts after the beginning or a character that cannot be part of an email or a
     * word (the one grammar of mentions, also read by notification's {@code Mentions}).
     */
    public static final Pattern MENTION = Pattern.compile("(?<![A-Za-z0-9_.+\\-@/`])@([A-Za-z0-9_](?:[A-Za-z0-9_.-]{0,98}[A-Za-z0-9_])?)");

    private static final List<org.commonmark.Extension> EXTENSIONS = List.of(TablesExtension.create());
    /** At most about this many characters of text and HTML are kept. */
    private static final long CACHED_CHARS = 4_000_000;
    /** The level the text's top heading gets: one below the h2 of the card that shows it. */
    static final int TOP_HEADING = 3;
    private final Parser parser = Parser.builder().extensions(EXTENSIONS).postProcessor(new MentionLinks())
            .postProcessor(new NestedHeadings()).build();
    private final HtmlRenderer renderer = renderer().build();
    /** Line breaks as written: a text of one item per line (acceptance criteria) reads as its lines, not one paragraph. */
    private final HtmlRenderer lineRenderer = renderer().softbreak("<br>\n").build();
    /** Raw HTML shown as typed (escaped), for what a person says in a chat; the markdown around it still renders. */
    private final HtmlRenderer asTypedRenderer = renderer().escapeHtml(true).build();
    private final PolicyFactory policy = Sanitizers.FORMATTING
            .and(Sanitizers.BLOCKS)
            .and(Sanitizers.LINKS)
            .and(Sanitizers.TABLES)
            // no img is allowed: MarkdownImages.RAW has made each raw one a link before these rules judge it
            .and(new HtmlPolicyBuilder()
                    .withPreprocessor(MarkdownImages.RAW)
                    .allowElements("pre", "code", "hr", "del", "span")
                    .allowAttributes("class").matching(Pattern.compile("language-[a-zA-Z0-9_+-]+")).onElements("code")
                    .allowAttributes("start").onElements("ol")
                    .allowElements("a").allowAttributes("class").matching(Pattern.compile("mention")).onElements("a")
                    .toFactory())
            // after the others: raw HTML headings never outrank the card either (markdown ones are already shifted)
            .and(new HtmlPolicyBuilder()
                    .allowElements((name, attributes) -> "h1".equals(name) || "h2".equals(name) ? "h" + TOP_HEADING : name, "h1", "h2")
                    .toFactory());
    private final Cache<String, String> rendered = cache();
    private final Cache<String, String> renderedLines = cache();
    private final Cache<String, String> renderedAsTyped = cache();

    public String render(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        return rendered.get(markdown, text -> scrollable(policy.sanitize(renderer.render(parser.parse(text)))));
    }

    /** Like {@link #render}, but a single line break stays a line break (as GitHub shows comments). */
    public String renderLines(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        return renderedLines.get(markdown, text -> scrollable(policy.sanitize(lineRenderer.render(parser.parse(text)))));
    }

    /**
     * Like {@link #render}, but raw HTML shows literally, as typed ({@code <img src=x>} reads as that text instead of
     * vanishing in the sanitizer): for a person's chat message, which is talk rather than a document. Still sanitized.
     */
    public String renderAsTyped(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        return renderedAsTyped.get(markdown, text -> scrollable(policy.sanitize(asTypedRenderer.render(parser.parse(text)))));
    }

    private static final Pattern PRE = Pattern.compile("<pre(?=[\\s>])");
    private static final Pattern TABLE_START = Pattern.compile("<table(?=[\\s>])");
    /** The label of a code block's scroll region; app.js numbers the ones a page shows more than once. */
    static final String CODE_LABEL = "Code";
    /** The label of a table's scroll region, numbered the same way. */
    static final String TABLE_LABEL = "Table";

    /**
     * Sanitized HTML whose code blocks and tables scroll sideways in a box a keyboard can reach (tabindex 0, a named
     * region), as the app's own tables do: a long line or word scrolled only by mouse, and a wide table widened the
     * whole page. Added after sanitizing, so the sanitizer still refuses these attributes (and any div) in a member's
     * text; there every {@code <} of text and attribute values is escaped, so a tag found here is a real tag.
     */
    static String scrollable(String html) {
        if (html.contains("<pre")) {
            html = PRE.matcher(html).replaceAll("<pre tabindex=\"0\" role=\"region\" aria-label=\"" + CODE_LABEL + "\"");
        }
        if (html.contains("<table")) {
            html = TABLE_START.matcher(html).replaceAll("<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\""
                    + TABLE_LABEL + "\"><table").replace("</table>", "</table></div>");
        }
        return html;
    }

    private static HtmlRenderer.Builder renderer() {
        return HtmlRenderer.builder().extensions(EXTENSIONS).nodeRendererFactory(MarkdownImages.Renderer::new)
                .attributeProviderFactory(context -> (node, tag, attributes) -> {
                    if (isMention(node)) {
                        attributes.put("class", "mention");
                    }
                });
    }

    private static Cache<String, String> cache() {
        return Caffeine.newBuilder()
                .maximumWeight(CACHED_CHARS / 2)
                .weigher((String text, String html) -> text.length() + html.length())
                .build();
    }

    private static final String PEOPLE = "/people/";
    /**
     * A link in rendered HTML whose whole text is an {@code @name} (the sanitizer writes the @ as {@code &#64;}): a mention
     * when its class and address say so.
     */
    private static final Pattern RENDERED_MENTION = Pattern.compile("<a\\s[^>]*>(?:@|&#64;)([A-Za-z0-9_.-]+)</a>");

    private static boolean mentionTag(MatchResult m) {
        String tag = m.group();
        return tag.contains("class=\"mention\"") && tag.contains("href=\"" + PEOPLE + m.group(1) + "\"");
    }

    /** The usernames that rendered HTML links as mentions, lowercased. */
    public static Set<String> mentionedIn(String html) {
        Set<String> names = new LinkedHashSet<>();
        if (html != null && html.contains("class=\"mention\"")) {
            Matcher m = RENDERED_MENTION.matcher(html);
            while (m.find()) {
                if (mentionTag(m)) {
                    names.add(m.group(1).toLowerCase(Locale.ROOT));
                }
            }
        }
        return names;
    }

    /**
     * Rendered HTML with the mentions of anyone not in {@code linked} (lowercased usernames) as plain {@code @name}: a
     * person who is not in the project has no page its readers may open, and the link led to a 404 (an assistant's
     * answer names whoever the model wrote). The rendering stays cached by text alone; this runs on its result.
     */
    public static String unlinkMentions(String html, Set<String> linked) {
        if (html == null || !html.contains("class=\"mention\"")) {
            return html;
        }
        return RENDERED_MENTION.matcher(html).replaceAll(m -> Matcher.quoteReplacement(
                mentionTag(m) && !linked.contains(m.group(1).toLowerCase(Locale.ROOT)) ? "&#64;" + m.group(1) : m.group()));
    }

    /** A link made from an {@code @name} mention (or written just like one), rendered with the class {@code mention}. */
    private static Link mentionLink(String username) {
        Link link = new Link(PEOPLE + username, null);
        link.appendChild(new Text("@" + username));
        return link;
    }

    private static boolean isMention(Node node) {
        return node instanceof Link link && link.getDestination().startsWith(PEOPLE) && link.getFirstChild() instanceof Text text
                && link.getFirstChild() == link.getLastChild() && text.getLiteral().equals("@" + link.getDestination().substring(PEOPLE.length()));
    }

    /** Moves the text's headings down so that its top heading is {@link #TOP_HEADING}, keeping their distances (at most h6). */
    private static final class NestedHeadings implements PostProcessor {

        @Override
        public Node process(Node document) {
            List<Heading> headings = new ArrayList<>();
            document.accept(new AbstractVisitor() {
                @Override
                public void visit(Heading heading) {
                    headings.add(heading);
                }
            });
            int top = headings.stream().mapToInt(Heading::getLevel).min().orElse(TOP_HEADING);
            for (Heading h : headings) {
                h.setLevel(Math.min(6, h.getLevel() - top + TOP_HEADING));
            }
            return document;
        }
    }

    /** Turns the mentions in plain text into links; text in code and in links is never visited. */
    private static final class MentionLinks extends AbstractVisitor implements PostProcessor {

        @Override
        public Node process(Node node) {
            node.accept(this);
            return node;
        }

        @Override
        public void visit(Link link) {
            // a link's text stays as written
        }

        @Override
        public void visit(Text text) {
            String literal = text.getLiteral();
            if (literal.indexOf('@') < 0) {
                return;
            }
            Matcher m = MENTION.matcher(literal);
            int done = 0;
            Node last = text;
            while (m.find()) {
                if (m.start() > done) {
                    last = insertAfter(last, new Text(literal.substring(done, m.start())));
                }
                last = insertAfter(last, mentionLink(m.group(1)));
                done = m.end();
            }
            if (last == text) {
                return;
            }
            if (done < literal.length()) {
                insertAfter(last, new Text(literal.substring(done)));
            }
            text.unlink();
        }

        private static Node insertAfter(Node at, Node node) {
            at.insertAfter(node);
            return node;
        }
    }
}
