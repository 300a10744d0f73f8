package dev.specboard.api;

import dev.specboard.project.ProjectFirst;
import dev.specboard.account.CurrentUser;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;


/**
 * Refuses a change of the administrators' API to anyone else before its body is read, as {@link ProjectFirst} does for
 * a project: JAX-RS reads the body into its record before {@link AdminApi} checks the caller, so an unknown field was
 * 422 where the caller's answer is 403 whatever the body.
 */
public class AdminFirst {

    private static final String ADMIN = "/api/v1/admin/";

    @Inject
    CurrentUser currentUser;

    /** After authentication (a missing token stays 401) and before the body is deserialized. */
    @ServerRequestFilter(priority = Priorities.AUTHORIZATION + 20)
    public void adminFirst(ResteasyReactiveContainerRequestContext request) {
        if (ProjectFirst.CHANGES.contains(request.getMethod()) && request.getUriInfo().getPath().startsWith(ADMIN)) {
            currentUser.requireSiteAdmin();
        }
    }
}
