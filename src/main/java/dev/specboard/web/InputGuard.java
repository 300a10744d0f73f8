package dev.specboard.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.MediaType;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.core.multipart.FormData;
import org.jboss.resteasy.reactive.server.multipart.FormValue;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

import java.util.Map;

/**
 * The edge where malformed input is refused, once for every route, before any of our code sees it. PostgreSQL cannot
 * store the NUL character (0x00), so a NUL that got through would fail deep inside a transaction as a 500; a bad
 * escape or header would fail inside the framework, also as a 500. Three checkpoints make up the edge, each the one
 * place its kind of input passes:
 * <ul>
 * <li>the request line and headers of every request, static files included: a Vert.x filter that runs before routing
 * and login ({@link #checkRequest}) refuses a NUL (raw or {@code %00}) in the path or the query, a {@code .} or
 * {@code ..} segment in the path (raw or escaped as {@code %2e}), percent-escapes that are no UTF-8 ({@link Utf8Escapes}), and a Content-Type header that is empty or not a
 * media type, or more than one Authorization header: 400; a JSON body declared in another charset than UTF-8, or a body
 * in a content coding ({@code Content-Encoding: gzip}): 415 ({@link #charsetProblem}, {@link #codingProblem}); an address longer
 * than 32 KiB: 414 ({@link #MAX_ADDRESS});</li>
 * <li>form bodies, once RESTEasy has parsed them and before any resource binds them ({@link #checkForm}): a NUL in a
 * field's name or value answers 422 naming the field;</li>
 * <li>JSON bodies: every JSON text goes through the string deserializer of {@link StrictJson}, which refuses NUL
 * (422 naming the field).</li>
 * </ul>
 * Form bodies that RESTEasy cannot parse at all (a bad escape, more than 1,000 fields, a broken multipart body) are
 * answered 400 by {@link ErrorMapper}. A request line that is not HTTP (a malformed percent-escape or a raw control
 * character in the path or query) never reaches the application: Vert.x answers it with an empty 400 and closes the
 * connection. Every refusal logs one WARN line with method, path and reason, never a stack trace.
 */
@Singleton
public class InputGuard {

    private static final Logger LOG = Logger.getLogger(InputGuard.class);

    /** Before every other filter (CORS, security headers): nothing should look at a request this guard refuses. */
    static final int PRIORITY = 10_000;

    void register(@Observes Filters filters) {
        filters.register(this::checkRequest, PRIORITY);
    }

    void checkRequest(RoutingContext rc) {
        String uri = rc.request().uri();
        if (uri.length() > MAX_ADDRESS) {
            tooLong(rc);
            return;
        }
        String problem = uriProblem(uri);
        if (problem == null) {
            problem = contentTypeProblem(rc.request().getHeader("Content-Type"));
        }
        if (problem == null && rc.request().headers().getAll("Authorization").size() > 1) {
            // Two bearer tokens were served as the first: which account acts must not depend on header order.
            problem = "Send one Authorization header; this request has " + rc.request().headers().getAll("Authorization").size() + ".";
        }
        String charset = problem == null ? charsetProblem(rc.request().getHeader("Content-Type")) : null;
        String coding = problem == null && charset == null ? codingProblem(rc.request().getHeader("Content-Encoding")) : null;
        if (charset != null) {
            String path = pathOf(rc);
            refused(rc.request().method().name(), path, charset);
            answer(rc, 415, path.startsWith("/api/"), charset, new JsonObject());
        } else if (coding != null) {
            String path = pathOf(rc);
            refused(rc.request().method().name(), path, coding);
            // RFC 7694: a 415 for a content coding names the codings taken.
            rc.response().putHeader("Accept-Encoding", "identity");
            answer(rc, 415, path.startsWith("/api/"), coding, new JsonObject().put("Content-Encoding", "not accepted: send the body uncompressed"));
        } else if (problem == null) {
            rc.next();
        } else {
            refuse(rc, problem);
        }
    }

    /**
     * Why a JSON body's declared charset cannot be read (415), null when it is UTF-8 or not declared: JSON is UTF-8
     * (RFC 8259) and is read so whatever the header says, so a Latin-1 body was refused for an "Invalid UTF-8 middle
     * byte", or its text stored garbled.
     */
    static String charsetProblem(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return null;
        }
        MediaType type;
        try {
            type = MediaType.valueOf(contentType);
        } catch (IllegalArgumentException e) {
            return null;
        }
        String charset = type.getParameters().get(MediaType.CHARSET_PARAMETER);
        boolean json = "application".equalsIgnoreCase(type.getType())
                && ("json".equalsIgnoreCase(type.getSubtype()) || type.getSubtype().toLowerCase(java.util.Locale.ROOT).endsWith("+json"));
        if (!json || charset == null || isUtf8(charset)) {
            return null;
        }
        return "Send the body as application/json in UTF-8 (charset=utf-8, or no charset): JSON is UTF-8, and this one declares charset="
                + printable(charset) + ".";
    }

    /**
     * Why a body's content coding cannot be taken (415), null when there is none or it is {@code identity}. The server
     * does not decompress request bodies (a gzip of a few KiB can unpack to gigabytes past every size limit), so a
     * gzipped body was read as it came and refused as garbled JSON or stored as garbled form text.
     */
    static String codingProblem(String contentEncoding) {
        if (contentEncoding == null || contentEncoding.isBlank()) {
            return null;
        }
        for (String coding : contentEncoding.split(",")) {
            if (!coding.isBlank() && !"identity".equalsIgnoreCase(coding.strip())) {
                return "Content codings are not accepted (this body is sent with Content-Encoding: " + printable(contentEncoding.strip())
                        + "): send the body uncompressed, without a Content-Encoding header.";
            }
        }
        return null;
    }

    private static boolean isUtf8(String charset) {
        try {
            return java.nio.charset.Charset.forName(charset.strip().replace("\"", "")).equals(java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * The longest address (path and query) served: 32 KiB. The HTTP server reads request lines up to
     * {@code quarkus.http.limits.max-initial-line-length} (256 KiB) and answers a longer one with a bare 414 before any
     * of our code; between the two, this guard answers 414 with the error page or the API's JSON error.
     */
    static final int MAX_ADDRESS = 32 * 1024;

    private static void tooLong(RoutingContext rc) {
        String uri = rc.request().uri();
        String path = pathOf(rc);
        String problem = "The address is too long: at most 32 KiB (32,768 characters) of path and query; this one has "
                + String.format("%,d", uri.length()) + ". Send long text in a form's body instead.";
        LOG.warnf("Refused %s %s: address of %d characters", rc.request().method().name(),
                LoggedPath.of(InputGuard.printable(path)), uri.length());
        answer(rc, 414, path.startsWith("/api/"), problem, new JsonObject());
    }

    private static void refuse(RoutingContext rc, String problem) {
        String path = pathOf(rc);
        refused(rc.request().method().name(), path, problem);
        answer(rc, 400, path.startsWith("/api/"), problem, new JsonObject());
    }

    /** The request's path, without its query. */
    static String pathOf(RoutingContext rc) {
        String uri = rc.request().uri();
        return uri.contains("?") ? uri.substring(0, uri.indexOf('?')) : uri;
    }

    /**
     * Answers before any resource runs: the API's JSON error with {@code details}, or the error page, which the security
     * headers filter has already given its headers.
     */
    static void answer(RoutingContext rc, int status, boolean api, String problem, JsonObject details) {
        String body = api
                ? new JsonObject().put("error", problem).put("details", details).encode()
                : ErrorMapper.Templates.standalone(status, ErrorMapper.titleFor(status), problem).render();
        rc.response().setStatusCode(status)
                .putHeader("Content-Type", api ? MediaType.APPLICATION_JSON : MediaType.TEXT_HTML + ";charset=UTF-8")
                .end(body);
    }

    /** Refuses a NUL in any form field, before a resource binds it. */
    @ServerRequestFilter
    @WithFormRead
    public void checkForm(ResteasyReactiveContainerRequestContext request) {
        FormData form = ((ResteasyReactiveRequestContext) request.getServerRequestContext()).getFormData();
        if (form == null) {
            return;
        }
        for (String name : form) {
            boolean nul = name.indexOf('\0') >= 0;
            for (FormValue value : form.get(name)) {
                nul |= !value.isFileItem() && value.getValue() != null && value.getValue().indexOf('\0') >= 0;
            }
            if (nul) {
                String field = printable(name);
                refused(request.getMethod(), request.getUriInfo().getPath(), "NUL character in form field " + field);
                throw new ApiException(422, "The field " + field + " contains a NUL character, which cannot be stored. Remove it and try again.",
                        Map.of(field, "must not contain the NUL character"));
            }
        }
    }

    /**
     * Why this raw request target cannot be served: a NUL, raw or {@code %00}; null when it is fine. (A malformed
     * percent-escape never gets here: Vert.x refuses it while decoding the request line, with an empty 400.)
     */
    static String uriProblem(String uri) {
        if (uri.indexOf('\0') >= 0) {
            return "The address contains a NUL character.";
        }
        for (int i = uri.indexOf('%'); i >= 0 && i + 2 < uri.length(); i = uri.indexOf('%', i + 1)) {
            if (uri.charAt(i + 1) == '0' && uri.charAt(i + 2) == '0') {
                return "The address contains a NUL character (%00).";
            }
        }
        if (hasDotSegment(uri)) {
            return "The address contains a \".\" or \"..\" segment (maybe escaped as %2e): ask for the page itself.";
        }
        return Utf8Escapes.problem(uri);
    }

    /**
     * Whether the path holds a {@code .} or {@code ..} segment, raw or escaped. Vert.x removes dot segments before
     * routing (RFC 3986), after decoding {@code %2e}: {@code DELETE .../components/{id}/dependencies/%2e%2e} reached
     * the route that deletes the component itself. No page or file of ours is named so (git refuses such names).
     */
    static boolean hasDotSegment(String uri) {
        int end = uri.length();
        for (char c : new char[] {'?', '#'}) {
            int at = uri.indexOf(c);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        int start = 0;
        int scheme = uri.indexOf("://");
        if (scheme >= 0 && scheme < end) {
            start = uri.indexOf('/', scheme + 3);
            if (start < 0) {
                return false;
            }
        }
        for (String segment : uri.substring(start, end).split("/", -1)) {
            String s = segment.replace("%2e", ".").replace("%2E", ".");
            if (s.equals(".") || s.equals("..")) {
                return true;
            }
        }
        return false;
    }

    /** Why this Content-Type header cannot be read; null when it is absent or a media type. */
    static String contentTypeProblem(String contentType) {
        if (contentType == null) {
            return null;
        }
        if (contentType.isBlank()) {
            return "The Content-Type header is empty: send a media type such as application/json, or no header.";
        }
        try {
            MediaType.valueOf(contentType);
            return null;
        } catch (IllegalArgumentException e) {
            return "The Content-Type header is not a media type: " + printable(contentType);
        }
    }

    /** The one log line of a refused request. */
    public static void refused(String method, String path, String reason) {
        LOG.warnf("Refused %s %s: %s", LoggedText.of(method), LoggedPath.of(path), LoggedText.of(LoggedPath.text(reason)));
    }

    /** Input as it may appear in a log line or a message: control characters escaped, at most 200 characters. */
    public static String printable(String text) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        for (; i < text.length() && out.length() < 200; i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\x%02x", (int) c));
            } else {
                out.append(c);
            }
        }
        return i < text.length() ? out + "…" : out.toString();
    }
}
