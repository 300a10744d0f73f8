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

    /**
     * Two long texts that differ on (nearly) every line: too many word pairs and, once the common head and tail are
     * trimmed, too many line pairs, so the differing middle is shown deleted, then inserted, between the common head
     * and tail; a line the two middles happen to share (every 500th here) is not looked for.
     */
    @Test
    void longTextsThatDifferThroughoutAreOneDeletionAndOneInsertionBetweenTheCommonHeadAndTail() {
        StringBuilder oldMiddle = new StringBuilder();
        StringBuilder newMiddle = new StringBuilder();
        for (int i = 0; i < 5_000; i++) {
            oldMiddle.append(i % 500 == 250 ? "shared " + i : "old " + i).append('\n');
            newMiddle.append(i % 500 == 250 ? "shared " + i : "new " + i).append('\n');
        }
        String head = "# Title\nThe same first lines.\n";
        String tail = "The same last line.\n";
        List<TextDiff.Segment> d = TextDiff.diff(head + oldMiddle + tail, head + newMiddle + tail);
        assertEquals(List.of(TextDiff.Op.EQUAL, TextDiff.Op.DELETE, TextDiff.Op.INSERT, TextDiff.Op.EQUAL), d.stream().map(TextDiff.Segment::op).toList());
        assertEquals(head, d.get(0).text());
        assertTrue(oldMiddle.toString().equals(d.get(1).text()), "the whole old middle is deleted");
        assertTrue(newMiddle.toString().equals(d.get(2).text()), "the whole new middle is inserted");
        assertEquals(tail, d.get(3).text());

        List<TextDiff.Segment> whole = TextDiff.diff(oldMiddle.toString(), newMiddle.toString());
        assertEquals(List.of(TextDiff.Op.DELETE, TextDiff.Op.INSERT), whole.stream().map(TextDiff.Segment::op).toList(), "nothing in common at either end");
        assertTrue(oldMiddle.toString().equals(whole.get(0).text()) && newMiddle.toString().equals(whole.get(1).text()));
    }

    @Test
    void aLongTextWithAFewChangedLinesStillGetsALineDiff() {
        StringBuilder a = new StringBuilder();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 5_000; i++) {
            a.append("line ").append(i).append('\n');
            b.append(i == 1_000 || i == 1_500 ? "changed " + i : "line " + i).append('\n');
        }
        // 20,000 words each way are too many pairs for a word diff; the 501 lines between the changes are few enough for a line diff.
        List<TextDiff.Segment> d = TextDiff.diff(a.toString(), b.toString());
        assertEquals(List.of(TextDiff.Op.EQUAL, TextDiff.Op.DELETE, TextDiff.Op.INSERT, TextDiff.Op.EQUAL, TextDiff.Op.DELETE, TextDiff.Op.INSERT,
                TextDiff.Op.EQUAL), d.stream().map(TextDiff.Segment::op).toList());
        assertEquals(List.of("line 1000\n", "changed 1000\n", "line 1500\n", "changed 1500\n"),
                List.of(d.get(1).text(), d.get(2).text(), d.get(4).text(), d.get(5).text()));
    }
}
