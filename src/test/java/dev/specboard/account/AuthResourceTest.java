package dev.specboard.account;

import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class AuthResourceTest {

    @Inject
    TestData data;

    @Test
    void anonymousPageRedirectsToLogin() {
        RestAssured.given().redirects().follow(false).get("/projects/whatever")
                .then().statusCode(302).header("Location", containsString("/login?next=%2Fprojects%2Fwhatever"));
    }

    @Test
    void anonymousHtmxRequestGetsHxRedirect() {
        RestAssured.given().redirects().follow(false).header("HX-Request", "true")
                .header("HX-Current-URL", "http://localhost/projects/abc/board?spec=SPEC-1")
                .get("/projects/abc/board/columns")
                .then().statusCode(401).header("HX-Redirect", "/login?next=%2Fprojects%2Fabc%2Fboard%3Fspec%3DSPEC-1");
    }

    @Test
    void signupWithBadInputAnswers422KeepingValues() {
        Response r = Web.anonymous()
                .formParam("email", "not-an-email").formParam("username", "x").formParam("name", "Ada Lovelace")
                .formParam("password", "short")
                .post("/signup");
        assertEquals(422, r.statusCode());
        Document d = Web.html(r);
        assertEquals("not-an-email", d.getElementById("f-email").val());
        assertEquals("x", d.getElementById("f-username").val());
        assertEquals("Ada Lovelace", d.getElementById("f-name").val());
        assertFalse(d.getElementById("e-email").text().isBlank());
        assertFalse(d.getElementById("e-username").text().isBlank());
        assertFalse(d.getElementById("e-password").text().isBlank());
        // The error summary above the fields links to each one, as on every other form.
        assertEquals(List.of("#f-email", "#f-password", "#f-username"),
                d.select("#signup-form > #error-summary a").eachAttr("href").stream().sorted().toList());
        // Listed away from its field, each message says which field it is about.
        assertEquals("Password: A password has at least 8 characters", d.selectFirst("#error-summary a[href=#f-password]").text());
        assertTrue(d.selectFirst("#error-summary a[href=#f-username]").text().startsWith("Username: A username is"));
    }

    @Test
    void signupLogsInAndRedirectsHome() {
        String u = TestData.unique("new");
        Response r = Web.anonymous()
                .formParam("email", u + "@example.test").formParam("username", u).formParam("name", "")
                .formParam("password", "long enough password")
                .post("/signup");
        assertEquals(303, r.statusCode());
        String session = r.getCookie(SessionCookie.NAME);
        assertNotNull(session);
        RestAssured.given().cookie(SessionCookie.NAME, session).get("/")
                .then().statusCode(200).body(containsString(u));
    }

    @Test
    void signupRefusesTakenUsername() {
        Account existing = data.account("taken");
        Response r = Web.anonymous()
                .formParam("email", TestData.unique("other") + "@example.test").formParam("username", existing.username.toUpperCase())
                .formParam("password", "long enough password")
                .post("/signup");
        assertEquals(422, r.statusCode());
        assertEquals("This username is taken", Web.html(r).getElementById("e-username").text());
    }

    @Test
    void loginWithUsernameOrEmail() {
        Account a = data.account("login");
        Response r = Web.anonymous().formParam("username", a.username).formParam("password", TestData.PASSWORD)
                .formParam("next", "/projects/new").post("/login");
        assertEquals(303, r.statusCode());
        assertTrue(r.getHeader("Location").endsWith("/projects/new"));
        Web.anonymous().formParam("username", a.email.toUpperCase()).formParam("password", TestData.PASSWORD)
                .post("/login").then().statusCode(303);
    }

    @Test
    void loggingInAfterAnExpiredLogoutLandsOnTheHomePage() {
        Account a = data.account("relog");
        Web.anonymous().redirects().follow(false).get("/logout")
                .then().statusCode(302).header("Location", containsString("/login?next=%2Flogout"));
        Web.anonymous().formParam("username", a.username).formParam("password", TestData.PASSWORD)
                .formParam("next", "/logout").post("/login")
                .then().statusCode(303).header("Location", org.hamcrest.Matchers.endsWith("/"));
    }

    @Test
    void loginNeverRedirectsOffSite() {
        Account a = data.account("offsite");
        Web.anonymous().formParam("username", a.username).formParam("password", TestData.PASSWORD)
                .formParam("next", "//evil.example/x").post("/login")
                .then().statusCode(303).header("Location", startsWith("http://localhost")).header("Location", org.hamcrest.Matchers.endsWith("/"));
    }

    @Test
    void wrongPasswordAnswers422WithMessageAndKeepsUsername() {
        Account a = data.account("wrong");
        Response r = Web.anonymous().formParam("username", a.username).formParam("password", "nope").post("/login");
        assertEquals(422, r.statusCode());
        Document d = Web.html(r);
        assertEquals("Wrong username or password.", d.getElementById("login-error").text());
        assertEquals(a.username, d.getElementById("f-username").val());
    }

    @Test
    void tenFailedLoginsLockTheAccountFromThatAddressEvenForTheRightPassword() {
        Account a = data.account("guess");
        String from = Web.clientAddress();
        for (int i = 0; i < 10; i++) {
            Web.anonymous().header("X-Forwarded-For", from).formParam("username", a.username).formParam("password", "guess" + i).post("/login")
                    .then().statusCode(422);
        }
        Response r = Web.anonymous().header("X-Forwarded-For", from).formParam("username", a.username).formParam("password", TestData.PASSWORD)
                .post("/login");
        assertEquals(429, r.statusCode());
        assertTrue(Web.html(r).getElementById("login-error").text().startsWith("Too many failed logins"));
    }

    @Test
    void loginWithoutCsrfTokenIsRefused() {
        Account a = data.account("csrf");
        RestAssured.given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("username", a.username).formParam("password", TestData.PASSWORD)
                .post("/login").then().statusCode(403);
    }

    @Test
    void crossSiteTextPlainPostIsRefused() {
        Account a = data.account("plain");
        RestAssured.given().redirects().follow(false).cookie(SessionCookie.NAME, Web.sessionCookie(a))
                .contentType("text/plain").body("x=y").post("/logout").then().statusCode(403);
    }

    @Test
    void openApiDocumentsTheApi() {
        RestAssured.get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/accounts"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/projects/{slug}"));
    }

    @Test
    void logoutClearsTheCookie() {
        Account a = data.account("bye");
        Response r = Web.as(a).contentType("application/x-www-form-urlencoded").post("/logout");
        assertEquals(303, r.statusCode());
        assertEquals("", r.getCookie(SessionCookie.NAME));
    }

    @Test
    void tamperedCookieIsNotALogin() {
        Account a = data.account("tamper");
        SessionCookie real = jakarta.enterprise.inject.spi.CDI.current().select(SessionCookie.class).get();
        SessionCookie.Claims open = real.read(Web.sessionCookie(a)).orElseThrow();
        SessionCookie otherKey = new SessionCookie(java.util.Optional.of("another secret that is long enough"), 12, 30, "target");
        String forged = otherKey.encode(otherKey.fresh(open.sessionId(), a.id, a.username, "admin", open.issuedAt()));
        RestAssured.given().redirects().follow(false).cookie(SessionCookie.NAME, forged).get("/")
                .then().statusCode(302);
        RestAssured.given().redirects().follow(false).cookie(SessionCookie.NAME, real.encode(open)).get("/")
                .then().statusCode(200);
    }

    @Test
    void signupPageRendersForm() {
        Document d = Web.html(RestAssured.get("/signup").then().statusCode(200).extract().response());
        assertNotNull(d.getElementById("signup-form"));
        RestAssured.get("/login").then().statusCode(200).body(containsString("name=\"username\""), containsString("name=\"password\""));
        RestAssured.get("/q/health").then().statusCode(200).body("status", equalTo("UP"));
    }
}
