package dev.specboard.web;

import dev.specboard.account.Account;
import dev.specboard.account.ApiTokenService;
import dev.specboard.account.CsrfTokens;
import dev.specboard.account.SessionCookie;
import dev.specboard.support.RawHttp;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class SecurityHeadersTest {

    @Inject
    TestData data;

    @Inject
    ApiTokenService tokens;

    private static void assertHardened(Response r, int status, String what) {
        assertEquals(status, r.statusCode(), what + ": status");
        assertEquals(SecurityHeaders.POLICY, r.getHeader("Content-Security-Policy"), what + ": CSP");
        assertEquals("nosniff", r.getHeader("X-Content-Type-Options"), what + ": nosniff");
        assertEquals("same-origin", r.getHeader("Referrer-Policy"), what + ": Referrer-Policy");
        String type = r.getHeader("Content-Type");
        if (type != null && type.startsWith("text/html")) {
            assertTrue(type.toLowerCase(java.util.Locale.ROOT).contains("charset=utf-8"), what + ": a page says it is UTF-8: " + type);
        }
    }

    @Test
    void theStrictPolicyForbidsInlineScriptsStylesAndEval() {
        List<String> directives = List.of(SecurityHeaders.POLICY.split(";\\s*"));
        assertTrue(directives.contains("default-src 'self'"));
        assertTrue(directives.contains("script-src 'self'"));
        assertTrue(directives.contains("style-src 'self'"));
        assertTrue(directives.contains("object-src 'none'"));
        assertTrue(directives.contains("base-uri 'none'"));
        assertTrue(directives.contains("frame-ancestors 'none'"));
        assertFalse(SecurityHeaders.POLICY.contains("unsafe"), SecurityHeaders.POLICY);
    }

    @Test
    void aLoggedInPageIsHardenedAndNeverStored() {
        Account a = data.account("headers");
        Response r = Web.as(a).get("/");
        assertHardened(r, 200, "home page");
        assertEquals("no-store", r.getHeader("Cache-Control"));

        Response fragment = Web.htmx(Web.as(a)).get("/inbox/count");
        assertHardened(fragment, 200, "htmx fragment");
        assertEquals("no-store", fragment.getHeader("Cache-Control"));
    }

    @Test
    void anonymousPagesAndRedirectsAreHardenedToo() {
        Response login = RestAssured.given().redirects().follow(false).get("/login");
        assertHardened(login, 200, "login page");
        assertEquals("no-store", login.getHeader("Cache-Control"), "the login page carries a CSRF token");

        Response redirect = RestAssured.given().redirects().follow(false).get("/projects/anything");
        assertHardened(redirect, 302, "redirect to login");
    }

    @Test
    void staticFilesAndWebjarsAreHardenedAndMayBeCached() {
        for (String path : List.of("/static/app.css", "/static/app.js", "/webjars/htmx.org/dist/htmx.min.js")) {
            Response r = RestAssured.given().get(path);
            assertHardened(r, 200, path);
            String cache = r.getHeader("Cache-Control");
            assertTrue(cache == null || !cache.contains("no-store"), path + " is a public file that browsers may cache: " + cache);
        }
    }

    @Test
    void apiAnswersAreHardenedAndNeverStored() {
        Account a = data.account("api");
        String token = tokens.create(a.id, "headers", null, null).value();
        Response ok = RestAssured.given().header("Authorization", "Bearer " + token).get("/api/v1/projects");
        assertHardened(ok, 200, "API answer");
        assertEquals("no-store", ok.getHeader("Cache-Control"));

        Response refused = RestAssured.given().get("/api/v1/projects");
        assertHardened(refused, 401, "API 401");
    }

    @Test
    void notFoundAnswersAreHardened() {
        Account a = data.account("missing");
        Response page = Web.as(a).get("/no-such-page");
        assertHardened(page, 404, "404 page");

        String token = tokens.create(a.id, "missing", null, null).value();
        Response api = RestAssured.given().header("Authorization", "Bearer " + token).get("/api/v1/projects/no-such-project");
        assertHardened(api, 404, "API 404");

        Response health = RestAssured.given().get("/q/health");
        assertHardened(health, 200, "/q/health");
    }

    @Test
    void errorAnswersUnderTheDevToolsPathsAreHardenedToo() {
        // Outside dev mode the developer tools are absent: their paths answer our own "Not found" page.
        assertHardened(RestAssured.given().get("/q/dev-ui"), 404, "/q/dev-ui");
        assertHardened(RestAssured.given().get("/q/dev-ui/no-such-tool"), 404, "/q/dev-ui/no-such-tool");
        // A request target with a character HTTP does not allow there ('<') is refused by the HTTP decoder (Netty, under
        // Vert.x) with an empty 400 that closes the connection, before any route or filter: it carries no page to harden.
        RawHttp.Answer bad = RawHttp.send("GET /q/swagger-ui/<script> HTTP/1.1", (String) null);
        assertEquals(400, bad.status());
        assertEquals("", bad.body());
    }

    @Test
    void aPolicyTheResourceSetItselfIsKept() {
        Account a = data.account("sandbox");
        Response r = Web.as(a).get("/test-only/sandboxed");
        assertEquals(200, r.statusCode());
        assertEquals(SandboxedTestResource.SANDBOX, r.getHeader("Content-Security-Policy"));
        assertEquals(1, r.getHeaders().getValues("Content-Security-Policy").size());
        assertEquals("private, max-age=60", r.getHeader("Cache-Control"));
        assertEquals("nosniff", r.getHeader("X-Content-Type-Options"));
    }

    @Test
    void cookiesAreSecureWhenTheProxySaysHttps() {
        String u = TestData.unique("secure");
        Response plain = RestAssured.given().redirects().follow(false).get("/login");
        assertFalse(setCookie(plain, CsrfTokens.PRE_SESSION_COOKIE).contains("Secure"), setCookie(plain, CsrfTokens.PRE_SESSION_COOKIE));

        Web.Csrf csrf = Web.csrf();
        Response signup = RestAssured.given().redirects().follow(false).header("X-Forwarded-Proto", "https")
                .cookie(CsrfTokens.PRE_SESSION_COOKIE, csrf.cookie()).formParam(CsrfTokens.FIELD, csrf.token())
                .formParam("email", u + "@example.test").formParam("username", u).formParam("name", "")
                .formParam("password", "long enough password")
                .post("/signup");
        assertEquals(303, signup.statusCode(), signup.asString());
        assertTrue(setCookie(signup, SessionCookie.NAME).contains("Secure"), setCookie(signup, SessionCookie.NAME));
        assertTrue(setCookie(signup, "sb_flash").contains("Secure"), setCookie(signup, "sb_flash"));

        Response login = RestAssured.given().redirects().follow(false).header("X-Forwarded-Proto", "https").get("/login");
        assertTrue(setCookie(login, CsrfTokens.PRE_SESSION_COOKIE).contains("Secure"), setCookie(login, CsrfTokens.PRE_SESSION_COOKIE));
    }

    /**
     * Only a trusted proxy tells the app that the browser used HTTPS: a client that says so itself (X-Forwarded-Proto from
     * an address that is no trusted proxy) gets its login cookie without Secure, and no HSTS, as over plain HTTP.
     */
    @Test
    void onlyATrustedProxyMakesTheLoginCookieSecure() {
        Account a = data.account("claimshttps");
        Response claimed = Web.fromUntrustedPeer(Web.anonymous()).header("X-Forwarded-Proto", "https")
                .formParam("username", a.username).formParam("password", TestData.PASSWORD).post("/login");
        assertEquals(303, claimed.statusCode(), claimed.asString());
        assertTrue(setCookie(claimed, SessionCookie.NAME).startsWith(SessionCookie.NAME + "="), setCookie(claimed, SessionCookie.NAME));
        assertFalse(setCookie(claimed, SessionCookie.NAME).contains("Secure"), setCookie(claimed, SessionCookie.NAME));
        assertNull(claimed.getHeader("Strict-Transport-Security"));

        Response proxied = Web.anonymous().header("X-Forwarded-Proto", "https")
                .formParam("username", a.username).formParam("password", TestData.PASSWORD).post("/login");
        assertEquals(303, proxied.statusCode(), proxied.asString());
        assertTrue(setCookie(proxied, SessionCookie.NAME).contains("Secure"), setCookie(proxied, SessionCookie.NAME));
        Response plain = Web.anonymous().formParam("username", a.username).formParam("password", TestData.PASSWORD).post("/login");
        assertFalse(setCookie(plain, SessionCookie.NAME).contains("Secure"), setCookie(plain, SessionCookie.NAME));
    }

    @Test
    void httpsAnswersTellTheBrowserToStayOnHttps() {
        assertNull(RestAssured.given().redirects().follow(false).get("/login").getHeader("Strict-Transport-Security"),
                "over plain HTTP the header means nothing");
        for (String path : List.of("/login", "/static/app.css", "/api/v1/projects")) {
            Response r = RestAssured.given().redirects().follow(false).header("X-Forwarded-Proto", "https").get(path);
            assertEquals("max-age=31536000", r.getHeader("Strict-Transport-Security"), path);
        }
    }

    @Test
    void oneSecureAttributeIsAddedOnlyWhenMissing() {
        assertEquals("a=1; Path=/; Secure", SecurityHeaders.secureCookie("a=1; Path=/"));
        assertEquals("a=1; secure; Path=/", SecurityHeaders.secureCookie("a=1; secure; Path=/"));
        assertEquals("secure=1; Path=/; Secure", SecurityHeaders.secureCookie("secure=1; Path=/"));
    }

    private static String setCookie(Response r, String name) {
        return r.getHeaders().getValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "=")).findFirst()
                .orElse("(no Set-Cookie for " + name + " in " + r.getHeaders().getValues("Set-Cookie") + ")");
    }
}
