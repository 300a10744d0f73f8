package dev.specboard.web;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlWriter;
import org.owasp.html.HtmlStreamEventProcessor;
import org.owasp.html.HtmlStreamEventReceiver;
import org.owasp.html.HtmlStreamEventReceiverWrapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Every image in a member's text as a link to it, named by its alt text (else its address): an image loads for each
 * reader of the page without a click, so a member's {@code <img src=x>} made every viewer's browser ask for a
 * page-relative address (a 404 each time, and any same-origin GET could be sent that way); the page's CSP blocks images
 * from other hosts anyway. A link is followed only by who clicks it, as the text's other links are. A markdown image is
 * rendered so by {@link Renderer}; an {@code <img>} written as raw HTML is turned into one by {@link #RAW}, before the
 * sanitizer's rules, which allow no {@code img} at all. Inside a link an image is its words alone: a link in a link is
 * not HTML (and axe reports it).
 */
final class MarkdownImages {

    private MarkdownImages() {
    }

    /** Renders a markdown image as a link, its address treated as a markdown link's is, or as its words inside a link. */
    static final class Renderer implements NodeRenderer {

        private final HtmlNodeRendererContext context;
        private final HtmlWriter html;

        Renderer(HtmlNodeRendererContext context) {
            this.context = context;
            this.html = context.getWriter();
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(Image.class);
        }

        @Override
        public void render(Node node) {
            Image image = (Image) node;
            String url = image.getDestination();
            String words = AltText.of(image);
            if (words.isBlank()) {
                words = url;
            }
            if (insideLink(image) || url.isBlank()) {
                html.text(words);
                return;
            }
            // as commonmark renders a Link, so that the sanitizer then judges its address like any other link's
            Map<String, String> attributes = new LinkedHashMap<>();
            if (context.shouldSanitizeUrls()) {
                url = context.urlSanitizer().sanitizeLinkUrl(url);
                attributes.put("rel", "nofollow");
            }
            attributes.put("href", context.encodeUrl(url));
            if (image.getTitle() != null) {
                attributes.put("title", image.getTitle());
            }
            html.tag("a", context.extendAttributes(image, "a", attributes));
            html.text(words);
            html.tag("/a");
        }

        private static boolean insideLink(Node node) {
            for (Node at = node.getParent(); at != null; at = at.getParent()) {
                if (at instanceof Link) {
                    return true;
                }
            }
            return false;
        }
    }

    /** An image's alt text as plain words: the text of everything inside its brackets, breaks as spaces. */
    private static final class AltText extends AbstractVisitor {

        private final StringBuilder words = new StringBuilder();

        static String of(Image image) {
            AltText alt = new AltText();
            image.accept(alt);
            return alt.words.toString();
        }

        @Override
        public void visit(Image image) {
            visitChildren(image);
        }

        @Override
        public void visit(Text text) {
            words.append(text.getLiteral());
        }

        @Override
        public void visit(Code code) {
            words.append(code.getLiteral());
        }

        @Override
        public void visit(SoftLineBreak softLineBreak) {
            words.append(' ');
        }

        @Override
        public void visit(HardLineBreak hardLineBreak) {
            words.append(' ');
        }
    }

    /**
     * Rewrites the HTML the sanitizer reads, before its rules: an {@code img} becomes a link to its {@code src} named by
     * its alt text (else its address), which the rules then judge as any link, and a link opened inside a link is left
     * out with its end (its words stay in the outer link).
     */
    static final HtmlStreamEventProcessor RAW = ImagesAsLinks::new;

    private static final class ImagesAsLinks extends HtmlStreamEventReceiverWrapper {

        /** How many links are open here, counting the ones left out. */
        private int links;

        ImagesAsLinks(HtmlStreamEventReceiver underlying) {
            super(underlying);
        }

        @Override
        public void openTag(String name, List<String> attributes) {
            String element = name.toLowerCase(Locale.ROOT);
            if ("img".equals(element)) {
                image(attributes);
            } else if ("a".equals(element)) {
                if (links++ == 0) {
                    underlying.openTag(name, attributes);
                }
            } else {
                underlying.openTag(name, attributes);
            }
        }

        @Override
        public void closeTag(String name) {
            if (!"a".equals(name.toLowerCase(Locale.ROOT))) {
                underlying.closeTag(name);
            } else if (links > 0 && --links == 0) {
                underlying.closeTag(name);
            }
        }

        private void image(List<String> attributes) {
            String src = null;
            String alt = null;
            for (int i = 0; i + 1 < attributes.size(); i += 2) {
                String attribute = attributes.get(i).toLowerCase(Locale.ROOT);
                if ("src".equals(attribute)) {
                    src = attributes.get(i + 1).strip();
                } else if ("alt".equals(attribute)) {
                    alt = attributes.get(i + 1);
                }
            }
            String words = alt == null || alt.isBlank() ? (src == null ? "" : src) : alt;
            if (links > 0 || src == null || src.isEmpty()) {
                underlying.text(words);
                return;
            }
            // a list the policy may change in place, as the lexer's are
            underlying.openTag("a", new ArrayList<>(List.of("href", src)));
            underlying.text(words);
            underlying.closeTag("a");
        }
    }
}
