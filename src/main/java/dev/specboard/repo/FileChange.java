package dev.specboard.repo;

import java.util.List;

/**
 * What happened to one file between two commits: deleted ({@code newPath} null), or changed and
 * maybe renamed, with its line edits; {@code textDiff} is false when no line diff exists (binary).
 */
public record FileChange(String oldPath, String newPath, boolean textDiff, List<LineEdit> edits) {

    public static FileChange unchanged(String path) {
        return new FileChange(path, path, true, List.of());
    }

    public static FileChange deleted(String path) {
        return new FileChange(path, null, false, List.of());
    }

    public boolean isDeleted() {
        return newPath == null;
    }

    public boolean isRenamed() {
        return newPath != null && !newPath.equals(oldPath);
    }
}
