package dev.specboard.project;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Mails an invitation link once the invitation is stored, when a mail server is configured; the inviter
 * is always shown the link to pass on themselves. A failed mail is logged without the link (it is a secret).
 */
@ApplicationScoped
public class InvitationMail {

    private static final Logger LOG = Logger.getLogger(InvitationMail.class);

    @Inject
    Mailer mailer;

    @ConfigProperty(name = "specboard.mail.enabled", defaultValue = "false")
    boolean enabled;

    void send(@Observes(during = TransactionPhase.AFTER_SUCCESS) InvitationSent sent) {
        if (!enabled) {
            return;
        }
        String text = sent.inviterName() + " invites you to " + sent.projectName() + " on Specboard, as " + sent.roleLabel().toLowerCase()
                + ".\n\nCreate your account (or log in) through this link to join:\n" + sent.link()
                + "\n\nThe link works once and expires in " + InvitationService.VALID_DAYS + " days.\n";
        try {
            mailer.send(Mail.withText(sent.email(), "Join " + sent.projectName() + " on Specboard", text));
        } catch (RuntimeException e) {
            LOG.warnf("Could not mail the invitation to %s: %s", sent.email(), e.getClass().getSimpleName());
        }
    }
}
