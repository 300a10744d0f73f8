package dev.specboard.account;

import dev.specboard.support.Mails;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A forgotten password is reset with a code mailed to the account's address: the code works once, for an hour, ends
 * every login, and asking tells nobody whether an account has the address.
 */
@QuarkusTest
class PasswordResetTest {

    private static final String NEW_PASSWORD = "a brand new password";

    @Inject
    TestData data;

    @Inject
    MockMailbox mailbox;

    @Inject
    EntityManager em;

    /** Asks from a client address of its own, so that the limit per address counts only this test's requests. */
    private static Response ask(String email) {
        return Web.anonymous().header("X-Forwarded-For", Web.clientAddress()).formParam("email", email).post("/password-reset");
    }

    private static Response reset(String code, String password) {
        return Web.anonymous().formParam("code", code).formParam("newPassword", password).post("/password-reset/new");
    }

    private static int login(Account a, String password) {
        return Web.anonymous().header("X-Forwarded-For", Web.clientAddress()).formParam("username", a.username)
                .formParam("password", password).post("/login").statusCode();
    }

    private static int home(String cookie) {
        return RestAssured.given().redirects().follow(false).cookie(SessionCookie.NAME, cookie).get("/").statusCode();
    }

    private long openCodes(Account a) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM password_resets WHERE account_id = ?1 AND used_at IS NULL AND expires_at > now()")
                .setParameter(1, a.id).getSingleResult()).longValue());
    }

    @Test
    void aMailedCodeSetsTheNewPasswordOnceEndsEveryLoginAndTellsTheAddress() {
        Account a = data.account("forgot");
        String loggedIn = Web.sessionCookie(a);
        assertTrue(Web.html(RestAssured.get("/login")).select("a#forgot-password[href=/password-reset]").size() == 1,
                "the login page leads to the reset");
        Document asking = Web.html(RestAssured.get("/password-reset"));
        assertEquals(1, asking.select("#reset-request-form input[type=email][name=email]").size());

        Response sent = ask(a.email.toUpperCase());
        assertEquals(200, sent.statusCode());
        Document codeForm = Web.html(sent);
        assertTrue(codeForm.select("#reset-sent").text().contains(a.email.toUpperCase()), codeForm.select("#reset-sent").text());
        assertEquals(1, codeForm.select("#reset-form input#f-code[name=code]").size(), "the code is typed in from the mail");

        Mail mail = Mails.await(a.email, 1).get(0);
        assertEquals("Reset your Specboard password", mail.getSubject());
        assertTrue(mail.getText().contains(a.username), mail.getText());
        assertFalse(mail.getText().contains("/password-reset/"), "no public address is configured, so no link: " + mail.getText());
        String code = Mails.resetCode(mail);

        Response done = reset(code, NEW_PASSWORD);
        assertEquals(303, done.statusCode(), done.asString());
        assertTrue(done.getHeader("Location").endsWith("/login"), done.getHeader("Location"));
        assertEquals(302, home(loggedIn), "every login of the account is ended");
        assertEquals(422, login(a, TestData.PASSWORD), "the old password no longer works");
        assertEquals(303, login(a, NEW_PASSWORD));

        Response again = reset(code, "yet another password");
        assertEquals(422, again.statusCode(), "a code works once");
        assertTrue(Web.html(again).select("#e-code").text().contains("does not work"), again.asString());
        assertEquals(303, login(a, NEW_PASSWORD), "the spent code changed nothing");

        Mail notice = Mails.await(a.email, 2).get(1);
        assertEquals("Your Specboard password was reset", notice.getSubject());
        assertFalse(notice.getText().contains(code));
    }

    @Test
    void anAddressWithoutAnAccountGetsTheSameAnswerAndNoMail() {
        Account a = data.account("known");
        String unknown = "nobody-" + a.email;
        Response forUnknown = ask(unknown);
        Response forKnown = ask(a.email);
        assertEquals(forKnown.statusCode(), forUnknown.statusCode());
        assertEquals(Web.html(forKnown).select("#reset-sent").text().replace(a.email, "ADDRESS"),
                Web.html(forUnknown).select("#reset-sent").text().replace(unknown, "ADDRESS"));
        Mails.await(a.email, 1);
        List<Mail> none = mailbox.getMailsSentTo(unknown);
        assertTrue(none == null || none.isEmpty(), "asked first, and nothing went to it by the time the known one's came");
    }

    @Test
    void theLinkOpensTheFormWithTheCodeAndASpentOrExpiredCodeSaysSo() {
        Account a = data.account("linked");
        String code = Mails.resetCode(a);
        Document form = Web.html(RestAssured.get("/password-reset/" + code));
        assertEquals(1, form.select("#reset-form input[type=hidden][name=code][value=" + code + "]").size(), form.html());
        assertEquals(0, form.select("#f-code").size(), "the link's code is not shown to type");

        Response tooShort = Web.anonymous().formParam("code", code).formParam("newPassword", "short").formParam("viaLink", "true")
                .post("/password-reset/new");
        assertEquals(422, tooShort.statusCode());
        Document refused = Web.html(tooShort);
        assertTrue(refused.select("#e-newPassword").text().contains("at least 8"), refused.html());
        assertEquals(1, refused.select("input[type=hidden][name=code][value=" + code + "]").size(), "the link's code is kept, out of sight");
        assertEquals(0, refused.select("#f-code").size());
        Document typed = Web.html(reset(code, "short"));
        assertEquals(code, typed.select("#f-code").attr("value"), "a typed code stays in its field");
        assertEquals(303, reset(code, NEW_PASSWORD).statusCode(), "a refused password leaves the code working");

        Response spent = RestAssured.get("/password-reset/" + code);
        assertEquals(404, spent.statusCode());
        assertTrue(Web.html(spent).select("#reset-refusal").text().contains("does not work"), spent.asString());
        assertEquals(1, Web.html(spent).select("#reset-request-form").size(), "and offers to ask again");
        assertEquals(404, RestAssured.get("/password-reset/not-a-code").statusCode());

        String expiring = Mails.resetCode(a);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "UPDATE password_resets SET expires_at = now() - interval '1 minute' WHERE account_id = ?1 AND used_at IS NULL")
                .setParameter(1, a.id).executeUpdate());
        assertEquals(404, RestAssured.get("/password-reset/" + expiring).statusCode());
        assertEquals(422, reset(expiring, "another new password").statusCode());
        assertEquals(303, login(a, NEW_PASSWORD));
    }

    @Test
    void aMailboxGetsAtMostThreeCodesAQuarterOfAnHourAndUsingOneEndsTheOthers() {
        Account a = data.account("flooded");
        for (int i = 0; i < 5; i++) {
            assertEquals(200, ask(a.email).statusCode());
        }
        assertEquals(PasswordResetService.CODES_PER_WINDOW, openCodes(a));
        List<Mail> mails = Mails.await(a.email, PasswordResetService.CODES_PER_WINDOW);
        String first = Mails.resetCode(mails.get(0));
        String last = Mails.resetCode(mails.get(mails.size() - 1));
        assertNotEquals(first, last);
        assertEquals(303, reset(first, NEW_PASSWORD).statusCode(), "an earlier code still works after later ones");
        assertEquals(0, openCodes(a));
        assertEquals(422, reset(last, "another new password").statusCode());
    }

    @Test
    void oneClientAddressAsksForAtMostTwentyCodesAQuarterOfAnHour() {
        String client = Web.clientAddress();
        for (int i = 0; i < PasswordResetService.REQUESTS_PER_ADDRESS; i++) {
            assertEquals(200, Web.anonymous().header("X-Forwarded-For", client).formParam("email", "nobody-" + i + "@example.test")
                    .post("/password-reset").statusCode());
        }
        Response refused = Web.anonymous().header("X-Forwarded-For", client).formParam("email", "one-more@example.test").post("/password-reset");
        assertEquals(429, refused.statusCode());
        assertTrue(Long.parseLong(refused.getHeader("Retry-After")) > 0);
        Document page = Web.html(refused);
        assertTrue(page.select("#e-email").text().startsWith("Too many reset codes"), refused.asString());
        assertEquals("one-more@example.test", page.select("#f-email").attr("value"), "the address stays in its field");
        assertEquals(200, ask("another@example.test").statusCode(), "another client address is not held back");
    }

    @Test
    void aPasswordOrEmailChangeEndsTheOpenCodes() {
        Account a = data.account("changes");
        String code = Mails.resetCode(a);
        Web.as(a).contentType("application/x-www-form-urlencoded").formParam("currentPassword", TestData.PASSWORD)
                .formParam("newPassword", NEW_PASSWORD).post("/account/password").then().statusCode(303);
        assertEquals(404, RestAssured.get("/password-reset/" + code).statusCode(), "a changed password ends the code");

        Account b = data.account("moves");
        String before = Mails.resetCode(b);
        Web.as(b).contentType("application/x-www-form-urlencoded").formParam("email", "moved-" + b.email).formParam("name", "B")
                .formParam("password", TestData.PASSWORD).post("/account/profile").then().statusCode(303);
        assertEquals(422, reset(before, NEW_PASSWORD).statusCode(), "a code mailed to the old address no longer works");
    }

    @Test
    void aMissingOrMalformedAddressOrCodeIsNamedAndKept() {
        Response empty = ask("  ");
        assertEquals(422, empty.statusCode());
        assertTrue(Web.html(empty).select("#e-email").text().contains("Enter the email address"), empty.asString());

        Response malformed = ask("not an address");
        assertEquals(422, malformed.statusCode());
        Document d = Web.html(malformed);
        assertEquals("not an address", d.select("#f-email").attr("value"));
        assertTrue(d.select("#error-summary").text().contains("Email"), d.select("#error-summary").text());

        Response noCode = reset("", NEW_PASSWORD);
        assertEquals(422, noCode.statusCode());
        assertTrue(Web.html(noCode).select("#e-code").text().contains("Enter the code"), noCode.asString());
        assertEquals(1, Web.html(noCode).select("input#f-code").size());
    }
}
