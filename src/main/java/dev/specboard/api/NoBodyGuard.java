package dev.specboard.api;

import dev.specboard.project.ProjectFirst;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.specboard.web.ApiException;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Refuses a JSON body sent to an API action that takes none ({@code approve}, {@code claim}, {@code archive}...), as a
 * body field a route does not take is refused everywhere else: JAX-RS never reads such a body, so
 * {@code {"version": 99}} on an approval was silently ignored and the approval done. An empty body or {@code {}} is
 * what such a call takes; an object with fields is 422 naming each one, anything else 400. Runs after the project
 * policy ({@link ProjectFirst}): an outsider still gets 404 whatever the body.
 */
public class NoBodyGuard {

    private static final String API = "/api/v1/";

    @Inject
    ObjectMapper json;

    @ServerRequestFilter(priority = Priorities.AUTHORIZATION + 30)
    public void noBodyWhereNoneIsTaken(ResteasyReactiveContainerRequestContext request) {
        if (!ProjectFirst.CHANGES.contains(request.getMethod()) || !request.getUriInfo().getPath().startsWith(API)) {
            return;
        }
        MediaType type = request.getMediaType();
        if (type != null && (type.getType().equals("multipart") || type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE))) {
            return;
        }
        if (takesBody(request.getServerRequestContext().getResteasyReactiveResourceInfo().getParameterTypes())) {
            return;
        }
        JsonNode body = read(request.getEntityStream());
        if (body == null || body.isObject() && body.isEmpty()) {
            return;
        }
        if (!body.isObject()) {
            throw ApiException.badRequest("This call takes no body (or an empty JSON object {}).");
        }
        Map<String, Object> details = new LinkedHashMap<>();
        body.fieldNames().forEachRemaining(name -> details.put(name, "unknown field"));
        throw new ApiException(422, "Unknown fields: " + String.join(", ", details.keySet()) + " (this call takes no body)", details);
    }

    /**
     * Whether the matched method reads a body: API bodies are records, maps or lists, while path and query values are
     * text, numbers and flags ({@code InputCensusTest} checks this against every route's parameters).
     */
    static boolean takesBody(Class<?>[] parameterTypes) {
        for (Class<?> t : parameterTypes) {
            if (Record.class.isAssignableFrom(t) || Map.class.isAssignableFrom(t) || Collection.class.isAssignableFrom(t)
                    || JsonNode.class.isAssignableFrom(t) || InputStream.class.isAssignableFrom(t) || t == byte[].class) {
                return true;
            }
        }
        return false;
    }

    /** The body as JSON; null when there is none or only white space. */
    private JsonNode read(InputStream in) {
        try {
            byte[] bytes = in.readAllBytes();
            String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
            return text.isBlank() ? null : json.readTree(text);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("This call takes no body (or an empty JSON object {}); what was sent is not even JSON.");
        } catch (IOException e) {
            throw ApiException.badRequest("The request body could not be read.");
        }
    }
}
