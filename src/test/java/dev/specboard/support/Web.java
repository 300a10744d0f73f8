package dev.specboard.support;

import dev.specboard.account.Account;
import dev.specboard.account.CsrfTokens;
import dev.specboard.account.SessionCookie;
import dev.specboard.account.SessionService;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.enterprise.inject.spi.CDI;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Logged-in RestAssured requests for page tests: a real login (its row and signed cookie) and its
 * CSRF token, as a browser would have them; anonymous ones get a pre-session and its token from the
 * login page.
 */
public final class Web {

    private Web() {
    }

    /** A request as this account, in a new login, with that login's CSRF token in the htmx header. */
    public static RequestSpecification as(Account account) {
        return as(sessionCookie(account));
    }

    /** A request with this login cookie and its CSRF token in the htmx header. */
    public static RequestSpecification as(String sessionCookie) {
        return RestAssured.given().redirects().follow(false)
                .cookie(SessionCookie.NAME, sessionCookie)
                .header(CsrfTokens.HEADER, csrfToken(sessionCookie));
    }

    /** Logs the account in (a new login, as the login form makes) and answers the signed cookie value. */
    public static String sessionCookie(Account account) {
        return CDI.current().select(SessionService.class).get().start(account);
    }

    /** The CSRF token that pages of this login carry. */
    public static String csrfToken(String sessionCookie) {
        SessionCookie.Claims claims = CDI.current().select(SessionCookie.class).get().read(sessionCookie).orElseThrow();
        return CDI.current().select(CsrfTokens.class).get().forSession(claims.sessionId());
    }

    /** An anonymous request that still carries a CSRF token (for login and sign-up forms). */
    public static RequestSpecification anonymous() {
        Csrf csrf = csrf();
        return RestAssured.given().redirects().follow(false)
                .cookie(CsrfTokens.PRE_SESSION_COOKIE, csrf.cookie())
                .formParam(CsrfTokens.FIELD, csrf.token());
    }

    /** Adds the htmx request headers. */
    public static RequestSpecification htmx(RequestSpecification spec) {
        return spec.header("HX-Request", "true");
    }

    public static Document html(Response response) {
        return Jsoup.parse(response.asString());
    }

    /** An anonymous browser's pre-session cookie and the token its forms carry. */
    public record Csrf(String cookie, String token) {
    }

    public static Csrf csrf() {
        Response r = RestAssured.given().redirects().follow(false).get("/login");
        String cookie = r.getCookie(CsrfTokens.PRE_SESSION_COOKIE);
        String token = Jsoup.parse(r.asString()).select("input[name=csrf-token]").attr("value");
        return new Csrf(cookie, token);
    }

    private static final java.util.concurrent.atomic.AtomicInteger ADDRESSES =
            new java.util.concurrent.atomic.AtomicInteger(java.util.concurrent.ThreadLocalRandom.current().nextInt(1 << 16));

    /**
     * A client address no other request of this run has used, in the benchmarking range 198.18.0.0/15, to send as
     * {@code X-Forwarded-For}: loopback is a trusted proxy, so the app takes it for the client's address.
     */
    public static String clientAddress() {
        int n = ADDRESSES.incrementAndGet() & 0x1ffff;
        return "198." + (18 + (n >> 16)) + "." + (n >> 8 & 0xff) + "." + (n & 0xff);
    }

    /**
     * This request sent from 127.0.0.2: a loopback address, so it reaches the test server, yet no trusted proxy (only
     * 127.0.0.1 and [::1] are), so the app believes none of its {@code X-Forwarded-*} headers.
     */
    public static RequestSpecification fromUntrustedPeer(RequestSpecification spec) {
        try {
            // Apache HttpClient's parameter for the local address (ConnRoutePNames.LOCAL_ADDRESS, deprecated by name).
            HttpClientConfig client = HttpClientConfig.httpClientConfig()
                    .setParam("http.route.local-address", java.net.InetAddress.getByName("127.0.0.2"));
            return spec.config(RestAssured.config().httpClient(client)).baseUri("http://127.0.0.1");
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
