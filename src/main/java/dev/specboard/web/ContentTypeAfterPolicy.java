package dev.specboard.web;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.mapping.RuntimeResource;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
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

    /**
     * What the route takes, as the 415 says it: "Send the body as application/json." (its types, without parameters). A
     * change routed as JSON matched the JSON method, but the address may take other types by other methods (a context item
     * as JSON or as a multipart upload): every one is named, or a caller is sent away from the one it meant to use.
     */
    private static String accepted(ResteasyReactiveContainerRequestContext request) {
        List<MediaType> consumes = request.getServerRequestContext() instanceof ResteasyReactiveRequestContext context
                && context.getTarget() != null ? consumesAt(context) : List.of();
        List<String> types = consumes.stream().map(t -> t.getType() + "/" + t.getSubtype()).distinct().toList();
        return ErrorMapper.SEND_AS + (types.isEmpty() ? MediaType.APPLICATION_JSON : String.join(" or ", types)) + ".";
    }

    /**
     * The types every method at the matched route's address and HTTP method consumes, the matched one's first. RESTEasy
     * routes such twin methods through one entry that keeps them out of reach, so they are read from the resource class's
     * annotations; a class with twins is registered for reflection ({@code ContextItemApi}), so a native image reads them too.
     */
    private static List<MediaType> consumesAt(ResteasyReactiveRequestContext context) {
        RuntimeResource target = context.getTarget();
        List<MediaType> all = new ArrayList<>(target.getConsumes());
        Class<?> resource = target.getResourceClass();
        if (resource == null) {
            return all;
        }
        String path = trimmed(target.getPath() == null ? "" : target.getPath().template);
        String classPath = trimmed(resource.getAnnotation(Path.class) == null ? "" : resource.getAnnotation(Path.class).value());
        for (Method method : resource.getMethods()) {
            String methodPath = trimmed(method.getAnnotation(Path.class) == null ? "" : method.getAnnotation(Path.class).value());
            String fullPath = trimmed(classPath + "/" + methodPath);
            if (!takes(method, target.getHttpMethod()) || !(methodPath.equals(path) || fullPath.equals(path))) {
                continue;
            }
            Consumes consumes = method.getAnnotation(Consumes.class) != null ? method.getAnnotation(Consumes.class) : resource.getAnnotation(Consumes.class);
            for (String value : consumes == null ? new String[0] : consumes.value()) {
                for (String type : value.split(",")) {
                    all.add(MediaType.valueOf(type.strip()));
                }
            }
        }
        return all;
    }

    private static boolean takes(Method method, String httpMethod) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod designator = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (designator != null && designator.value().equals(httpMethod)) {
                return true;
            }
        }
        return false;
    }

    private static String trimmed(String path) {
        String p = path.strip();
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
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
