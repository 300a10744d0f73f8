package dev.specboard.spec;

import java.util.Set;
import java.util.UUID;

/**
 * CDI event, inside the note's transaction: someone wrote on a task's page (a person's comment or an
 * agent's progress note), mentioning these usernames; its claimer and its spec's author hear of it.
 */
public record TaskNoted(UUID projectId, String projectSlug, String taskKey, UUID authorId, String authorName, UUID claimerId,
                        UUID specAuthorId, Set<String> mentionedUsernames) {
}
