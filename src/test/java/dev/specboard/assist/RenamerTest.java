package dev.specboard.assist;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The pure parts of renaming: references found by JavaParser, words by boundaries, the rewrite, the diff's two layouts. */
class RenamerTest {

    private static final String SOURCE = """
            package a;

            import b.Greeter;

            /** Uses greet. */
            @Greeter
            class User extends Greeter {
                String greet = "greet";
                void run() { greet(); this.greet(); Runnable r = this::greet; greeting(); }
                // greet here is a comment
            }
            """;

    @Test
    void javaReferencesAreNamesNeverStringsOrComments() {
        JavaCode.Parsed parsed = JavaCode.parse(SOURCE);
        List<JavaCode.Spot> greet = JavaCode.references(parsed.unit(), "greet");
        assertEquals(List.of(new JavaCode.Spot(8, 12), new JavaCode.Spot(9, 18), new JavaCode.Spot(9, 32), new JavaCode.Spot(9, 60)), greet);
        List<JavaCode.Spot> type = JavaCode.references(parsed.unit(), "Greeter");
        assertEquals(List.of(new JavaCode.Spot(3, 10), new JavaCode.Spot(6, 2), new JavaCode.Spot(7, 20)), type,
                "the import's last name, the annotation and the extended type");
    }

    @Test
    void wordsRespectBoundaries() {
        assertEquals(List.of(new JavaCode.Spot(1, 1), new JavaCode.Spot(1, 16)), PlainCode.words("greet(x) + a.b(greet) + greeting + _greet", "greet"));
    }

    @Test
    void rewriteReplacesEachOccurrenceAndRefusesAMovedOne() {
        String text = "a greet b\ngreet\r\nc greet\n";
        List<Renamer.Occurrence> at = List.of(new Renamer.Occurrence(1, 3, ""), new Renamer.Occurrence(2, 1, ""), new Renamer.Occurrence(3, 3, ""));
        assertEquals("a welcome b\nwelcome\r\nc welcome\n", Renamer.rewrite(text, at, "greet", "welcome"));
        assertThrows(JobProblem.class, () -> Renamer.rewrite("a great b\n", List.of(new Renamer.Occurrence(1, 3, "")), "greet", "x"));
    }

    @Test
    void theUnifiedDiffIsReadIntoNumberedLinesAndPairedSideBySide() {
        String diff = Renamer.diff("f.txt", "f.txt", "one\ntwo\nthree\nfour\n", "one\n2\nthree\nfour\nfive\n");
        List<RefactorView.DiffLine> lines = RefactorView.parse(diff);
        assertEquals(List.of("hunk", "context", "del", "add", "context", "context", "add"), lines.stream().map(RefactorView.DiffLine::kind).toList());
        assertEquals(2, lines.get(2).oldLine());
        assertEquals(2, lines.get(3).newLine());
        assertEquals(5, lines.get(6).newLine());
        List<RefactorView.SplitRow> rows = RefactorView.split(lines);
        assertEquals(6, rows.size());
        RefactorView.SplitRow changed = rows.get(2);
        assertEquals("two", changed.left());
        assertEquals("2", changed.right());
        RefactorView.SplitRow added = rows.get(5);
        assertEquals("empty", added.leftKind());
        assertEquals("five", added.right());
    }

    @Test
    void namesAreChecked() {
        assertEquals("welcome", Renamer.check(" greet ", "welcome", "", false, null).newName());
        assertThrows(dev.specboard.web.ValidationException.class, () -> Renamer.check("greet", "new", null, false, null));
        assertThrows(dev.specboard.web.ValidationException.class, () -> Renamer.check("a-b", "c", null, false, null));
    }
}
