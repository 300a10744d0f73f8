package dev.specboard.web;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Images in a member's text are links to them (commonmark's renderer for a markdown image, the sanitizer's preprocessor
 * for raw HTML), never images, and never a link inside a link. The rendering needs nothing from the application.
 */
class MarkdownImagesTest {

    private final Markdown markdown = new Markdown();

    /** Both renderings, so that the cache never answers for the other. */
    private List<Document> rendered(String text) {
        String html = markdown.render(text);
        String lines = markdown.renderLines(text);
        return List.of(Jsoup.parseBodyFragment(html), Jsoup.parseBodyFragment(lines));
    }

    private static String raw(Document doc) {
        return doc.body().html();
    }

    @Test
    void aMarkdownImageIsALinkNamedByItsAltTextWithItsAddressSanitisedAsALinksIs() {
        for (Document doc : rendered("![A *bold* `chart`](https://x.test/b%20c.png \"Title\") ![](https://x.test/d.png) "
                + "![Bad](javascript:alert(1)) ![Data](data:image/png;base64,AAAA) ![Empty]()")) {
            assertTrue(doc.select("img").isEmpty(), raw(doc));
            assertEquals(List.of("https://x.test/b%20c.png", "https://x.test/d.png"), doc.select("a").eachAttr("href"), raw(doc));
            assertEquals(List.of("A bold chart", "https://x.test/d.png"), doc.select("a").eachText(), "the alt text as plain words, else the address");
            assertEquals(List.of("nofollow", "nofollow"), doc.select("a").eachAttr("rel"), "as every link in a member's text");
            assertFalse(raw(doc).contains("javascript:") || raw(doc).contains("data:"), raw(doc));
            assertTrue(doc.text().contains("Bad") && doc.text().contains("Data") && doc.text().contains("Empty"),
                    "an image whose address is refused keeps its words: " + raw(doc));
        }
    }

    @Test
    void rawHtmlImagesNeverLoadWhateverTheirSpelling() {
        for (Document doc : rendered("<IMG SRC=\"https://x.test/a.png\" ALT=\"Upper\"> <img alt=\"No source\"> "
                + "<img src=\" https://x.test/b.png \" alt=\"Spaced\"/> <img srcset=\"https://x.test/c.png 2x\" alt=\"Set\">\n\n"
                + "<p><img src=\"https://x.test/block.png\" alt=\"Block\"></p>\n\n<img src=\"vbscript:x\" alt=\"Script\">")) {
            assertTrue(doc.select("img, picture, source").isEmpty(), raw(doc));
            assertEquals(List.of("https://x.test/a.png", "https://x.test/b.png", "https://x.test/block.png"), doc.select("a").eachAttr("href"), raw(doc));
            assertEquals(List.of("Upper", "Spaced", "Block"), doc.select("a").eachText(), raw(doc));
            assertFalse(raw(doc).contains("srcset") || raw(doc).contains("vbscript"), raw(doc));
            assertTrue(doc.text().contains("No source") && doc.text().contains("Set") && doc.text().contains("Script"), raw(doc));
        }
    }

    /** A link inside a link is not HTML (axe's nested-interactive): an image inside a link is that link's words. */
    @Test
    void anImageInsideALinkIsThatLinksWordsNotALinkInALink() {
        for (Document doc : rendered("[![Badge](https://x.test/d.png)](https://x.test/ci) "
                + "[<img src=\"https://x.test/e.png\" alt=\"Raw in markdown\">](https://x.test/m) "
                + "<a href=\"https://x.test/r\"><img src=\"https://x.test/f.png\" alt=\"Raw in raw\"></a> "
                + "<a href=\"https://x.test/s\">![Markdown in raw](https://x.test/g.png) after</a> "
                + "<a href=\"https://x.test/t\"><a href=\"https://x.test/inner\">inner</a> outer</a> [a ![b](https://x.test/h.png) c](https://x.test/u)")) {
            String html = raw(doc);
            assertTrue(doc.select("img").isEmpty(), html);
            assertTrue(doc.select("a a").isEmpty(), html);
            assertEquals(List.of("https://x.test/ci", "https://x.test/m", "https://x.test/r", "https://x.test/s", "https://x.test/t",
                    "https://x.test/u"), doc.select("a").eachAttr("href"), html);
            assertEquals(List.of("Badge", "Raw in markdown", "Raw in raw", "Markdown in raw after", "inner outer", "a b c"),
                    doc.select("a").eachText(), html);
        }
        String html = markdown.render("[![Badge](https://x.test/d.png)](https://x.test/ci) once");
        assertEquals(1, html.split("<a ", -1).length - 1, "one link opened in the HTML itself, not only as a parser mends it: " + html);
    }
}
