package dev.specboard.repo;

/**
 * One region of a line diff, 0-based with exclusive ends as JGit's {@code Edit}: lines
 * [beginA, endA) of the old file became lines [beginB, endB) of the new one.
 */
public record LineEdit(int beginA, int endA, int beginB, int endB) {

    public int delta() {
        return (endB - beginB) - (endA - beginA);
    }
}
