package dev.specboard.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;

/**
 * An API call that sends no body needs no content type: {@code curl -X POST .../versions} or {@code .../approve} without
 * {@code -H 'Content-Type: application/json'} (or labelled as an empty form) is read as JSON with no body, the optional
 * body left out, where the operations that take an optional body answered 415.
 */
@Provider
@PreMatching
public class BodylessRequests implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        MediaType type = request.getMediaType();
        // Some clients label an empty POST as a form (curl -d '', RestAssured): with nothing in it, it is no form either.
        boolean unlabelled = type == null || type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE);
        if (unlabelled && request.getUriInfo().getRequestUri().getPath().startsWith("/api/v1/") && bodyless(request)) {
            request.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
        }
    }

    private static boolean bodyless(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        return request.getHeaderString("Transfer-Encoding") == null && (length == null || length.strip().equals("0"));
    }
}
