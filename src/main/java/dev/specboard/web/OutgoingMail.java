package dev.specboard.web;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.mailer.reactive.ReactiveMailer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Sends the app's mails when a mail server is configured ({@code specboard.mail.enabled}); a mail that cannot be sent
 * is logged by what it was and to whom, never with its text, which may hold a secret link.
 */
@ApplicationScoped
public class OutgoingMail {

    private static final Logger LOG = Logger.getLogger(OutgoingMail.class);

    @Inject
    Mailer mailer;

    @Inject
    ReactiveMailer reactiveMailer;

    @ConfigProperty(name = "specboard.mail.enabled", defaultValue = "false")
    boolean enabled;

    /** Whether mails go out at all: without a mail server, what only a mail can deliver (a reset code) is not offered. */
    public boolean enabled() {
        return enabled;
    }

    /** Mails {@code text} to {@code to}; {@code what} names the mail in the log line if it fails ("the invitation"). */
    public void send(String to, String subject, String text, String what) {
        if (!enabled) {
            return;
        }
        try {
            mailer.send(Mail.withText(to, subject, text));
        } catch (RuntimeException e) {
            LOG.warnf("Could not mail %s to %s: %s", what, LoggedText.of(to), e.getClass().getSimpleName());
        }
    }

    /**
     * Like {@link #send}, but returns at once: for a mail whose sending time must not show in the answer (one sent only
     * when an account has the address), and which nobody waits for.
     */
    public void sendInBackground(String to, String subject, String text, String what) {
        if (!enabled) {
            return;
        }
        reactiveMailer.send(Mail.withText(to, subject, text)).subscribe().with(
                sent -> { },
                failure -> LOG.warnf("Could not mail %s to %s: %s", what, LoggedText.of(to), failure.getClass().getSimpleName()));
    }
}
