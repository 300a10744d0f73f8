package dev.specboard.kernel;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextDiffTest {

    private static String render(List<TextDiff.Segment> segments) {
        StringBuilder sb = new StringBuilder();
        for (TextDiff.Segment s : segments) {
            sb.append(switch (s.op()) {
                case INSERT -> "{+" + s.text() + "+}";
                case DELETE -> "[-" + s.text() + "-]";
                default -> s.text();
            });
        }
        return sb.toString();
    }

    @Test
    void identicalTextsAreOneEqualSegment() {
        assertEquals(List.of(new TextDiff.Segment(TextDiff.Op.EQUAL, "same text")), TextDiff.diff("same text", "same text"));
    }

    @Test
    void changedWordIsDeletedThenInserted() {
        assertEquals("The [-quick-]{+slow+} fox", render(TextDiff.diff("The quick fox", "The slow fox")));
    }

    @Test
    void insertedAndDeletedWordsAreMarked() {
        assertEquals("a b {+new +}c", render(TextDiff.diff("a b c", "a b new c")));
        assertEquals("a [-old -]c", render(TextDiff.diff("a old c", "a c")));
    }

    @Test
    void rewrittenPhraseReadsAsOneDeletionAndOneInsertion() {
        assertEquals("Users [-can log in-]{+must sign up+} today", render(TextDiff.diff("Users can log in today", "Users must sign up today")));
    }

    @Test
    void nullCountsAsEmpty() {
        assertEquals("{+hello+}", render(TextDiff.diff(null, "hello")));
        assertEquals("[-hello-]", render(TextDiff.diff("hello", null)));
        assertTrue(TextDiff.diff(null, "").isEmpty());
        assertFalse(TextDiff.changed(null, ""));
        assertTrue(TextDiff.changed("a", "b"));
    }

    @Test
    void newlinesArePreserved() {
        assertEquals("line one\nline [-two-]{+2+}\n", render(TextDiff.diff("line one\nline two\n", "line one\nline 2\n")));
    }

    @Test
    void hugeTextsFallBackToLinesAndStayCorrect() {
        StringBuilder a = new StringBuilder();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            a.append("word").append(i).append(" and more ").append(i % 7 == 0 ? "x" : "y").append('\n');
            b.append("word").append(i).append(" and more ").append(i % 11 == 0 ? "x" : "y").append('\n');
        }
        List<TextDiff.Segment> d = TextDiff.diff(a.toString(), b.toString());
        StringBuilder before = new StringBuilder();
        StringBuilder after = new StringBuilder();
        for (TextDiff.Segment s : d) {
            if (!s.isInsert()) {
                before.append(s.text());
            }
            if (!s.isDelete()) {
                after.append(s.text());
            }
        }
        assertEquals(a.toString(), before.toString());
        assertEquals(b.toString(), after.toString());
    }

    @Test
    void aLineDiffOfTextsThatDifferThroughoutIsRefusedButOneChangeInALongTextIsFound() {
        List<String> a = new java.util.ArrayList<>();
        List<String> b = new java.util.ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            a.add("old " + i);
            b.add("new " + i);
        }
        assertTrue(TextDiff.lines(a, b).isEmpty(), "20,000 x 20,000 differing lines are too many to compare");

        List<String> edited = new java.util.ArrayList<>(a);
        edited.set(10_000, "changed");
        List<TextDiff.Segment> d = TextDiff.lines(a, edited).orElseThrow();
        assertEquals(20_001, d.size());
        assertEquals(new TextDiff.Segment(TextDiff.Op.DELETE, "old 10000"), d.get(10_000));
        assertEquals(new TextDiff.Segment(TextDiff.Op.INSERT, "changed"), d.get(10_001));
    }
}
