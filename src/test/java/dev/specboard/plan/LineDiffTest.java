package dev.specboard.plan;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LineDiffTest {

    private static String show(List<LineDiff.Row> rows) {
        return rows.stream().map(r -> r.kind() + ":" + (r.oldLine() == null ? "-" : r.oldLine()) + ":"
                + (r.newLine() == null ? "-" : r.newLine()) + ":" + r.text()).collect(Collectors.joining("\n"));
    }

    @Test
    void changedLineShowsContextAndNumbersOnBothSides() {
        List<String> a = LineDiff.lines("1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n");
        List<String> b = LineDiff.lines("1\n2\n3\n4\n5\nsix\n7\n8\n9\n10\n");
        assertEquals("""
                gap:-:-:…
                same:3:3:3
                same:4:4:4
                same:5:5:5
                del:6:-:6
                add:-:6:six
                same:7:7:7
                same:8:8:8
                same:9:9:9
                gap:-:-:…""", show(LineDiff.rows(a, b)));
    }

    @Test
    void insertionShiftsTheNewNumbers() {
        List<LineDiff.Row> rows = LineDiff.rows(List.of("a", "b"), List.of("a", "x", "b"));
        assertEquals("same:1:1:a\nadd:-:2:x\nsame:2:3:b", show(rows));
    }

    @Test
    void sameTextsHaveNoRows() {
        assertTrue(LineDiff.rows(List.of("a"), List.of("a")).isEmpty());
    }

    @Test
    void newFileIsAllAdditions() {
        assertEquals("add:-:1:x\nadd:-:2:y", show(LineDiff.rows(List.of(), List.of("x", "y"))));
    }
}
