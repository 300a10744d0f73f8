package dev.specboard.notification;

import dev.specboard.web.OutgoingMail;
import dev.specboard.web.PublicAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/**
 * Mails a new notification to the person it is for, once it is stored, when they asked for that on their account
 * page: its sentence and a link to what it is about. Nobody waits for the mail (it goes in the background), and one
 * that fails is logged without its text.
 */
@ApplicationScoped
public class NotificationMail {

    /** Mail clients cut long subjects anyway; the whole sentence is in the text. */
    private static final int SUBJECT_LENGTH = 120;

    @Inject
    OutgoingMail mail;

    @Inject
    PublicAddress publicAddress;

    void send(@Observes(during = TransactionPhase.AFTER_SUCCESS) NotificationCreated created) {
        if (created.mailTo() == null) {
            return;
        }
        String message = created.message() == null || created.message().isBlank() ? "You have a new notification" : created.message().strip();
        String link = created.link() == null ? "/notifications" : created.link();
        String text = message + "\n\n" + address(link)
                + "\n\nYou get these mails because you asked for them. To stop them, untick \"Email me each new notification\" on"
                + " your account page: " + address("/account") + "\n";
        mail.sendInBackground(created.mailTo(), subject(message), text, "a notification");
    }

    /** The link in full when the installation's address is configured; a notification made off a request knows no other. */
    private String address(String path) {
        return publicAddress.configured().map(base -> PublicAddress.link(base, path)).orElse(path + " on your Specboard");
    }

    static String subject(String message) {
        String line = message.replaceAll("\\s+", " ");
        if (line.length() <= SUBJECT_LENGTH) {
            return line;
        }
        int end = SUBJECT_LENGTH - 1;
        if (Character.isHighSurrogate(line.charAt(end - 1))) {
            end--; // never half an emoji
        }
        return line.substring(0, end) + "…";
    }
}
