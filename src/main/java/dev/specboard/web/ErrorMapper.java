package dev.specboard.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns every failure into a readable answer: the JSON error of API v1 under {@code /api}, an
 * error page (or fragment for htmx) elsewhere; never a stack trace.
 */
public class ErrorMapper {

    private static final Logger LOG = Logger.getLogger(ErrorMapper.class);

    @CheckedTemplate(basePath = "web")
    static class Templates {
        static native TemplateInstance error(int status, String title, String message);

        static native TemplateInstance error$body(int status, String title, String message);
    }

    @ServerExceptionMapper
    public Response apiException(ApiException e, UriInfo uri, HttpHeaders headers) {
        return respond(e.status(), e.getMessage(), e.details(), uri, headers);
    }

    @ServerExceptionMapper
    public Response webException(WebApplicationException e, UriInfo uri, HttpHeaders headers) {
        int status = e.getResponse().getStatus();
        if (status == 405 || status == 415 || status == 406) {
            return respond(status, e.getMessage(), Map.of(), uri, headers);
        }
        return respond(status, messageFor(status, e.getMessage()), Map.of(), uri, headers);
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri, HttpHeaders headers) {
        Map<String, Object> details = new LinkedHashMap<>();
        e.getConstraintViolations().forEach(v -> {
            String path = v.getPropertyPath().toString();
            String field = path.contains(".") ? path.substring(path.lastIndexOf('.') + 1) : path;
            details.putIfAbsent(field, v.getMessage());
        });
        return respond(422, "Validation failed", details, uri, headers);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(io.quarkus.security.AuthenticationFailedException e, UriInfo uri, HttpHeaders headers) {
        return respond(401, "Unknown, revoked or missing API token", Map.of(), uri, headers);
    }

    @ServerExceptionMapper
    public Response unreadableJson(com.fasterxml.jackson.core.JsonProcessingException e, UriInfo uri, HttpHeaders headers) {
        return respond(400, "The request body is not valid JSON for this call: " + e.getOriginalMessage(), Map.of(), uri, headers);
    }

    /** The database cannot be reached right now: 503 with Retry-After, logged as one line (not a stack trace). */
    @ServerExceptionMapper
    public Response databaseUnavailable(org.hibernate.exception.JDBCConnectionException e, UriInfo uri, HttpHeaders headers) {
        return unavailable(e, uri, headers);
    }

    private static Response unavailable(Throwable e, UriInfo uri, HttpHeaders headers) {
        DatabaseOutage.log(LOG, uri.getPath(), e);
        return Response.fromResponse(respond(503, "The database is not reachable at the moment; please try again in a few seconds.",
                Map.of(), uri, headers)).header("Retry-After", DatabaseOutage.RETRY_AFTER_SECONDS).build();
    }

    @ServerExceptionMapper(priority = 10_000)
    public Response unexpected(Throwable e, UriInfo uri, HttpHeaders headers) {
        if (DatabaseOutage.isCause(e)) {
            return unavailable(e, uri, headers);
        }
        if (e instanceof ApiException api) {
            return apiException(api, uri, headers);
        }
        if (e instanceof WebApplicationException web) {
            return webException(web, uri, headers);
        }
        LOG.error("Unexpected error on " + uri.getPath(), e);
        return respond(500, "Something went wrong on our side. It has been logged; please try again.", Map.of(), uri, headers);
    }

    static Response respond(int status, String message, Map<String, Object> details, UriInfo uri, HttpHeaders headers) {
        if (uri.getPath().startsWith("/api/")) {
            return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(new ApiError(message, details)).build();
        }
        String title = titleFor(status);
        TemplateInstance body = Htmx.isFragment(headers)
                ? Templates.error$body(status, title, message)
                : Templates.error(status, title, message);
        Response.ResponseBuilder r = Response.status(status).type(MediaType.TEXT_HTML_TYPE).entity(body);
        if (Htmx.isHtmx(headers) && status >= 400) {
            // Errors of an htmx action show in the flash area instead of replacing the target.
            r.header("HX-Retarget", "#flash").header("HX-Reswap", "innerHTML");
        }
        return r.build();
    }

    private static String titleFor(int status) {
        return switch (status) {
            case 400 -> "Bad request";
            case 401 -> "Please log in";
            case 403 -> "Not allowed";
            case 404 -> "Not found";
            case 409 -> "Conflict";
            case 422 -> "Invalid input";
            default -> status >= 500 ? "Server error" : "Error";
        };
    }

    private static String messageFor(int status, String message) {
        return switch (status) {
            case 404 -> "There is nothing here, or you do not have access to it.";
            case 403 -> message != null && !message.startsWith("HTTP ") ? message : "Your role does not allow this.";
            case 401 -> "Please log in.";
            default -> message == null || message.startsWith("HTTP ") ? titleFor(status) : message;
        };
    }
}
