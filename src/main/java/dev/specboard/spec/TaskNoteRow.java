package dev.specboard.spec;

import java.time.Instant;
import java.util.UUID;

/** One entry of a task's progress log as the task page and the API show it. */
public record TaskNoteRow(UUID id, String author, String via, String body, Instant createdAt) {
}
