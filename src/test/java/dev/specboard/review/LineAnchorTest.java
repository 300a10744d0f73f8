package dev.specboard.review;

import dev.specboard.repo.FileChange;
import dev.specboard.repo.LineEdit;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

class LineAnchorTest {

    private static FileChange change(LineEdit... edits) {
        return new FileChange("a.java", "a.java", true, List.of(edits));
    }

    private static LineAnchor.Moved moved(LineAnchor.Outcome o) {
        return assertInstanceOf(LineAnchor.Moved.class, o);
    }

    @Test
    void insertionAboveMovesTheThreadDown() {
        // 3 lines inserted before old line 5 (0-based 4): old lines 10-12 become 13-15.
        LineAnchor.Moved m = moved(LineAnchor.reanchor(10, 12, change(new LineEdit(4, 4, 4, 7))));
        assertEquals(13, m.lineStart());
        assertEquals(15, m.lineEnd());
        assertEquals("a.java", m.path());
    }

    @Test
    void insertionDirectlyAboveTheFirstLineMovesTheThread() {
        LineAnchor.Moved m = moved(LineAnchor.reanchor(10, 12, change(new LineEdit(9, 9, 9, 2 + 9))));
        assertEquals(12, m.lineStart());
        assertEquals(14, m.lineEnd());
    }

    @Test
    void insertionDirectlyBelowTheLastLineLeavesTheThread() {
        LineAnchor.Moved m = moved(LineAnchor.reanchor(10, 12, change(new LineEdit(12, 12, 12, 20))));
        assertEquals(10, m.lineStart());
        assertEquals(12, m.lineEnd());
    }

    @Test
    void deletionAboveMovesTheThreadUp() {
        LineAnchor.Moved m = moved(LineAnchor.reanchor(10, 12, change(new LineEdit(0, 4, 0, 0))));
        assertEquals(6, m.lineStart());
        assertEquals(8, m.lineEnd());
    }

    @Test
    void movedBlockFollowsItsLinesThroughSeveralEdits() {
        // Lines 1-3 replaced by 1 line (-2), 4 lines inserted after old line 6 (+4), a change below the range.
        LineAnchor.Moved m = moved(LineAnchor.reanchor(20, 25, change(
                new LineEdit(0, 3, 0, 1), new LineEdit(6, 6, 4, 8), new LineEdit(30, 31, 32, 35))));
        assertEquals(22, m.lineStart());
        assertEquals(27, m.lineEnd());
    }

    @Test
    void editedLineInsideTheRangeMakesItOutdated() {
        LineAnchor.Outcome o = LineAnchor.reanchor(10, 12, change(new LineEdit(10, 11, 10, 11)));
        assertEquals("The commented lines were changed", assertInstanceOf(LineAnchor.Outdated.class, o).reason());
    }

    @Test
    void editOverlappingTheFirstLineMakesItOutdated() {
        assertInstanceOf(LineAnchor.Outdated.class, LineAnchor.reanchor(10, 12, change(new LineEdit(7, 10, 7, 8))));
    }

    @Test
    void deletedRangeMakesItOutdated() {
        LineAnchor.Outcome o = LineAnchor.reanchor(10, 12, change(new LineEdit(8, 14, 8, 8)));
        assertEquals("The commented lines were deleted", assertInstanceOf(LineAnchor.Outdated.class, o).reason());
    }

    @Test
    void insertionInsideTheRangeMakesItOutdated() {
        assertInstanceOf(LineAnchor.Outdated.class, LineAnchor.reanchor(10, 12, change(new LineEdit(11, 11, 11, 13))));
    }

    @Test
    void editBelowTheRangeLeavesItWhereItIs() {
        LineAnchor.Moved m = moved(LineAnchor.reanchor(10, 12, change(new LineEdit(12, 20, 12, 13))));
        assertEquals(10, m.lineStart());
        assertEquals(12, m.lineEnd());
    }

    @Test
    void renamedFileCarriesTheThreadToTheNewPath() {
        FileChange rename = new FileChange("old/A.java", "new/A.java", true, List.of(new LineEdit(0, 0, 0, 1)));
        LineAnchor.Moved m = moved(LineAnchor.reanchor(3, 3, rename));
        assertEquals("new/A.java", m.path());
        assertEquals(4, m.lineStart());
    }

    @Test
    void deletedFileMakesItOutdated() {
        LineAnchor.Outcome o = LineAnchor.reanchor(3, 4, FileChange.deleted("a.java"));
        assertEquals("The file was deleted", assertInstanceOf(LineAnchor.Outdated.class, o).reason());
    }

    @Test
    void fileThatBecameBinaryMakesItOutdated() {
        assertInstanceOf(LineAnchor.Outdated.class, LineAnchor.reanchor(3, 4, new FileChange("a", "a", false, List.of())));
    }

    @Test
    void unchangedFileKeepsTheLines() {
        LineAnchor.Moved m = moved(LineAnchor.reanchor(3, 4, FileChange.unchanged("a.java")));
        assertEquals(3, m.lineStart());
        assertEquals(4, m.lineEnd());
    }
}
