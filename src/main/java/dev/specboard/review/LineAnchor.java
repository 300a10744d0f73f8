package dev.specboard.review;

import dev.specboard.repo.FileChange;
import dev.specboard.repo.LineEdit;

/**
 * Moves a thread's line range through a file change: lines that are unchanged but moved carry the
 * thread along; lines that were edited, deleted or split by an insertion make it outdated.
 */
public final class LineAnchor {

    private LineAnchor() {
    }

    /** Where a thread ends up after a change. */
    public sealed interface Outcome permits Moved, Outdated {
    }

    /** The same lines, now at this path and range (1-based, inclusive). */
    public record Moved(String path, int lineStart, int lineEnd) implements Outcome {
    }

    /** The anchored lines no longer exist as they were. */
    public record Outdated(String reason) implements Outcome {
    }

    /**
     * Re-anchors lines {@code lineStart..lineEnd} (1-based, inclusive) of the old file through the
     * change's line edits (0-based, end exclusive, in order, as JGit reports them).
     */
    public static Outcome reanchor(int lineStart, int lineEnd, FileChange change) {
        if (change.isDeleted()) {
            return new Outdated("The file was deleted");
        }
        if (!change.textDiff()) {
            return new Outdated("The file changed and cannot be compared line by line");
        }
        int first = lineStart - 1;     // 0-based first anchored line
        int last = lineEnd;            // 0-based exclusive end
        int shift = 0;
        for (LineEdit e : change.edits()) {
            boolean insertion = e.beginA() == e.endA();
            if (insertion) {
                if (e.beginA() <= first) {
                    shift += e.delta();
                } else if (e.beginA() < last) {
                    return new Outdated("Lines were inserted inside the commented range");
                }
                continue;
            }
            if (e.endA() <= first) {
                shift += e.delta();
            } else if (e.beginA() < last) {
                return new Outdated(e.endB() == e.beginB() ? "The commented lines were deleted" : "The commented lines were changed");
            }
        }
        return new Moved(change.newPath(), lineStart + shift, lineEnd + shift);
    }
}
