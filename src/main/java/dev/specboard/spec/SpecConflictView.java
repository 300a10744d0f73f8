package dev.specboard.spec;

/** The version someone else saved, shown next to the editor's own text after a stale save. */
public record SpecConflictView(int yourVersion, int currentVersion, String currentTitle, String currentHtml) {
}
