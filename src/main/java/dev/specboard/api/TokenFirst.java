package dev.specboard.api;

import dev.specboard.account.CurrentUser;
import dev.specboard.project.ProjectFirst;
import dev.specboard.web.ApiException;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

/**
 * Refuses an API change without a valid token (401) before its body is judged: JAX-RS reads the body before the
 * resource method asks who calls, so on the routes outside a project ({@code POST /api/v1/projects}, {@code /tokens},
 * {@code /notifications/read-all}, the notification settings) a bad token with a malformed body got 400 or 422, where
 * a project's routes, asked by {@link ProjectFirst}, answered 401. Every API change is for tokens only, but the two
 * a caller makes before having one: signing up, and a token asked for or revoked with a password (HTTP Basic), which
 * {@code AccountApi} checks itself, under the login limits. A token asked for with a token is refused (403)
 * here too: a token made so outlived the revocation of the one that made it, so a leaked token could keep itself alive.
 */
public class TokenFirst {

    private static final String API = "/api/v1/";
    private static final String SIGNUP = API + "accounts";
    private static final String TOKENS = API + "tokens";
    static final String NO_TOKEN_FROM_A_TOKEN =
            "Create a token with your password (HTTP Basic) or on your settings page; a token cannot create another.";

    @Inject
    CurrentUser currentUser;

    /** After authentication and before the project policy ({@link ProjectFirst}), the body checks and the body itself. */
    @ServerRequestFilter(priority = Priorities.AUTHORIZATION + 10)
    public void tokenFirst(ResteasyReactiveContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (ProjectFirst.CHANGES.contains(request.getMethod()) && path.startsWith(API)
                && !beforeAToken(request.getMethod(), path, request.getHeaderString(HttpHeaders.AUTHORIZATION))) {
            currentUser.requireAccountId();
            if ("POST".equals(request.getMethod()) && path.equals(TOKENS)) {
                throw ApiException.forbidden(NO_TOKEN_FROM_A_TOKEN);
            }
        }
    }

    /**
     * Signing up, asking for a token with a password, or revoking one with a password (a leaked token is revoked without
     * making another first): the changes made without a token.
     */
    static boolean beforeAToken(String method, String path, String authorization) {
        if ("POST".equals(method) && path.equals(SIGNUP)) {
            return true;
        }
        boolean password = AccountApi.isBasic(authorization);
        return password && ("POST".equals(method) && path.equals(TOKENS) || "DELETE".equals(method) && path.startsWith(TOKENS + "/"));
    }
}
