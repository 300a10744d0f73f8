package dev.specboard.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.PropertyBindingException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Turns every failure into a readable answer: the JSON error of API v1 under {@code /api}, an
 * error page (or fragment for htmx) elsewhere; never a stack trace. Refused bad input (a body that
 * cannot be read, a JSON value of the wrong type, unknown JSON fields) logs one WARN line; only
 * unexpected failures log a stack trace.
 */
public class ErrorMapper {

    private static final Logger LOG = Logger.getLogger(ErrorMapper.class);

    /** How an API 415 begins: it names the types the call takes. */
    static final String SEND_AS = "Send the body as ";

    /** Ahead of quarkus-rest-jackson's own mapper, which answers a bare 400. */
    private static final int BEFORE_BUILT_IN = Priorities.USER - 100;

    @CheckedTemplate(basePath = "web")
    static class Templates {
        static native TemplateInstance error(int status, String title, String message, boolean anonymous);

        static native TemplateInstance error$body(int status, String title, String message, boolean anonymous);

        /** The error page without the layout, whose login lookup may not run on the IO thread. */
        static native TemplateInstance standalone(int status, String title, String message);
    }

    @ServerExceptionMapper
    public Response apiException(ApiException e, UriInfo uri, HttpHeaders headers, Request request) {
        if (e instanceof Relocated moved && ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))) {
            String query = uri.getRequestUri().getRawQuery();
            return Response.status(301).location(java.net.URI.create(moved.relocated(uri.getRequestUri().getRawPath())
                    + (query == null ? "" : "?" + query))).build();
        }
        Response r = respond(e.status(), uri.getPath().startsWith("/api/") ? e.apiMessage() : e.getMessage(), e.details(), uri, headers);
        if (e.retryAfterSeconds() > 0) {
            r.getHeaders().add("Retry-After", e.retryAfterSeconds());
        }
        return r;
    }

    @ServerExceptionMapper
    public Response webException(WebApplicationException e, UriInfo uri, HttpHeaders headers, Request request) {
        int status = e.getResponse().getStatus();
        com.fasterxml.jackson.core.exc.InputCoercionException number = e.getCause() instanceof com.fasterxml.jackson.core.exc.InputCoercionException n ? n
                : e.getCause() instanceof JsonMappingException m && m.getCause() instanceof com.fasterxml.jackson.core.exc.InputCoercionException inner ? inner : null;
        if (status == 400 && number != null) {
            // A number too large for its field ({"hours": 99999999999}): name the field, as for any other value that does not fit.
            String field = e.getCause() instanceof JsonMappingException m && !m.getPath().isEmpty() ? fieldPath(m)
                    : number.getProcessor() == null ? "" : StrictJson.pathAt(number.getProcessor().getParsingContext());
            if (!field.isEmpty()) {
                // Its declared range, or plainly "is too large": Java's int range is no rule of ours. A value out of range is
                // the field's problem (422), as one inside Java's range but outside the field's is (constraintViolation).
                String expected = JsonProblems.outOfRange(e.getCause() instanceof JsonMappingException m ? m : null, number);
                return refuse(422, "The field " + field + " " + expected, Map.of(field, expected), uri, headers, request);
            }
        }
        if (status == 400 && e.getCause() instanceof JsonProcessingException json) {
            return refuse(400, JsonProblems.unreadable("The request body is not valid JSON: ", json), Map.of(), uri, headers, request);
        }
        if (status == 415 && uri.getPath().startsWith("/api/")) {
            // An API caller is told what to send; the framework's words named its @Consumes, ours named nothing.
            String message = e.getMessage() != null && e.getMessage().startsWith(SEND_AS) ? e.getMessage() : SEND_AS + "application/json.";
            return refuse(415, message, Map.of(), uri, headers, request);
        }
        if (status == 400 || status == 413 || status == 415) {
            return refuse(status, messageFor(status, e.getMessage()), Map.of(), uri, headers, request);
        }
        if (status == 404 || status == 405) {
            Set<String> allowed = AllowedMethods.otherThan(request.getMethod(), uri.getPath());
            if (!allowed.isEmpty()) {
                // A known address asked with a method it does not answer to (HEAD or PATCH on a form's POST route).
                return Response.fromResponse(respond(405, "This address does not answer to " + request.getMethod()
                        + "; it answers to " + String.join(", ", allowed) + ".", Map.of(), uri, headers))
                        .header(HttpHeaders.ALLOW, String.join(", ", allowed)).build();
            }
        }
        if (status == 406) {
            // The framework's words named its @Produces: the caller is told what the address sends instead.
            return respond(406, NotAcceptable.message(request.getMethod(), uri.getPath(), headers), Map.of(), uri, headers);
        }
        if (status == 405) {
            return respond(status, e.getMessage(), Map.of(), uri, headers);
        }
        return respond(status, messageFor(status, e.getMessage()), Map.of(), uri, headers);
    }

    /** {@code ?page=abc}: 400 naming the parameter, where JAX-RS would answer 404 as if the path were unknown. */
    @ServerExceptionMapper
    public Response malformedQuery(QueryValues.Malformed e, UriInfo uri, HttpHeaders headers, Request request) {
        return refuse(400, e.getMessage(), Map.of(e.name(), e.expected()), uri, headers, request);
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri, HttpHeaders headers) {
        Map<String, Object> details = new LinkedHashMap<>();
        Map<String, String> ranges = new LinkedHashMap<>();
        ViolationOrder.of(e.getConstraintViolations()).forEach(v -> {
            String path = v.getPropertyPath().toString();
            String field = path.contains(".") ? path.substring(path.lastIndexOf('.') + 1) : path;
            // A number outside @Min/@Max is told the field's whole range, as one past Java's int range is (webException).
            String range = v.getLeafBean() == null ? null : JsonProblems.range(v.getLeafBean().getClass(), field);
            if (range != null) {
                ranges.putIfAbsent(field, range);
            }
            details.putIfAbsent(field, range != null ? range : v.getMessage());
        });
        if (details.size() == 1 && ranges.size() == 1) {
            Map.Entry<String, String> only = ranges.entrySet().iterator().next();
            return respond(422, "The field " + only.getKey() + " " + only.getValue(), details, uri, headers);
        }
        return respond(422, "Validation failed", details, uri, headers);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(io.quarkus.security.AuthenticationFailedException e, UriInfo uri, HttpHeaders headers) {
        return respond(401, "Unknown, revoked or missing API token", Map.of(), uri, headers);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri, HttpHeaders headers, Request request) {
        return refuse(400, JsonProblems.unreadable("The request body is not valid JSON for this call: ", e), Map.of(), uri, headers, request);
    }

    /** A JSON value that does not fit its field ({@code "lineStart":"abc"}): 400 naming the field and what it must be. */
    @ServerExceptionMapper(priority = BEFORE_BUILT_IN)
    public Response mismatchedJson(MismatchedInputException e, UriInfo uri, HttpHeaders headers, Request request) {
        if (e instanceof StrictJson.UnknownFields unknown) {
            return refuse(422, unknown.getOriginalMessage(), unknown.fields(), uri, headers, request);
        }
        if (e instanceof WrongTypes wrong) {
            return refuse(400, wrong.describe(), wrong.details(), uri, headers, request);
        }
        String field = fieldPath(e);
        if (e instanceof StrictJson.UnstorableText text) {
            return refuse(422, "The field " + field + " contains " + text.holds() + ".",
                    Map.of(field, text.rule()), uri, headers, request);
        }
        if (e instanceof PropertyBindingException) {
            return refuse(422, "Unknown field: " + field, Map.of(field, "unknown field"), uri, headers, request);
        }
        if (field.isEmpty() && e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Trailing token")) {
            return refuse(400, "The request body is not valid JSON for this call: more follows after its JSON value ends",
                    Map.of(), uri, headers, request);
        }
        if (field.isEmpty()) {
            return refuse(400, "The request body " + expectation(e.getTargetType()), Map.of(), uri, headers, request);
        }
        String expected = expectation(e.getTargetType());
        return refuse(400, "The field " + field + " " + expected, Map.of(field, expected), uri, headers, request);
    }

    /** The database cannot be reached right now, or the server is busy: 503 with Retry-After, logged as one line (not a stack trace). */
    @ServerExceptionMapper
    public Response databaseUnavailable(org.hibernate.exception.JDBCConnectionException e, UriInfo uri, HttpHeaders headers) {
        return unavailable(e, uri, headers);
    }

    private static Response unavailable(Throwable e, UriInfo uri, HttpHeaders headers) {
        DatabaseOutage.log(LOG, LoggedPath.of(uri.getPath()), e);
        return Response.fromResponse(respond(503, DatabaseOutage.message(e), Map.of(), uri, headers))
                .header("Retry-After", DatabaseOutage.RETRY_AFTER_SECONDS).build();
    }

    @ServerExceptionMapper(priority = 10_000)
    public Response unexpected(Throwable e, UriInfo uri, HttpHeaders headers, Request request) {
        if (DatabaseOutage.isCause(e) || DatabaseOutage.isBusy(e)) {
            return unavailable(e, uri, headers);
        }
        if (e instanceof ApiException api) {
            return apiException(api, uri, headers, request);
        }
        if (e instanceof QueryValues.Malformed query) {
            return malformedQuery(query, uri, headers, request);
        }
        if (e instanceof WebApplicationException web) {
            return webException(web, uri, headers, request);
        }
        if (ParallelChange.isCause(e)) {
            LOG.warnf("Parallel change on %s %s: %s", request.getMethod(), LoggedPath.of(uri.getPath()), loggedMessage(e));
            return respond(409, "Someone else changed this at the same time, so nothing was saved. Reload it and try again.",
                    Map.of(), uri, headers);
        }
        if (Causes.any(e, t -> t instanceof Gone)) {
            LOG.warnf("Removed meanwhile on %s %s: %s", request.getMethod(), LoggedPath.of(uri.getPath()), loggedMessage(e));
            Throwable gone = e;
            while (!(gone instanceof Gone) && gone.getCause() != null) {
                gone = gone.getCause();
            }
            return respond(404, gone instanceof Gone ? gone.getMessage() : "This was removed meanwhile.", Map.of(), uri, headers);
        }
        if (ParallelChange.isGone(e)) {
            LOG.warnf("Deleted meanwhile on %s %s: %s", request.getMethod(), LoggedPath.of(uri.getPath()), loggedMessage(e));
            return respond(404, "This was deleted by someone else while you changed it, so nothing was saved.", Map.of(), uri, headers);
        }
        if (ParallelChange.isDuplicate(e)) {
            LOG.warnf("Parallel create on %s %s: %s", request.getMethod(), LoggedPath.of(uri.getPath()), loggedMessage(e));
            return respond(409, "That already exists: someone created one with the same name at the same time, so nothing was saved."
                    + " Reload and try again.", Map.of(), uri, headers);
        }
        String unreadable = unreadableForm(e);
        if (unreadable != null) {
            return refuse(400, unreadable, Map.of(), uri, headers, request);
        }
        if (Causes.any(e, ErrorMapper::fromHttpDecoder)) {
            // A body whose HTTP framing is broken (a chunk size "ZZZZ"): the client's mistake, one WARN line rather than an
            // ERROR with its stack; the server closes such a connection, so the answer reaches the client only when it can.
            return refuse(400, "The request body could not be read: its chunked transfer encoding is malformed (a chunk size must "
                    + "be hexadecimal).", Map.of(), uri, headers, request);
        }
        if (ClientGone.isCause(e)) {
            LOG.debugf("The client of %s %s went away before the answer was written", request.getMethod(), LoggedPath.of(uri.getPath()));
            return Response.noContent().build();
        }
        LOG.error("Unexpected error on " + LoggedPath.of(uri.getPath()), LoggedPath.thrown(e));
        return respond(500, "Something went wrong on our side. It has been logged; please try again.", Map.of(), uri, headers);
    }

    /** An exception's message as a log line may carry it: link secrets replaced, control characters escaped. */
    private static String loggedMessage(Throwable e) {
        return LoggedText.of(LoggedPath.text(e.getMessage()));
    }

    /** A refusal of bad input: one WARN line (none for a reader cut off by the body limit, which logged it), then the usual answer. */
    private static Response refuse(int status, String message, Map<String, Object> details, UriInfo uri, HttpHeaders headers, Request request) {
        if (!BodyLimit.refusedWhileRead()) {
            InputGuard.refused(request.getMethod(), uri.getPath(), message);
        }
        return respond(status, message, details, uri, headers);
    }

    static Response respond(int status, String message, Map<String, Object> details, UriInfo uri, HttpHeaders headers) {
        if (uri.getPath().startsWith("/api/")) {
            return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(new ApiError(message, details)).build();
        }
        return ErrorPage.of(status, message, details, headers);
    }

    /**
     * What went wrong when RESTEasy's form parser refused a body (its exceptions are plain runtime exceptions, known
     * by where they were thrown); null for any other failure.
     */
    static String unreadableForm(Throwable e) {
        boolean fromParser = Arrays.stream(e.getStackTrace()).anyMatch(f ->
                f.getClassName().startsWith("org.jboss.resteasy.reactive.server.core.multipart.")
                        || f.getClassName().equals("org.jboss.resteasy.reactive.server.handlers.FormBodyHandler"));
        if (!fromParser) {
            return null;
        }
        String message = String.valueOf(e.getMessage());
        if (message.startsWith("Param limit")) {
            return "The form has too many fields (at most 1,000).";
        }
        if (e instanceof IllegalArgumentException && message.contains("decode")) {
            return "The form is not properly encoded: % must be followed by two hexadecimal digits.";
        }
        return "The form could not be read: " + InputGuard.printable(message);
    }

    /** Whether Netty's HTTP decoder refused the request's bytes (an invalid chunk size): thrown by the decoder itself. */
    private static boolean fromHttpDecoder(Throwable t) {
        return Arrays.stream(t.getStackTrace()).anyMatch(f -> f.getClassName().equals("io.netty.handler.codec.http.HttpObjectDecoder"));
    }

    /** The JSON path of the field a Jackson error is about: {@code phases[0].hours}; empty for the body itself. */
    static String fieldPath(JsonMappingException e) {
        List<String> parts = new ArrayList<>();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                parts.add(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                parts.add("[" + r.getIndex() + "]");
            }
        }
        return StrictJson.joinPath(parts);
    }

    /** What a JSON value of this type must look like, for people and agents. */
    static String expectation(Class<?> type) {
        if (type == null) {
            return "has the wrong type";
        }
        if (type == int.class || type == long.class || type == short.class || type == byte.class || type == Integer.class
                || type == Long.class || type == Short.class || type == Byte.class) {
            return "must be a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "must be a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "must be true or false";
        }
        if (type == String.class || type == char.class || type == Character.class) {
            return "must be a text";
        }
        if (type == UUID.class) {
            return "must be a UUID";
        }
        if (type.isEnum()) {
            return "must be one of " + Arrays.stream(type.getEnumConstants()).map(String::valueOf).collect(Collectors.joining(", "));
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "must be a date and time in ISO 8601";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "must be a list";
        }
        return "must be a JSON object";
    }

    static String titleFor(int status) {
        return switch (status) {
            case 400 -> "Bad request";
            case 401 -> "Please log in";
            case 403 -> "Not allowed";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            // A 409 is a change that met the project in another state than the page showed (someone was first, the project
            // was archived, a step is missing): the sentence below says which; "409 · Conflict" above it said nothing to people.
            case 409 -> "This was not done";
            case 410 -> "Gone";
            case 413 -> "Too large";
            case 414 -> "Address too long";
            case 415 -> "Unsupported content";
            case 422 -> "Invalid input";
            case 503 -> "Busy";
            default -> status >= 500 ? "Server error" : "Error";
        };
    }

    private static String messageFor(int status, String message) {
        return switch (status) {
            case 404 -> "There is nothing here, or you do not have access to it.";
            case 403 -> message != null && !message.startsWith("HTTP ") ? message : "Your role does not allow this.";
            case 401 -> "Please log in.";
            case 413 -> "This request is larger than the server accepts: at most " + BodyLimit.configured() + ".";
            case 415 -> "This kind of content is not accepted here.";
            default -> message == null || message.startsWith("HTTP ") ? titleFor(status) : message;
        };
    }
}
