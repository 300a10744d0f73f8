package dev.specboard.project;

/** CDI event, inside the inviting transaction: a mail with this link may go out once it commits. */
public record InvitationSent(String email, String projectName, String inviterName, String roleLabel, String link) {
}
