package dev.specboard.review;

import java.util.Set;
import java.util.UUID;

/**
 * Fired inside the transaction that adds a comment (the first one of a new thread included):
 * notifications go to the earlier participants (author excluded) and the mentioned usernames; {@code byAssistant} when
 * the assistant wrote it (author type AI) for the account {@code authorId}, which then did not write it itself.
 */
public record ThreadCommented(UUID projectId, UUID threadId, UUID commentId, UUID authorId,
                              Set<UUID> participantIds, Set<String> mentionedUsernames, boolean byAssistant) {
}
