package dev.specboard.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.List;
import java.util.Locale;

/**
 * Browser hardening on every answer of the server (pages, fragments, redirects, error pages, static
 * files, webjars, the JSON API and {@code /q}):
 * <ul>
 *   <li>a strict {@code Content-Security-Policy} ({@link #POLICY}): scripts and styles only from our own
 *       files, so no inline script, inline event handler, {@code style=""} or {@code eval} runs; no plugins,
 *       no {@code <base>}, no framing by other pages;</li>
 *   <li>{@code X-Content-Type-Options: nosniff} and {@code Referrer-Policy: same-origin} ({@code no-referrer} under a
 *       preview link's {@code /preview/}, errors included, so its token is never sent on);</li>
 *   <li>{@code Cache-Control: no-store} on every dynamic answer (everything but {@code /static} and
 *       {@code /webjars}), so that Back after logging out does not show a private page from the cache;</li>
 *   <li>{@code Secure} on every cookie set as a header when the request came over HTTPS. Behind the proxy
 *       of {@code docker/} that is its {@code X-Forwarded-Proto}, which Quarkus honours for trusted proxies
 *       ({@code quarkus.http.proxy.*}); cookies set through Vert.x (login, CSRF) ask the same
 *       {@code request.isSSL()} themselves;</li>
 *   <li>{@code Strict-Transport-Security} on answers over HTTPS (a year, this host only), so that a browser
 *       which reached Specboard once over HTTPS never again sends its login cookie over plain HTTP by a typed
 *       or linked {@code http://} address. Over HTTP it is left out: browsers ignore it there (RFC 6797).</li>
 * </ul>
 * A header that the resource already set wins: a page that serves untrusted content (user mockups on their
 * own URL) sends its own sandbox policy, e.g. {@code Content-Security-Policy: sandbox allow-scripts;
 * default-src 'none'; style-src 'unsafe-inline'; img-src data:}, and this filter leaves it alone; the same
 * holds for {@code Cache-Control} and the other headers. Quarkus's developer tools ({@code /q/dev-ui},
 * {@code /q/swagger-ui}, dev mode only) run inline scripts and get no policy, except on an error answer. A request
 * target HTTP does not allow ({@code /q/swagger-ui/<script>}) is refused by the HTTP decoder before any route, with an
 * empty 400 that no filter sees.
 */
@ApplicationScoped
public class SecurityHeaders {

    public static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    static final String HSTS = "max-age=31536000";

    private static final List<String> CACHEABLE = List.of("/static/", "/webjars/", "/favicon.");
    private static final String PREVIEW = "/preview/";
    private static final List<String> DEV_TOOLS = List.of("/q/dev-ui", "/q/dev", "/q/swagger-ui");

    void register(@Observes Filters filters) {
        filters.register(SecurityHeaders::apply, 1000);
    }

    static void apply(RoutingContext rc) {
        String path = rc.normalizedPath();
        boolean secure = rc.request().isSSL();
        rc.addHeadersEndHandler(v -> {
            MultiMap headers = rc.response().headers();
            // The developer tools run inline scripts; an error answer under their paths (outside dev mode they are absent
            // and /q/dev-ui answers our "Not found" page) is one of our pages and gets the policy.
            if (rc.response().getStatusCode() >= 400 || DEV_TOOLS.stream().noneMatch(path::startsWith)) {
                setIfAbsent(headers, "Content-Security-Policy", POLICY);
            }
            setIfAbsent(headers, "X-Content-Type-Options", "nosniff");
            // A preview link's token is its only key: no answer under it, its error pages included, passes it on as a Referer.
            setIfAbsent(headers, "Referrer-Policy", path.startsWith(PREVIEW) ? "no-referrer" : "same-origin");
            String type = headers.get("Content-Type");
            if (type != null && type.strip().equalsIgnoreCase("text/html") && !headers.contains("Content-Disposition")) {
                // Pages are written in UTF-8; without the charset a plain HTTP client reads them as Latin-1 (browsers
                // find the meta tag, scripts and curl do not). A download keeps the type its file came with.
                headers.set("Content-Type", "text/html;charset=UTF-8");
            }
            if (CACHEABLE.stream().noneMatch(path::startsWith)) {
                setIfAbsent(headers, "Cache-Control", "no-store");
            }
            if (secure) {
                setIfAbsent(headers, "Strict-Transport-Security", HSTS);
                List<String> cookies = headers.getAll("Set-Cookie");
                if (!cookies.isEmpty()) {
                    headers.remove("Set-Cookie");
                    cookies.forEach(c -> headers.add("Set-Cookie", secureCookie(c)));
                }
            }
        });
        rc.next();
    }

    /** Adds the {@code Secure} attribute to one {@code Set-Cookie} value that lacks it. */
    static String secureCookie(String setCookie) {
        for (String part : setCookie.split(";")) {
            if (part.trim().toLowerCase(Locale.ROOT).equals("secure")) {
                return setCookie;
            }
        }
        return setCookie + "; Secure";
    }

    private static void setIfAbsent(MultiMap headers, String name, String value) {
        if (!headers.contains(name)) {
            headers.set(name, value);
        }
    }
}
