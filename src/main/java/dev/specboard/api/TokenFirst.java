package dev.specboard.api;

import dev.specboard.account.CurrentUser;
import dev.specboard.project.ProjectFirst;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

/**
 * Refuses an API change without a valid token (401) before its body is judged: JAX-RS reads the body before the
 * resource method asks who calls, so on the routes outside a project ({@code POST /api/v1/projects}, {@code /tokens},
 * {@code /notifications/read-all}, the notification settings) a bad token with a malformed body got 400 or 422, where
 * a project's routes, asked by {@link ProjectFirst}, answered 401. Every API route is for tokens only.
 */
public class TokenFirst {

    private static final String API = "/api/v1/";

    @Inject
    CurrentUser currentUser;

    /** After authentication and before the project policy ({@link ProjectFirst}), the body checks and the body itself. */
    @ServerRequestFilter(priority = Priorities.AUTHORIZATION + 10)
    public void tokenFirst(ResteasyReactiveContainerRequestContext request) {
        if (ProjectFirst.CHANGES.contains(request.getMethod()) && request.getUriInfo().getPath().startsWith(API)) {
            currentUser.requireAccountId();
        }
    }
}
