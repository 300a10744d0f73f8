package dev.specboard.web;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.net.URI;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * Refuses state changes that the browser says come from another site: a {@code Sec-Fetch-Site:
 * cross-site} request, or an {@code Origin} other than this site's (as the proxy names it through
 * {@code X-Forwarded-Host}/{@code X-Forwarded-Proto}, believed from a trusted proxy only, else the {@code Host} header).
 * A request without either header (an old browser, a script) goes on to the CSRF token check.
 */
public class OriginGuard {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    @ServerRequestFilter(priority = Priorities.AUTHORIZATION)
    public void guard(ContainerRequestContext request, HttpServerRequest http) {
        if (SAFE.contains(request.getMethod()) || request.getUriInfo().getPath().startsWith("/api/")) {
            return;
        }
        if (fromAnotherSite(http)) {
            throw refused();
        }
    }

    /** Whether the browser says this request comes from another site: {@code Sec-Fetch-Site: cross-site}, or an {@code Origin} other than this site's. */
    public static boolean fromAnotherSite(HttpServerRequest request) {
        // scheme() is https when the connection is, or a trusted proxy's X-Forwarded-Proto says so (Quarkus checks the peer).
        return fromAnotherSite(request::getHeader, request.scheme(), ClientAddress.fromTrustedProxy(request));
    }

    /**
     * {@link #fromAnotherSite(HttpServerRequest)} from its parts: {@code header} reads the request's headers, {@code scheme}
     * is the one it came in on, {@code proxied} whether its peer is a trusted proxy, whose X-Forwarded-* are believed.
     */
    static boolean fromAnotherSite(Function<String, String> header, String scheme, boolean proxied) {
        if ("cross-site".equalsIgnoreCase(header.apply("Sec-Fetch-Site"))) {
            return true;
        }
        String origin = header.apply("Origin");
        return origin != null && (originOf(origin).isEmpty() || !originOf(origin).equals(site(header, scheme, proxied)));
    }

    private static ApiException refused() {
        return ApiException.forbidden("This request comes from another site, so Specboard refused it. "
                + "Use Specboard's own pages to make changes.");
    }

    /** This site's origin as the browser sees it, e.g. {@code https://specboard.example.com}. */
    static String site(Function<String, String> header, String requestScheme, boolean proxied) {
        // From anyone else these headers are the client's own words: a page could name its own site in them.
        String host = proxied ? first(header.apply("X-Forwarded-Host")) : null;
        if (host == null) {
            host = header.apply("Host");
        }
        String scheme = proxied ? first(header.apply("X-Forwarded-Proto")) : null;
        if (scheme == null) {
            scheme = requestScheme;
        }
        return normalized(scheme, host);
    }

    /** A received Origin in the same form; "null" (an opaque origin) and garbage give "", which matches nothing. */
    static String originOf(String origin) {
        try {
            URI uri = URI.create(origin.trim());
            return uri.getScheme() == null || uri.getRawAuthority() == null ? "" : normalized(uri.getScheme(), uri.getRawAuthority());
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    /** Scheme and host in the form browsers send in {@code Origin}: lower case, no default port. */
    static String normalized(String scheme, String host) {
        if (host == null || host.isBlank() || scheme == null) {
            return "";
        }
        String s = scheme.toLowerCase(Locale.ROOT);
        String h = host.toLowerCase(Locale.ROOT);
        if ((s.equals("http") && h.endsWith(":80")) || (s.equals("https") && h.endsWith(":443"))) {
            h = h.substring(0, h.lastIndexOf(':'));
        }
        return s + "://" + h;
    }

    private static String first(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        int comma = header.indexOf(',');
        return (comma < 0 ? header : header.substring(0, comma)).trim();
    }
}
