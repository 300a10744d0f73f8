package dev.specboard.account;

import dev.specboard.web.OutgoingMail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/**
 * Mails a reset code once it is stored, and notices when an administrator made a reset link or a code was used. All go
 * out in the background: a request for an address no account has answers as fast as one that mails, so the answer's
 * timing does not tell which it was.
 */
@ApplicationScoped
public class PasswordResetMail {

    /** A code was stored for the account; {@code link} opens the form with it filled in, or is null (no public address). */
    public record Requested(String email, String username, String code, String link, int validMinutes) {
    }

    /** An administrator made a reset link for the account, to pass on. */
    public record Issued(String email, String username, int validMinutes) {
    }

    /** The account's password was set with a reset code. */
    public record Done(String email, String username) {
    }

    @Inject
    OutgoingMail mail;

    void send(@Observes(during = TransactionPhase.AFTER_SUCCESS) Requested r) {
        String enter = r.link() == null ? "Enter this code" : "Open this link to choose a new password:\n" + r.link() + "\n\nor enter this code";
        String text = "Someone, probably you, asked to reset the password of the Specboard account " + r.username() + ".\n\n"
                + enter + " on the page where you asked for it:\n" + r.code() + "\n\n"
                + "It works once, for " + r.validMinutes() + " minutes. If you did not ask, ignore this mail: your password stays as it is.\n";
        mail.sendInBackground(r.email(), "Reset your Specboard password", text, "a password reset code");
    }

    void send(@Observes(during = TransactionPhase.AFTER_SUCCESS) Issued i) {
        String text = "An administrator of Specboard made a link to reset the password of your account " + i.username()
                + ", to pass on to you. It works once, for " + i.validMinutes() + " minutes.\n\n"
                + "If you did not ask for it, tell the administrators: whoever has the link can choose your password.\n";
        mail.sendInBackground(i.email(), "A link to reset your Specboard password was made", text, "the notice of a reset link");
    }

    void send(@Observes(during = TransactionPhase.AFTER_SUCCESS) Done d) {
        String text = "The password of your Specboard account " + d.username() + " was reset with a code mailed to this address,"
                + " and every login of the account was ended.\n\n"
                + "If you did not do this, someone else can read your mail: secure your mailbox first, then reset the password again"
                + " and revoke your API tokens on your account page.\n";
        mail.sendInBackground(d.email(), "Your Specboard password was reset", text, "the notice of a password reset");
    }
}
