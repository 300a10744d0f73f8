package dev.specboard.web;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers a request whose body is over {@code quarkus.http.limits.max-body-size} with 413 saying the limit: the API's JSON
 * error, or the error page with the security headers. Quarkus refuses such a body itself with a bare 413 and no word
 * (its upload-limit route, order -2); this filter runs before it (order -{@link #PRIORITY}) and after the security
 * headers filter (priority 1000), so the page gets the content security policy like every other page.
 */
@Singleton
public class BodyLimit {

    static final int PRIORITY = 500;

    private final long limit;

    BodyLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize limit) {
        this.limit = limit.asLongValue();
    }

    void register(@Observes Filters filters) {
        filters.register(this::check, PRIORITY);
    }

    void check(RoutingContext rc) {
        String length = rc.request().getHeader("Content-Length");
        long declared;
        try {
            declared = length == null ? -1 : Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            // Not ours to judge: the HTTP server refuses a malformed length before any route.
            declared = -1;
        }
        if (declared <= limit) {
            rc.next();
            return;
        }
        tooLarge(rc, declared);
    }

    /** The message naming the limit, as the API and the page say it. */
    String message(long declared) {
        return "The request body is too large: at most " + megabytes(limit) + " (" + String.format("%,d", limit) + " bytes) is accepted"
                + (declared > 0 ? ", this one has " + String.format("%,d", declared) + " bytes" : "") + ".";
    }

    private void tooLarge(RoutingContext rc, long declared) {
        String path = InputGuard.pathOf(rc);
        InputGuard.refused(rc.request().method().name(), InputGuard.printable(path), "body of " + declared + " bytes over the limit");
        // The body is not read: the connection closes once the answer is out, as Quarkus's own refusal does.
        rc.response().putHeader("Connection", "close").endHandler(v -> rc.request().connection().close());
        InputGuard.answer(rc, 413, path.startsWith("/api/"), message(declared), new JsonObject().put("body", "at most " + limit + " bytes"));
    }

    /** The configured body limit in words ("20 MB"), for an error page that does not come from this filter. */
    static String configured() {
        String limit = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getOptionalValue("quarkus.http.limits.max-body-size", String.class).orElse("10240K");
        return megabytes(new io.quarkus.runtime.configuration.MemorySizeConverter().convert(limit).asLongValue());
    }

    private static String megabytes(long bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB" : String.format("%,d", bytes) + " bytes";
    }
}
