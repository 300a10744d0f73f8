package dev.specboard.account;

import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The current-password checks of the account page, where a stolen login could otherwise guess the password. */
@QuarkusTest
class PasswordRecheckTest {

    private static final String FORM = "application/x-www-form-urlencoded";

    @Inject
    TestData data;

    @ConfigProperty(name = "specboard.login.max-failures")
    int limit;

    private static Response changeEmail(Account a, String email, String password) {
        return Web.as(a).contentType(FORM).formParam("email", email).formParam("name", "Guesser").formParam("password", password)
                .post("/account/profile");
    }

    private static Response changePassword(Account a, String current) {
        return Web.as(a).contentType(FORM).formParam("currentPassword", current).formParam("newPassword", "a brand new one")
                .post("/account/password");
    }

    private static String emailOf(Account a) {
        return QuarkusTransaction.requiringNew().call(() -> Account.<Account>findById(a.id).email);
    }

    /** Wrong guesses on any of the page's forms count together, per account; then even the right password waits. */
    @Test
    void guessingTheCurrentPasswordIsPausedAfterTheLoginLimit() {
        Account a = data.account("guess");
        Account other = data.account("bystander");
        String wanted = "taken-over-" + a.email;
        for (int i = 0; i < limit; i++) {
            Response r = i % 2 == 0 ? changeEmail(a, wanted, "guess " + i) : changePassword(a, "guess " + i);
            assertEquals(422, r.statusCode(), "guess " + i);
        }

        Response refused = changeEmail(a, wanted, TestData.PASSWORD);
        assertEquals(429, refused.statusCode());
        long retry = Long.parseLong(refused.header("Retry-After"));
        assertTrue(retry > 0 && retry <= 15 * 60 + 1, "Retry-After " + retry);
        Document d = Web.html(refused);
        assertTrue(d.getElementById("e-password").text().startsWith("Too many wrong passwords"), d.getElementById("e-password").text());
        assertEquals(wanted, d.getElementById("f-email").val(), "what was typed is kept");
        assertEquals("Guesser", d.getElementById("f-name").val());
        assertEquals(a.email, emailOf(a), "the right password does not get through while checks are paused");

        Response password = changePassword(a, TestData.PASSWORD);
        assertEquals(429, password.statusCode());
        assertNotNull(password.header("Retry-After"));
        assertTrue(Web.html(password).getElementById("e-currentPassword").text().startsWith("Too many wrong passwords"));

        Response token = Web.as(a).contentType(FORM).formParam("tokenName", "thief").formParam("tokenPassword", TestData.PASSWORD)
                .post("/account/tokens");
        assertEquals(429, token.statusCode());
        assertEquals("thief", Web.html(token).getElementById("f-tokenName").val());
        assertTrue(Web.html(token).getElementById("e-tokenPassword").text().startsWith("Too many wrong passwords"));

        // Another account is not touched, and neither is logging in (the owner can still sign in elsewhere).
        changeEmail(other, "new-" + other.email, TestData.PASSWORD).then().statusCode(303);
        Web.anonymous().formParam("username", a.username).formParam("password", TestData.PASSWORD).post("/login").then().statusCode(303);
    }

    /** The right password wipes the count, so the owner's own typos never add up to a pause. */
    @Test
    void theRightPasswordStartsTheCountAfresh() {
        Account a = data.account("typos");
        for (int i = 0; i < limit; i++) {
            assertEquals(422, changePassword(a, "typo " + i).statusCode());
            if (i == limit / 2) {
                Web.as(a).contentType(FORM).formParam("email", "fresh-" + a.email).formParam("name", "")
                        .formParam("password", TestData.PASSWORD).post("/account/profile").then().statusCode(303);
            }
        }
        changePassword(a, TestData.PASSWORD).then().statusCode(303);
    }
}
