package dev.specboard.web;

import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class MarkdownTest {

    @Inject
    Markdown markdown;

    @Inject
    TestData data;

    @Test
    void aTextIsRenderedOnceAndAnEditedTextAfresh() {
        String text = "Some **bold** words " + System.nanoTime();
        String first = markdown.render(text);
        assertSame(first, markdown.render(new String(text)), "the same text comes from the cache");
        String edited = markdown.render(text + " and *more*");
        assertTrue(edited.contains("<em>more</em>"), edited);
        assertFalse(first.contains("more"));
    }

    @Test
    void cachedHtmlIsStillSanitised() {
        String text = "<script>alert(1)</script>[x](javascript:alert(2)) " + System.nanoTime();
        markdown.render(text);
        String again = markdown.render(text);
        assertFalse(again.contains("<script"), again);
        assertFalse(again.contains("href=\"javascript:"), again);
    }

    /** Only a person's chat message shows raw HTML as typed; every other markdown field keeps sanitizing it away. */
    @Test
    void rawHtmlShowsAsTypedOnlyWhereAskedAndIsSanitisedElsewhere() {
        String text = "Hi <img src=x onerror=alert(1)> <script>alert(2)</script> *there* " + System.nanoTime();
        String typed = markdown.renderAsTyped(text);
        assertTrue(typed.contains("&lt;img src&#61;x onerror&#61;alert(1)&gt;") || typed.contains("&lt;img src=x onerror=alert(1)&gt;"), typed);
        assertFalse(typed.contains("<img") || typed.contains("<script"), typed);
        assertTrue(typed.contains("<em>there</em>"), typed);
        String rendered = markdown.render(text);
        assertFalse(rendered.contains("img") || rendered.contains("script"), "other fields: dropped as before: " + rendered);
        assertTrue(rendered.contains("<em>there</em>"), rendered);
    }

    /**
     * An image loads for every reader without a click: a member's {@code <img src=x>} made each viewer's browser ask for
     * a page-relative address. Each image is a link to it instead, named by its alt text (else its address).
     */
    @Test
    void anImageIsALinkToItNamedByItsAltTextSoNothingLoadsWithoutAClick() {
        String html = markdown.render("<img src=\"https://x.test/a.png\" title=\"alt\"> ![A chart](https://x.test/b.png) "
                + "<img src=\"https://x.test/c.png\" alt=\"Logo\"> <img src=x onerror=alert(1)> <img src=\"javascript:alert(3)\" alt=\"Bad\"> "
                + "[![Badge](https://x.test/d.png)](https://x.test/ci) " + System.nanoTime());
        Document doc = org.jsoup.Jsoup.parseBodyFragment(html);
        assertTrue(doc.select("img").isEmpty(), html);
        assertFalse(html.contains("onerror") || html.contains("javascript:"), html);
        assertEquals(java.util.List.of("https://x.test/a.png", "https://x.test/b.png", "https://x.test/c.png", "x", "https://x.test/ci"),
                doc.select("a").eachAttr("href"), html);
        assertEquals(java.util.List.of("https://x.test/a.png", "A chart", "Logo", "x", "Badge"), doc.select("a").eachText(), html);
        assertTrue(doc.text().contains("Bad"), "an image whose address is refused keeps its words: " + html);
        assertTrue(markdown.renderLines("![A chart](https://x.test/b.png) " + System.nanoTime()).contains("<a href=\"https://x.test/b.png\""));
    }

    @Test
    void mentionsBecomeLinksToThePersonButNotInCodeLinksOrEmailAddresses() {
        String html = markdown.render("Ask @ann.lee, then *@bob_2*. Not `@code`, not [@link](https://x.test), not mail@ann.test, "
                + "not https://x.test/@path " + System.nanoTime() + "\n\n```\n@fenced\n```\n\n    @indented\n");
        Document doc = org.jsoup.Jsoup.parseBodyFragment(html);
        assertEquals(java.util.List.of("/people/ann.lee", "/people/bob_2"), doc.select("a.mention").eachAttr("href"), html);
        assertEquals(java.util.List.of("@ann.lee", "@bob_2"), doc.select("a.mention").eachText());
        assertTrue(html.contains("<a class=\"mention\" href=\"/people/ann.lee\"") || html.contains("href=\"/people/ann.lee\" class=\"mention\""), html);
        assertEquals(1, doc.select("em > a.mention").size(), "inside emphasis too");
        assertTrue(doc.select("code").text().contains("@code") && doc.select("pre").text().contains("@fenced"), html);
        assertTrue(doc.text().contains("not mail@ann.test, not https://x.test/@path"), html);
    }

    @Test
    void editingAStoryShowsTheEditOnItsPageAtOnce() {
        TestData.Team t = data.team();
        String base = "/projects/" + t.slug() + "/stories";
        Web.as(t.member()).contentType("application/x-www-form-urlencoded")
                .formParam("title", "Export").formParam("description", "**first** text")
                .formParam("acceptanceCriteria", "THE SYSTEM SHALL export").post(base).then().statusCode(303);
        Document before = Web.html(Web.as(t.member()).get(base + "/1").then().statusCode(200).extract().response());
        assertEquals("first", before.select("#description strong").text());

        Web.as(t.member()).contentType("application/x-www-form-urlencoded")
                .formParam("title", "Export").formParam("description", "**second** text")
                .formParam("acceptanceCriteria", "THE SYSTEM SHALL export").formParam("version", 1)
                .post(base + "/1").then().statusCode(303);
        Document after = Web.html(Web.as(t.viewer()).get(base + "/1").then().statusCode(200).extract().response());
        assertEquals("second", after.select("#description strong").text());
    }

    @Test
    void acceptanceCriteriaKeepTheirLinesAndADescriptionReadsAsParagraphs() {
        TestData.Team t = data.team();
        String base = "/projects/" + t.slug() + "/stories";
        String lines = "WHEN saved THE SYSTEM SHALL confirm\nWHEN offline THE SYSTEM SHALL queue";
        Web.as(t.member()).contentType("application/x-www-form-urlencoded")
                .formParam("title", "Save").formParam("description", "one\nparagraph")
                .formParam("acceptanceCriteria", lines).post(base).then().statusCode(303);
        Document page = Web.html(Web.as(t.member()).get(base + "/1").then().statusCode(200).extract().response());
        assertEquals(1, page.select("#criteria p br").size(), page.select("#criteria").outerHtml());
        assertEquals(0, page.select("#description br").size(), "a description's single line break is a space, as markdown has it");

        String preview = Web.as(t.member()).contentType("application/x-www-form-urlencoded").formParam("text", lines)
                .formParam("lines", "true").post("/markdown/preview").then().statusCode(200).extract().asString();
        assertTrue(preview.contains("<br"), preview);
        assertFalse(markdown.renderLines("<script>x</script>\nline " + System.nanoTime()).contains("<script"), "sanitized too");
    }

    @Test
    void headingsNestUnderTheCardHeadingKeepingTheirDistances() {
        Document doc = org.jsoup.Jsoup.parseBodyFragment(markdown.render("# Web " + System.nanoTime() + "\n\n## API\n\n#### Deep\n\n###### Six"));
        assertEquals(java.util.List.of("h3", "h4", "h6", "h6"), doc.select("h1, h2, h3, h4, h5, h6").stream().map(e -> e.tagName()).toList());
        Document second = org.jsoup.Jsoup.parseBodyFragment(markdown.render("## Top " + System.nanoTime() + "\n\n### Next"));
        assertEquals(java.util.List.of("h3", "h4"), second.select("h1, h2, h3, h4, h5, h6").stream().map(e -> e.tagName()).toList(),
                "the text's top heading becomes h3 whatever its level");
        Document raw = org.jsoup.Jsoup.parseBodyFragment(markdown.render("<h1 onclick=\"x()\">Raw</h1>\n\n<h2>Two</h2><h5>Five</h5>\n\n" + System.nanoTime()));
        assertEquals(java.util.List.of("h3", "h3", "h5"), raw.select("h1, h2, h3, h4, h5, h6").stream().map(e -> e.tagName()).toList(),
                "raw HTML headings never outrank the card either");
        assertTrue(raw.select("[onclick]").isEmpty(), "and stay sanitised");
    }

    @Test
    void aStoryDescriptionsTopHeadingIsAnH3InsideItsCard() {
        TestData.Team t = data.team();
        String base = "/projects/" + t.slug() + "/stories";
        Web.as(t.member()).contentType("application/x-www-form-urlencoded")
                .formParam("title", "Export").formParam("description", "# Web\n\nText\n\n## Details")
                .formParam("acceptanceCriteria", "THE SYSTEM SHALL export").post(base).then().statusCode(303);
        Document page = Web.html(Web.as(t.member()).get(base + "/1").then().statusCode(200).extract().response());
        assertEquals(1, page.select("h1").size(), "only the page's own title is an h1");
        assertEquals("Web", page.select("#description h3").text());
        assertEquals("Details", page.select("#description h4").text());
    }

    /**
     * A fenced code block scrolls sideways on a phone, and a wide table scrolled the whole page: each scrolls in a box a
     * keyboard reaches (axe's scrollable-region-focusable), named as a region. A member's own HTML gets the same box and
     * never chooses these attributes, nor a div, itself.
     */
    @Test
    void codeBlocksAndTablesScrollInRegionsAKeyboardReaches() {
        String word = "w".repeat(150);
        String html = markdown.render("```java\nint x = 1;\n```\n\n| A | B |\n|---|---|\n| " + word + " | b |\n\n"
                + "<pre tabindex=\"-1\" role=\"button\" aria-label=\"Evil\" onclick=\"x()\">raw</pre>\n\n"
                + "<div class=\"table-wrap\" tabindex=\"3\" role=\"region\" aria-label=\"Mine\">boxed</div>\n\n"
                + "<table summary=\"a>b <pre>\"><tr><td>raw <table><tr><td>inner</td></tr></table></td></tr></table>\n\n"
                + "`<pre>` and <code>&lt;table></code> " + System.nanoTime());
        Document doc = org.jsoup.Jsoup.parseBodyFragment(html);
        assertEquals(2, doc.select("pre").size(), html);
        for (org.jsoup.nodes.Element pre : doc.select("pre")) {
            assertEquals(java.util.Map.of("tabindex", "0", "role", "region", "aria-label", "Code"),
                    pre.attributes().asList().stream().collect(java.util.stream.Collectors.toMap(a -> a.getKey(), a -> a.getValue())), html);
        }
        assertEquals(3, doc.select("table").size(), html);
        for (org.jsoup.nodes.Element table : doc.select("table")) {
            org.jsoup.nodes.Element wrap = table.parent();
            assertEquals("table-wrap", wrap.className(), html);
            assertTrue(MarkupCensusTest.focusableRegion(wrap) && "Table".equals(wrap.attr("aria-label")), html);
        }
        assertEquals(3, doc.select("div.table-wrap").size(), "the member's own div keeps none of the box's attributes: " + html);
        assertTrue(doc.select("[onclick], [tabindex=-1], [tabindex=3], [aria-label=Evil], [aria-label=Mine], [role=button]").isEmpty(), html);
        assertTrue(doc.text().contains("<pre> and <table>"), "code that names the tags keeps its text: " + html);
        assertTrue(markdown.renderLines("```\nx\n```\n" + System.nanoTime()).contains("<pre tabindex=\"0\" role=\"region\" aria-label=\"Code\">"));
    }
}
