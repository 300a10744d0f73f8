package dev.specboard.support;

import dev.specboard.account.Account;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import jakarta.enterprise.inject.spi.CDI;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The test mailbox, for mails the app sends in the background (a password reset's code): waited for, and read. */
public final class Mails {

    private static final Pattern RESET_CODE = Pattern.compile("where you asked for it:\\n([A-Za-z0-9_-]{43})\\n");

    private Mails() {
    }

    /** The mails sent to the address so far, once there are at least {@code count}; fails after 10 s. */
    public static List<Mail> await(String address, int count) {
        MockMailbox mailbox = CDI.current().select(MockMailbox.class).get();
        for (int i = 0; i < 200; i++) {
            List<Mail> mails = mailbox.getMailsSentTo(address);
            if (mails != null && mails.size() >= count) {
                return mails;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("no " + count + " mails to " + address + " within 10 s: " + mailbox.getMailsSentTo(address));
    }

    /** How many mails went to the address so far. */
    public static int count(String address) {
        List<Mail> mails = CDI.current().select(MockMailbox.class).get().getMailsSentTo(address);
        return mails == null ? 0 : mails.size();
    }

    /** The code a password reset mail carries. */
    public static String resetCode(Mail mail) {
        Matcher m = RESET_CODE.matcher(mail.getText());
        assertTrue(m.find(), mail.getText());
        return m.group(1);
    }

    /** Asks for a password reset of the account, as its owner would on the page, and answers the mailed code. */
    public static String resetCode(Account a) {
        int before = count(a.email);
        // From a client address of its own: asking is limited per address.
        assertEquals(200, Web.anonymous().header("X-Forwarded-For", Web.clientAddress()).formParam("email", a.email)
                .post("/password-reset").statusCode());
        List<Mail> mails = await(a.email, before + 1);
        return resetCode(mails.get(mails.size() - 1));
    }
}
