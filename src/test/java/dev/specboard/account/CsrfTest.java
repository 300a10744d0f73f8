package dev.specboard.account;

import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class CsrfTest {

    private static final String FORM = "application/x-www-form-urlencoded";

    @Inject
    TestData data;

    /** A logged-in request that carries no CSRF token yet. */
    private static io.restassured.specification.RequestSpecification bare(String cookie) {
        return RestAssured.given().redirects().follow(false).cookie(SessionCookie.NAME, cookie);
    }

    private static String here() {
        return "http://localhost:" + RestAssured.port;
    }

    @Test
    void pagesCarryTheTokenOfTheirLogin() {
        Account a = data.account("page");
        String cookie = Web.sessionCookie(a);
        var page = Web.html(bare(cookie).get("/account"));
        String token = page.select("#password-form input[name=csrf-token]").attr("value");
        assertEquals(Web.csrfToken(cookie), token);
        assertTrue(page.body().attr("hx-headers").contains(token), "htmx sends the same token");
        bare(cookie).contentType(FORM).formParam("csrf-token", token).post("/notifications/read-all").then().statusCode(303);
    }

    @Test
    void tokenOfAnotherLoginIsRefused() {
        Account a = data.account("twologins");
        String mine = Web.sessionCookie(a);
        String other = Web.sessionCookie(a);
        Response r = bare(mine).header(CsrfTokens.HEADER, Web.csrfToken(other)).contentType(FORM).post("/notifications/read-all");
        assertEquals(403, r.statusCode());
        assertTrue(Web.html(r).text().contains("Reload the page"), "a readable refusal");
        bare(mine).contentType(FORM).formParam("csrf-token", Web.csrfToken(other)).post("/notifications/read-all").then().statusCode(403);
        bare(mine).header(CsrfTokens.HEADER, Web.csrfToken(mine)).contentType(FORM).post("/notifications/read-all").then().statusCode(303);
    }

    @Test
    void tokenFromBeforeTheLoginIsRefusedAfterIt() {
        Account a = data.account("anon");
        Web.Csrf anonymous = Web.csrf();
        bare(Web.sessionCookie(a)).cookie(CsrfTokens.PRE_SESSION_COOKIE, anonymous.cookie())
                .header(CsrfTokens.HEADER, anonymous.token()).contentType(FORM).post("/notifications/read-all")
                .then().statusCode(403);
    }

    @Test
    void requestWithoutTokenIsRefusedWhateverItsBody() {
        Account a = data.account("none");
        String cookie = Web.sessionCookie(a);
        bare(cookie).contentType(FORM).post("/notifications/read-all").then().statusCode(403);
        bare(cookie).contentType("application/json").body("{}").post("/notifications/read-all").then().statusCode(403);
        bare(cookie).multiPart("nothing", "here").post("/notifications/read-all").then().statusCode(403);
    }

    @Test
    void multipartFormCarriesTheTokenInItsField() {
        Account a = data.account("multi");
        String cookie = Web.sessionCookie(a);
        bare(cookie).multiPart("csrf-token", Web.csrfToken(cookie)).post("/notifications/read-all").then().statusCode(303);
        bare(cookie).multiPart("csrf-token", "forged").post("/notifications/read-all").then().statusCode(403);
    }

    @Test
    void loginFormNeedsTheTokenOfItsOwnPreSession() {
        Account a = data.account("prelogin");
        Web.Csrf mine = Web.csrf();
        Web.Csrf someoneElses = Web.csrf();
        RestAssured.given().redirects().follow(false).cookie(CsrfTokens.PRE_SESSION_COOKIE, mine.cookie())
                .formParam("csrf-token", someoneElses.token()).formParam("username", a.username).formParam("password", TestData.PASSWORD)
                .post("/login").then().statusCode(403);
        RestAssured.given().redirects().follow(false)
                .formParam("csrf-token", mine.token()).formParam("username", a.username).formParam("password", TestData.PASSWORD)
                .post("/login").then().statusCode(403);
        RestAssured.given().redirects().follow(false).cookie(CsrfTokens.PRE_SESSION_COOKIE, mine.cookie())
                .formParam("csrf-token", mine.token()).formParam("username", a.username).formParam("password", TestData.PASSWORD)
                .post("/login").then().statusCode(303);
    }

    @Test
    void crossOriginPostIsRefused() {
        Account a = data.account("evil");
        Response r = Web.as(a).header("Origin", "https://evil.example").contentType(FORM).post("/notifications/read-all");
        assertEquals(403, r.statusCode());
        assertTrue(Web.html(r).text().contains("comes from another site"));
        Web.as(a).header("Origin", "null").contentType(FORM).post("/notifications/read-all").then().statusCode(403);
        Web.as(a).header("Origin", "http://localhost:1").contentType(FORM).post("/notifications/read-all").then().statusCode(403);
        Web.anonymous().header("Origin", "https://evil.example").formParam("username", a.username)
                .formParam("password", TestData.PASSWORD).post("/login").then().statusCode(403);
    }

    @Test
    void crossSiteFetchMetadataIsRefused() {
        Account a = data.account("fetchsite");
        Web.as(a).header("Sec-Fetch-Site", "cross-site").contentType(FORM).post("/notifications/read-all").then().statusCode(403);
        Web.as(a).header("Sec-Fetch-Site", "same-origin").contentType(FORM).post("/notifications/read-all").then().statusCode(303);
    }

    @Test
    void sameOriginPostIsAccepted() {
        Account a = data.account("same");
        Web.as(a).header("Origin", here()).contentType(FORM).post("/notifications/read-all").then().statusCode(303);
    }

    @Test
    void postWithoutOriginIsAccepted() {
        // Old browsers send no Origin with forms; the CSRF token alone protects them.
        Account a = data.account("noorigin");
        Web.as(a).contentType(FORM).post("/notifications/read-all").then().statusCode(303);
    }

    @Test
    void originBehindAProxyIsTheOneItForwards() {
        Account a = data.account("proxy");
        Web.as(a).header("X-Forwarded-Host", "specboard.example.com").header("X-Forwarded-Proto", "https")
                .header("Origin", "https://specboard.example.com").contentType(FORM).post("/notifications/read-all")
                .then().statusCode(303);
        Web.as(a).header("X-Forwarded-Host", "specboard.example.com").header("X-Forwarded-Proto", "https")
                .header("Origin", here()).contentType(FORM).post("/notifications/read-all")
                .then().statusCode(403);
    }

    /** X-Forwarded-Host and -Proto are believed from a trusted proxy only: a client naming the other site in them is still refused. */
    @Test
    void anUntrustedPeerCannotNameTheSiteItself() {
        Account a = data.account("selfnamed");
        Web.fromUntrustedPeer(Web.as(a)).header("X-Forwarded-Host", "evil.example").header("X-Forwarded-Proto", "https")
                .header("Origin", "https://evil.example").contentType(FORM).post("/notifications/read-all")
                .then().statusCode(403);
        Web.fromUntrustedPeer(Web.as(a)).header("Origin", "http://127.0.0.1:" + RestAssured.port).contentType(FORM)
                .post("/notifications/read-all").then().statusCode(303);
    }

    @Test
    void htmxRefusalShowsInTheFlashArea() {
        Account a = data.account("htmxcsrf");
        Response r = bare(Web.sessionCookie(a)).header("HX-Request", "true").header(CsrfTokens.HEADER, "stale")
                .post("/notifications/read-all");
        assertEquals(403, r.statusCode());
        assertEquals("#flash", r.getHeader("HX-Retarget"));
    }

    @Test
    void apiIsLeftToItsBearerTokens() {
        RestAssured.given().header("Origin", "https://evil.example").contentType("application/json").body("{}")
                .post("/api/v1/tokens").then().statusCode(401);
    }
}
