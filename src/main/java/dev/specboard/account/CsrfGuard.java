package dev.specboard.account;

import dev.specboard.web.ApiException;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

import java.util.Set;

/**
 * Every state-changing browser request outside {@code /api} (which takes bearer tokens, never
 * cookies) must carry the CSRF token of its own login, in the {@code X-CSRF-TOKEN} header (htmx) or
 * the {@code csrf-token} field of a form (url-encoded or multipart); anonymous forms carry the token
 * of their pre-session.
 */
public class CsrfGuard {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    @Inject
    CurrentUser currentUser;

    @Inject
    CsrfTokens tokens;

    @ServerRequestFilter(priority = Priorities.AUTHORIZATION + 10)
    @WithFormRead
    public void guard(ResteasyReactiveContainerRequestContext request, RoutingContext routing) {
        if (SAFE.contains(request.getMethod()) || request.getUriInfo().getPath().startsWith("/api/")) {
            return;
        }
        String given = request.getHeaderString(CsrfTokens.HEADER);
        if (given == null && isForm(request.getMediaType())) {
            ResteasyReactiveRequestContext rr = (ResteasyReactiveRequestContext) request.getServerRequestContext();
            Object field = rr.getFormParameter(CsrfTokens.FIELD, true, false);
            given = field == null ? null : field.toString();
        }
        String expected = currentUser.sessionId().map(tokens::forSession)
                .orElseGet(() -> tokens.preSession(routing).map(tokens::forPreSession).orElse(null));
        if (!CsrfTokens.same(expected, given)) {
            throw ApiException.forbidden("This form has expired or comes from another login (perhaps you logged in or out "
                    + "in another tab). Reload the page and try again.");
        }
    }

    private static boolean isForm(MediaType type) {
        return type != null && ((type.getType().equals("application") && type.getSubtype().equals("x-www-form-urlencoded"))
                || (type.getType().equals("multipart") && type.getSubtype().equals("form-data")));
    }
}
