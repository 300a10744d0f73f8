package dev.specboard.review;

import io.quarkus.qute.RawString;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A thread with its comments, read in two queries for any number of threads. */
public record ThreadView(UUID id, String filePath, int lineStart, int lineEnd, ThreadState state, String snippet,
                         int manifestVersion, String originalFilePath, int originalLineStart, int originalLineEnd,
                         int originalManifestVersion, Instant createdAt, Instant updatedAt, List<CommentView> comments) {

    public boolean isOpen() {
        return state == ThreadState.OPEN;
    }

    public boolean isResolved() {
        return state == ThreadState.RESOLVED;
    }

    public boolean isOutdated() {
        return state == ThreadState.OUTDATED;
    }

    public RawString lines() {
        return range(lineStart, lineEnd);
    }

    public RawString originalLines() {
        return range(originalLineStart, originalLineEnd);
    }

    /**
     * "line 3" or "lines 3–5", the dash as a character reference: one character outside Latin-1 would make the
     * rest of a file page, rows of code included, render and encode as UTF-16. Only numbers go in, so it is safe raw.
     */
    private static RawString range(int start, int end) {
        return new RawString(start == end ? "line " + start : "lines " + start + "&#8211;" + end);
    }

    public String anchor() {
        return lineStart == lineEnd ? "L" + lineStart : "L" + lineStart + "-L" + lineEnd;
    }

    public String originalAnchor() {
        return originalLineStart == originalLineEnd ? "L" + originalLineStart : "L" + originalLineStart + "-L" + originalLineEnd;
    }

    /** Whether the thread moved since it was written (other lines or another file). */
    public boolean moved() {
        return originalLineStart != lineStart || originalLineEnd != lineEnd || !originalFilePath.equals(filePath);
    }

    public String firstAuthor() {
        return comments.isEmpty() ? "" : comments.get(0).author();
    }
}
