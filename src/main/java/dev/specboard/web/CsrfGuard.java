package dev.specboard.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.Set;

/**
 * Completes rest-csrf: it checks the token of forms and of requests carrying the CSRF header, and
 * skips other bodies so that the token-authenticated JSON API works. This guard makes sure no
 * state-changing browser request outside {@code /api} slips through with another content type
 * (a cross-site {@code text/plain} form, say): it must be a form or carry the header.
 */
public class CsrfGuard {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    @ServerRequestFilter
    public Response guard(ContainerRequestContext request) {
        if (SAFE.contains(request.getMethod()) || request.getUriInfo().getPath().startsWith("/api/")) {
            return null;
        }
        if (request.getHeaderString("X-CSRF-TOKEN") != null) {
            return null;
        }
        MediaType type = request.getMediaType();
        if (type != null && (type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                || type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE))) {
            return null;
        }
        return Response.status(400).type(MediaType.TEXT_PLAIN_TYPE)
                .entity("This request needs a CSRF token: reload the page and try again.").build();
    }
}
