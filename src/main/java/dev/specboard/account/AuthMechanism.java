package dev.specboard.account;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Who is calling: a bearer API token under {@code /api}, otherwise the signed login cookie, as long
 * as its login has not been ended (known from {@link SessionCache} without a query once cached). An
 * anonymous page request is sent to the login page (htmx requests through HX-Redirect).
 */
@ApplicationScoped
public class AuthMechanism implements HttpAuthenticationMechanism {

    public static final String ACCOUNT_ID = "accountId";
    public static final String SESSION_ID = "sessionId";

    @Inject
    SessionCookie sessions;

    @Inject
    SessionCache cache;

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext ctx, IdentityProviderManager identities) {
        String path = ctx.normalizedPath();
        if (path.startsWith("/api/")) {
            String auth = ctx.request().getHeader("Authorization");
            if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
                TokenAuthenticationRequest request = new TokenAuthenticationRequest(
                        new TokenCredential(auth.substring(7).trim(), "bearer"));
                return identities.authenticate(HttpSecurityUtils.setRoutingContextAttribute(request, ctx));
            }
            // The API is for tokens only; a browser cookie never authenticates it, so CSRF cannot reach it.
            return Uni.createFrom().optional(Optional.empty());
        }
        Cookie cookie = ctx.request().getCookie(SessionCookie.NAME);
        if (cookie == null) {
            return Uni.createFrom().optional(Optional.empty());
        }
        Optional<SessionCookie.Claims> claims = sessions.read(cookie.getValue());
        if (claims.isEmpty()) {
            return Uni.createFrom().optional(Optional.empty());
        }
        SessionCookie.Claims c = claims.get();
        Boolean open = cache.cached(c);
        if (open == null) {
            // Not known on this instance yet: the provider reads the account's logins on a worker thread.
            return identities.authenticate(HttpSecurityUtils.setRoutingContextAttribute(new SessionIdentityProvider.Request(c), ctx))
                    .invoke(identity -> renew(ctx, c))
                    .onFailure(AuthenticationFailedException.class).recoverWithUni(() -> ended(ctx));
        }
        if (!open) {
            return ended(ctx);
        }
        renew(ctx, c);
        return Uni.createFrom().item(SessionIdentityProvider.identity(c));
    }

    /** Sliding expiry: an active person stays logged in (up to the absolute lifetime). */
    private void renew(RoutingContext ctx, SessionCookie.Claims c) {
        if (c.halfSpent(sessions.lifetime())) {
            ctx.response().addCookie(loginCookie(sessions.encode(sessions.renewed(c)), isSecure(ctx)));
        }
    }

    /** An ended login is no login: the browser is told to drop the cookie, and the request goes on anonymously. */
    private static Uni<SecurityIdentity> ended(RoutingContext ctx) {
        ctx.response().addCookie(clearedCookie(isSecure(ctx)));
        return Uni.createFrom().optional(Optional.empty());
    }

    /**
     * An API client refused by an HTTP permission (the MCP endpoint) reads the API's JSON error, not an
     * empty 401: the challenge alone could only carry a status and one header.
     */
    @Override
    public Uni<Boolean> sendChallenge(RoutingContext ctx) {
        if (!ctx.normalizedPath().startsWith("/api/") || ctx.response().ended()) {
            return HttpAuthenticationMechanism.super.sendChallenge(ctx);
        }
        ctx.response().setStatusCode(401).putHeader("WWW-Authenticate", "Bearer").putHeader("Content-Type", "application/json")
                .end("{\"error\":\"Unknown, revoked or missing API token\",\"details\":{}}");
        return Uni.createFrom().item(true);
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext ctx) {
        if (ctx.normalizedPath().startsWith("/api/")) {
            return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "Bearer"));
        }
        String next = ctx.request().uri();
        String current = ctx.request().getHeader("HX-Current-URL");
        if (current != null) {
            // For an htmx request, come back to the page it was made from, not to the fragment URL.
            try {
                URI uri = new URI(current);
                next = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            } catch (URISyntaxException e) {
                // Not a URL: fall back to the request's own path.
            }
        }
        String login = "/login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8);
        if ("true".equals(ctx.request().getHeader("HX-Request"))) {
            return Uni.createFrom().item(new ChallengeData(401, "HX-Redirect", login));
        }
        return Uni.createFrom().item(new ChallengeData(302, "Location", login));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(TokenAuthenticationRequest.class, SessionIdentityProvider.Request.class);
    }

    /** The identity of an account, as cookies and API tokens both make it. */
    static QuarkusSecurityIdentity.Builder identityOf(String username, String siteRole, UUID accountId) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(username))
                .addRole(siteRole)
                .addAttribute(ACCOUNT_ID, accountId);
    }

    static boolean isSecure(RoutingContext ctx) {
        return isSecure(ctx.request());
    }

    /**
     * Whether the browser reached us over HTTPS, so that cookies are marked Secure: Quarkus believes {@code
     * X-Forwarded-Proto} only from a trusted proxy; read raw, any client could say https (or another peer's headers).
     */
    public static boolean isSecure(HttpServerRequest request) {
        return request.isSSL();
    }

    public static Cookie loginCookie(String value, boolean secure) {
        return Cookie.cookie(SessionCookie.NAME, value)
                .setPath("/").setHttpOnly(true).setSecure(secure).setSameSite(CookieSameSite.LAX);
    }

    public static Cookie clearedCookie(boolean secure) {
        return loginCookie("", secure).setMaxAge(0);
    }
}
