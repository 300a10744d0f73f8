package dev.specboard.account;

import dev.specboard.project.StreamGrant;
import dev.specboard.project.StreamGrants;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A changed email is how an account is taken over: every login ends (the browser that asked gets a new one) and the old
 * address hears of it.
 */
@QuarkusTest
class EmailChangeTest {

    private static final String FORM = "application/x-www-form-urlencoded";

    @Inject
    TestData data;

    @Inject
    MockMailbox mailbox;

    @Inject
    SessionCookie cookies;

    @Inject
    StreamGrants grants;

    private static int home(String cookie) {
        return RestAssured.given().redirects().follow(false).cookie(SessionCookie.NAME, cookie).get("/").statusCode();
    }

    private StreamGrant liveStreamOf(Account a, String cookie) {
        return new StreamGrant(a.id, cookies.read(cookie).orElseThrow().sessionId(), null, null);
    }

    @Test
    void changingTheEmailEndsOtherLoginsAndTellsTheOldAddress() {
        Account a = data.account("moving");
        String here = Web.sessionCookie(a);
        String elsewhere = Web.sessionCookie(a);
        StreamGrant elsewhereStream = liveStreamOf(a, elsewhere);
        assertTrue(grants.holds(elsewhereStream));
        String old = a.email;
        String wanted = "moved-" + a.email;

        Response r = Web.as(here).contentType(FORM).formParam("email", wanted).formParam("name", "Mover")
                .formParam("password", TestData.PASSWORD).post("/account/profile");
        assertEquals(303, r.statusCode());

        String renewed = r.getCookie(SessionCookie.NAME);
        assertEquals(200, home(renewed), "the browser that made the change stays logged in, with a new login");
        assertEquals(302, home(here), "a copy of the cookie that made the change is ended");
        assertEquals(302, home(elsewhere), "every other login is ended");
        assertFalse(grants.holds(elsewhereStream), "and so is its live stream");
        assertTrue(grants.holds(liveStreamOf(a, renewed)));

        List<Mail> mails = mailbox.getMailsSentTo(old);
        assertEquals(1, mails.size());
        assertEquals("Your Specboard email address was changed", mails.get(0).getSubject());
        assertTrue(mails.get(0).getText().contains(wanted) && mails.get(0).getText().contains(a.username), mails.get(0).getText());
        assertTrue(mailbox.getMailsSentTo(wanted) == null || mailbox.getMailsSentTo(wanted).isEmpty(), "the new address gets no notice");
    }

    /** Saving the name alone (or the same address in other capitals) is no email change: nobody is logged out or mailed. */
    @Test
    void savingTheNameKeepsOtherLogins() {
        Account a = data.account("staying");
        String here = Web.sessionCookie(a);
        String elsewhere = Web.sessionCookie(a);
        Web.as(here).contentType(FORM).formParam("email", a.email.toUpperCase()).formParam("name", "Stayer").post("/account/profile")
                .then().statusCode(303);
        assertEquals(200, home(elsewhere));
        List<Mail> mails = mailbox.getMailsSentTo(a.email);
        assertTrue(mails == null || mails.isEmpty());
    }
}
