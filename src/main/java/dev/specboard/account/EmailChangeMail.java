package dev.specboard.account;

import dev.specboard.web.OutgoingMail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/**
 * Tells the old address that an account's email changed, when a mail server is configured: if someone else did it (with
 * a stolen login and the password), the owner still hears of it where they read their mail.
 */
@ApplicationScoped
public class EmailChangeMail {

    @Inject
    OutgoingMail mail;

    void send(@Observes(during = TransactionPhase.AFTER_SUCCESS) EmailChanged changed) {
        String text = "The email address of your Specboard account " + changed.username() + " was changed from " + changed.oldEmail()
                + " to " + changed.newEmail() + ". Your other logins were ended.\n\n"
                + "If you did not make this change, log in, change your password and your email back, and revoke your API tokens;"
                + " if you cannot log in any more, ask an administrator of this Specboard for help.\n";
        mail.send(changed.oldEmail(), "Your Specboard email address was changed", text, "the notice of an email change");
    }
}
