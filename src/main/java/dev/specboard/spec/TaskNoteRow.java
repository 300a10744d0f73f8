package dev.specboard.spec;

import java.time.Instant;
import java.util.UUID;

/** One entry of a task's progress log as the task page and the API show it: the markdown and its sanitised HTML. */
public record TaskNoteRow(UUID id, String author, String via, String body, String html, Instant createdAt) {
}
