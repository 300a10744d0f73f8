package dev.specboard.web;

import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

import java.util.List;
import java.util.Set;

/**
 * Judges the content type of an API change after the project policy: RESTEasy refuses a content type its route does
 * not consume (a urlencoded POST to a JSON route) with 415 while routing, before any filter, so an outsider learnt
 * that the route existed where the policy answers 404. Every change of a project's API consumes JSON (or multipart,
 * which routes alike), so before routing a change in another type is routed as JSON and marked; after the policy
 * ({@code ProjectFirst}, {@code RoleFirst}) and before the body is read, the mark answers the 415 it always got.
 * Nothing is looked up: the header is read once, no query is made.
 */
public class ContentTypeAfterPolicy {

    private static final String PROJECTS = "/api/v1/projects/";
    private static final Set<String> CHANGES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final String MARK = ContentTypeAfterPolicy.class.getName();

    /** Before routing: a project's API change in a type no route of it consumes goes on as JSON, marked. */
    @ServerRequestFilter(preMatching = true)
    public void routeAsJson(ResteasyReactiveContainerRequestContext request) {
        if (!CHANGES.contains(request.getMethod()) || !request.getUriInfo().getPath().startsWith(PROJECTS)) {
            return;
        }
        String contentType = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (contentType == null) {
            return;
        }
        MediaType type;
        try {
            type = MediaType.valueOf(contentType);
        } catch (IllegalArgumentException e) {
            return; // InputGuard refused it already; nothing unreadable gets here.
        }
        if (!MediaType.APPLICATION_JSON_TYPE.isCompatible(type) && !MediaType.MULTIPART_FORM_DATA_TYPE.isCompatible(type)) {
            request.setProperty(MARK, type);
            request.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
        }
    }

    /**
     * After the project policy and the route's role, before the body is read: the 415 routing would have answered. A
     * route that consumes nothing (a body-less change such as a delete, a start or a resolve) takes any type, as it did
     * before: {@code curl -d ''} sends a urlencoded empty body.
     */
    @ServerRequestFilter(priority = Priorities.AUTHORIZATION + 26)
    public void refuseAfterPolicy(ResteasyReactiveContainerRequestContext request) {
        if (request.getProperty(MARK) instanceof MediaType sent && refuses(request, sent)) {
            throw new NotSupportedException(accepted(request));
        }
    }

    /** What the route takes, as the 415 says it: "Send the body as application/json." (its types, without parameters). */
    private static String accepted(ResteasyReactiveContainerRequestContext request) {
        List<MediaType> consumes = request.getServerRequestContext() instanceof ResteasyReactiveRequestContext context
                && context.getTarget() != null ? context.getTarget().getConsumes() : List.of();
        List<String> types = consumes.stream().map(t -> t.getType() + "/" + t.getSubtype()).distinct().toList();
        return ErrorMapper.SEND_AS + (types.isEmpty() ? MediaType.APPLICATION_JSON : String.join(" or ", types)) + ".";
    }

    /** Whether the matched route consumes types, none of them the one sent (a route that consumes none takes any). */
    private static boolean refuses(ResteasyReactiveContainerRequestContext request, MediaType sent) {
        if (!(request.getServerRequestContext() instanceof ResteasyReactiveRequestContext context) || context.getTarget() == null) {
            return true;
        }
        List<MediaType> consumes = context.getTarget().getConsumes();
        return !consumes.isEmpty() && consumes.stream().noneMatch(sent::isCompatible);
    }
}
