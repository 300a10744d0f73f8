package dev.specboard.project;

import dev.specboard.web.OutgoingMail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/**
 * Mails an invitation link once the invitation is stored, when a mail server is configured; the inviter
 * is always shown the link to pass on themselves. A failed mail is logged without the link (it is a secret).
 */
@ApplicationScoped
public class InvitationMail {

    @Inject
    OutgoingMail mail;

    void send(@Observes(during = TransactionPhase.AFTER_SUCCESS) InvitationSent sent) {
        String text = sent.inviterName() + " invites you to " + sent.projectName() + " on Specboard, as " + sent.roleLabel().toLowerCase()
                + ".\n\nCreate your account (or log in) through this link to join:\n" + sent.link()
                + "\n\nThe link works once and expires in " + InvitationService.VALID_DAYS + " days.\n";
        mail.send(sent.email(), "Join " + sent.projectName() + " on Specboard", text, "the invitation");
    }
}
