package dev.specboard.account;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.UUID;

/**
 * CSRF tokens bound to the login: a logged-in page's token is an HMAC of its login's id, so a token
 * from another login (or from before the login) is worth nothing. Anonymous forms (login, sign-up)
 * get a token bound to a random pre-session cookie instead.
 */
@ApplicationScoped
public class CsrfTokens {

    public static final String FIELD = "csrf-token";
    public static final String HEADER = "X-CSRF-TOKEN";
    public static final String PRE_SESSION_COOKIE = "sb_presession";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    SessionCookie cookies;

    public String forSession(UUID sessionId) {
        return SessionCookie.b64(cookies.sign("csrf-session|" + sessionId));
    }

    public String forPreSession(String preSessionId) {
        return SessionCookie.b64(cookies.sign("csrf-anonymous|" + preSessionId));
    }

    /** The pre-session of an anonymous browser, if it has one. */
    public Optional<String> preSession(RoutingContext ctx) {
        Cookie c = ctx.request().getCookie(PRE_SESSION_COOKIE);
        return c == null || c.getValue().isBlank() || c.getValue().length() > 64 ? Optional.empty() : Optional.of(c.getValue());
    }

    /** Gives an anonymous browser its pre-session, so that the login form it is about to get can be checked. */
    public String newPreSession(RoutingContext ctx) {
        byte[] id = new byte[18];
        RANDOM.nextBytes(id);
        String value = SessionCookie.b64(id);
        ctx.response().addCookie(Cookie.cookie(PRE_SESSION_COOKIE, value).setPath("/").setHttpOnly(true)
                .setSecure(AuthMechanism.isSecure(ctx)).setSameSite(CookieSameSite.LAX));
        return value;
    }

    static boolean same(String expected, String given) {
        return expected != null && given != null
                && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }
}
