package dev.specboard.support;

import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Screen readers do not announce {@code <ins>}/{@code <del>}: every run of a diff (tags/diff.html) says in visually hidden
 * text where it starts and ends ("added: … end added."), without a style attribute (the strict CSP refuses those).
 */
public final class DiffMarks {

    private DiffMarks() {
    }

    /** Fails unless the element holds runs and every added or removed run inside it carries its spoken marks. */
    public static void assertLabelled(Element within) {
        Elements runs = within.select(".diff ins, .diff del");
        assertFalse(runs.isEmpty(), "no added or removed run in " + within.html());
        for (Element run : runs) {
            String word = run.tagName().equals("ins") ? "added" : "removed";
            Elements marks = run.children();
            assertEquals(2, marks.size(), run.outerHtml());
            assertTrue(marks.stream().allMatch(m -> m.tagName().equals("span") && m.hasClass("visually-hidden") && !m.hasAttr("style")),
                    run.outerHtml());
            assertEquals(word + ":", marks.get(0).text(), run.outerHtml());
            assertEquals("end " + word + ".", marks.get(1).text(), run.outerHtml());
            assertTrue(run.childNode(0) == marks.get(0) && run.childNode(run.childNodeSize() - 1) == marks.get(1), run.outerHtml());
        }
        assertTrue(within.select("[style]").isEmpty(), "no style attribute: " + within.select("[style]").outerHtml());
    }

    /** The text of a run as it shows, without its spoken marks. */
    public static String shown(Elements runs) {
        return String.join(" ", runs.stream().map(Element::ownText).toList());
    }
}
