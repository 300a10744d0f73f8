package dev.specboard.account;

import dev.specboard.support.OtherInstance;
import dev.specboard.support.SqlCounter;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class SessionTest {

    private static final String FORM = "application/x-www-form-urlencoded";

    @Inject
    TestData data;

    @Inject
    SessionCookie cookies;

    /** Logs in through the real login form and answers the login cookie. */
    private static String logIn(Account a, String password) {
        Response r = Web.anonymous().formParam("username", a.username).formParam("password", password).post("/login");
        assertEquals(303, r.statusCode());
        String cookie = r.getCookie(SessionCookie.NAME);
        assertNotNull(cookie);
        return cookie;
    }

    private static int home(String cookie) {
        return RestAssured.given().redirects().follow(false).cookie(SessionCookie.NAME, cookie).get("/").statusCode();
    }

    @Test
    void logoutEndsTheLoginAndEveryCopyOfItsCookie() {
        Account a = data.account("logout");
        String mine = logIn(a, TestData.PASSWORD);
        String copy = mine; // what a thief would have copied
        String otherDevice = logIn(a, TestData.PASSWORD);
        assertEquals(200, home(copy));

        Response out = Web.as(mine).contentType(FORM).post("/logout");
        assertEquals(303, out.statusCode());
        assertEquals("", out.getCookie(SessionCookie.NAME));

        Response stolen = RestAssured.given().redirects().follow(false).cookie(SessionCookie.NAME, copy).get("/projects/new");
        assertEquals(302, stolen.statusCode());
        assertTrue(stolen.getHeader("Location").contains("/login"));
        assertEquals("", stolen.getCookie(SessionCookie.NAME), "the browser is told to drop an ended login");
        assertEquals(200, home(otherDevice), "logging out on one device leaves the others logged in");
    }

    @Test
    void endedLoginStillSeesTheLoginPageAndCanLogInAgain() {
        Account a = data.account("again");
        String ended = logIn(a, TestData.PASSWORD);
        Web.as(ended).post("/logout").then().statusCode(303);
        RestAssured.given().redirects().follow(false).cookie(SessionCookie.NAME, ended).get("/login").then().statusCode(200);
    }

    /**
     * A password change ends every login, this browser's too, and gives this browser a new one: the browser stays logged
     * in, while a copy of its old cookie (a thief's, the reason to change the password) stops working with the others.
     */
    @Test
    void passwordChangeEndsEveryLoginAndEveryCopyOfItsCookieButThisBrowserStaysIn() {
        Account a = data.account("pwchange");
        String here = logIn(a, TestData.PASSWORD);
        String copy = here; // what a thief would have copied
        String elsewhere = logIn(a, TestData.PASSWORD);
        Response r = Web.as(here).contentType(FORM).formParam("currentPassword", TestData.PASSWORD).formParam("newPassword", "a brand new password")
                .post("/account/password");
        assertEquals(303, r.statusCode());
        String renewed = r.getCookie(SessionCookie.NAME);
        assertNotNull(renewed, "this browser gets a new login");
        assertFalse(renewed.isEmpty());

        assertEquals(200, home(renewed), "this browser stays logged in");
        assertEquals(302, home(copy), "a copy of the cookie that asked is ended");
        assertEquals(302, home(elsewhere), "every other login is ended");
        logIn(a, "a brand new password");
    }

    @Test
    void logOutEverywhereEndsEveryLoginIncludingThisOne() {
        Account a = data.account("everywhere");
        String here = logIn(a, TestData.PASSWORD);
        String phone = logIn(a, TestData.PASSWORD);
        var page = Web.html(Web.as(here).get("/account"));
        assertEquals("/account/logout-everywhere", page.getElementById("logout-everywhere-form").attr("action"));

        Response r = Web.as(here).contentType(FORM).post("/account/logout-everywhere");
        assertEquals(303, r.statusCode());
        assertTrue(r.getHeader("Location").endsWith("/login"));
        assertEquals("", r.getCookie(SessionCookie.NAME));
        assertEquals(302, home(here));
        assertEquals(302, home(phone));
        logIn(a, TestData.PASSWORD);
    }

    @Test
    void loginEndsAfterItsAbsoluteLifetimeHoweverActive() {
        Account a = data.account("old");
        SessionCookie.Claims real = cookies.read(Web.sessionCookie(a)).orElseThrow();
        Instant soon = Instant.now().plus(Duration.ofHours(1));
        // Signed by the real key: only the issue time makes the difference.
        String youngEnough = cookies.encode(new SessionCookie.Claims(real.sessionId(), a.id, a.username, a.role,
                Instant.now().minus(Duration.ofDays(29)), soon));
        String tooOld = cookies.encode(new SessionCookie.Claims(real.sessionId(), a.id, a.username, a.role,
                Instant.now().minus(Duration.ofDays(31)), soon));
        assertEquals(200, home(youngEnough));
        assertEquals(302, home(tooOld));
    }

    @Test
    void slidingRenewalNeverPassesTheAbsoluteLifetime() {
        Account a = data.account("slide");
        SessionCookie.Claims real = cookies.read(Web.sessionCookie(a)).orElseThrow();
        Instant issued = Instant.now().minus(Duration.ofDays(30)).plus(Duration.ofHours(1));
        String halfSpent = cookies.encode(new SessionCookie.Claims(real.sessionId(), a.id, a.username, a.role, issued,
                Instant.now().plus(Duration.ofMinutes(5))));
        Response r = RestAssured.given().redirects().follow(false).cookie(SessionCookie.NAME, halfSpent).get("/");
        assertEquals(200, r.statusCode());
        SessionCookie.Claims renewed = cookies.read(r.getCookie(SessionCookie.NAME)).orElseThrow();
        assertTrue(renewed.expiresAt().isAfter(Instant.now().plus(Duration.ofMinutes(30))), "renewed");
        assertFalse(renewed.expiresAt().isAfter(issued.plus(Duration.ofDays(30))), "but not past 30 days after the login");
        assertEquals(real.sessionId(), renewed.sessionId());
    }

    @Test
    void knownLoginCostsNoQuery() {
        Account a = data.account("cheap");
        String cookie = Web.sessionCookie(a);
        // The log-out page reads nothing from the database itself: whatever it costs is the login check.
        assertEquals(List.of(), SqlCounter.statements(() -> Web.as(cookie).get("/logout").then().statusCode(200)));
    }

    @Test
    void notifyFromAnotherConnectionEvictsTheCachedLogin() throws Exception {
        Account a = data.account("notify");
        String cookie = Web.sessionCookie(a);
        UUID session = cookies.read(cookie).orElseThrow().sessionId();
        assertEquals(200, home(cookie));

        // Another instance ends the login: the row changes, this instance still trusts its cache...
        assertEquals(1, OtherInstance.update("update login_sessions set ended_at = now() where id = ?", session));
        assertEquals(200, home(cookie), "served from this instance's cache, without a query");
        // ...until the NOTIFY that the other instance sends with its change arrives.
        OtherInstance.notifyAccount(SessionCache.EVENT, a.id);
        int status = OtherInstance.awaitChange(200, () -> home(cookie));
        assertEquals(302, status);
    }
}
