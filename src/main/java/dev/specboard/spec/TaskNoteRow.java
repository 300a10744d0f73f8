package dev.specboard.spec;

import java.time.Instant;
import java.util.UUID;

/**
 * One entry of a task's progress log as the task page and the API show it: the markdown and its sanitised HTML, and
 * whether its author held the task when writing it ({@code byClaimer}). Anyone with the member role may write on a task
 * another holds; such an entry is a comment, told apart from the claimer's progress so that nobody (an agent reading its
 * context least of all) takes it for the holder's own word.
 */
public record TaskNoteRow(UUID id, String author, String via, String body, String html, Instant createdAt, boolean byClaimer) {

    /** The kind of an entry its claimer wrote while holding the task. */
    public static final String PROGRESS = "progress";

    /** The kind of an entry by anyone else: the task was free then, or held by another. */
    public static final String COMMENT = "comment";

    /** {@link #PROGRESS} or {@link #COMMENT}. */
    public String kind() {
        return byClaimer ? PROGRESS : COMMENT;
    }

    /** What the task page says the entry is, beside its author. */
    public String kindLabel() {
        return byClaimer ? "claimer's progress" : "comment";
    }
}
