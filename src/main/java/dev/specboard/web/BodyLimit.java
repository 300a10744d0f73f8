package dev.specboard.web;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import io.quarkus.arc.Arc;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.impl.ConnectionBase;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.function.Consumer;

/**
 * Answers a request whose body is over {@code quarkus.http.limits.max-body-size} with 413 saying the limit: the API's JSON
 * error, or the error page with the security headers. Quarkus refuses such a body itself with a bare 413 and no word
 * (its upload-limit route, order -2); this filter runs before it (order -{@link #PRIORITY}) and after the security
 * headers filter (priority 1000), so the page gets the content security policy like every other page. A body of unknown
 * length ({@code Transfer-Encoding: chunked}, no Content-Length) is counted as it arrives ({@link Counter}) and gets the
 * same answer once it passes the limit; Quarkus would read it whole (a JSON body got Jackson's 400 for a long string).
 */
@Singleton
public class BodyLimit {

    static final int PRIORITY = 500;

    /** Marks a request whose streamed body this filter refused while a route was reading it. */
    private static final String STREAMED_REFUSAL = BodyLimit.class.getName() + ".streamed";

    private final long limit;
    private final BodyBudget budget;
    private final List<RouteBodyLimit> routes;

    BodyLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize limit, BodyBudget budget,
              @io.quarkus.arc.All List<RouteBodyLimit> routes) {
        this.limit = limit.asLongValue();
        this.budget = budget;
        this.routes = routes;
    }

    void register(@Observes Filters filters) {
        filters.register(this::check, PRIORITY);
    }

    /** Ahead of every other failure handler (the MCP endpoint's, Quarkus's error page that logs an ERROR). */
    void register(@Observes Router router) {
        router.route().order(-PRIORITY).failureHandler(this::afterRefusal);
    }

    /**
     * The route that was reading a streamed body when it passed the limit fails once the 413 is out (its connection
     * closed, or its own answer cannot be written): nothing is left to answer, and it is no error to log.
     */
    void afterRefusal(RoutingContext rc) {
        if (rc.get(STREAMED_REFUSAL) == null || !rc.response().ended()) {
            rc.next();
        }
    }

    /**
     * Whether the body of the request being answered was refused by this filter as it arrived: its reader (JSON, form,
     * upload) then fails on the cut-off body or the closing connection after the 413 is out. The refusal was logged once,
     * so that failure is no news for the log; it is not answered either (the answer is out).
     */
    static boolean refusedWhileRead() {
        if (!Arc.container().requestContext().isActive()) {
            return false;
        }
        RoutingContext rc = Arc.container().instance(CurrentVertxRequest.class).get().getCurrent();
        return rc != null && rc.get(STREAMED_REFUSAL) != null;
    }

    void check(RoutingContext rc) {
        String length = rc.request().getHeader("Content-Length");
        if (length == null) {
            countStreamed(rc);
            rc.next();
            return;
        }
        long declared;
        try {
            declared = Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            // Not ours to judge: the HTTP server refuses a malformed length before any route.
            declared = -1;
        }
        RouteBodyLimit.Refusal refusal;
        if (declared > limit) {
            tooLarge(rc, declared);
        } else if (declared <= BodyBudget.SMALL) {
            rc.next();
        } else if ((refusal = routeRefusal(rc, declared)) != null) {
            // Judged before the budget: a body its route can never take gets its 413 now, not a 503 to send it again.
            refuse(rc, "body of " + declared + " bytes over its route's limit", refusal.message(), new JsonObject(new java.util.LinkedHashMap<String, Object>(refusal.details())));
        } else if (budget.take(declared)) {
            long taken = declared;
            rc.addEndHandler(v -> budget.giveBack(taken));
            rc.next();
        } else {
            busy(rc);
        }
    }

    /** The first route limit that refuses this body from its declared length; null when none does. */
    private RouteBodyLimit.Refusal routeRefusal(RoutingContext rc, long declared) {
        String path = InputGuard.pathOf(rc);
        for (RouteBodyLimit route : routes) {
            RouteBodyLimit.Refusal refusal = route.judge(rc.request().method().name(), path, rc.request().getHeader("Content-Type"), declared);
            if (refusal != null) {
                return refusal;
            }
        }
        return null;
    }

    /** The message naming the limit, as the API and the page say it. */
    String message(long declared) {
        return "The request body is too large: at most " + megabytes(limit) + " (" + String.format("%,d", limit) + " bytes) is accepted"
                + (declared > 0 ? ", this one has " + String.format("%,d", declared) + " bytes" : "") + ".";
    }

    /**
     * Counts a streamed HTTP/1.1 body on its connection, before Vert.x hands it to whoever reads it (RESTEasy's JSON or
     * form reader, a multipart upload, a resource's input stream): no reader needs to know the limit, and none gets a byte
     * past it. A body already wholly received when this runs was small enough to be buffered on its way, so it is let be.
     */
    private void countStreamed(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        if (request.version() == HttpVersion.HTTP_2 || request.getHeader("Transfer-Encoding") == null || request.isEnded()
                || !(request.connection() instanceof ConnectionBase connection)) {
            return;
        }
        ChannelHandlerContext vertx = connection.channelHandlerContext();
        if (vertx.pipeline().get(Counter.NAME) != null) {
            vertx.pipeline().remove(Counter.NAME);
        }
        // A route that can take less than the server's limit refuses the body once it passes the route's own largest: read
        // on to the server's limit, an oversize upload took memory and disk for nothing.
        long cap = limit;
        RouteBodyLimit capping = null;
        for (RouteBodyLimit route : routes) {
            long largest = route.largest(request.method().name(), InputGuard.pathOf(rc), request.getHeader("Content-Type"), true);
            if (largest >= 0 && largest < cap) {
                cap = largest;
                capping = route;
            }
        }
        RouteBodyLimit.Refusal refusal = capping == null ? null : capping.refusal(-1, cap);
        long largest = cap;
        Runnable over = refusal == null ? () -> tooLarge(rc, -1) : () -> streamedOverRoute(rc, largest, refusal);
        // The budget's share is given back when the request ends; the end is watched only once the body grows large, so
        // small streamed bodies (most of them) are read as they were before.
        Counter counter = new Counter(cap, budget, over, () -> busy(rc),
                taking -> rc.addEndHandler(v -> budget.giveBack(taking.taken)));
        vertx.pipeline().addBefore(vertx.name(), Counter.NAME, counter);
    }

    /**
     * Counts the body bytes of one request as the connection decodes them and, past the limit, drops the rest and runs
     * {@code over} once; past {@link BodyBudget#SMALL}, it takes each further byte from the budget and runs {@code busy}
     * once when the budget has none left. It leaves the connection at the body's end or at the next request's head (a body
     * that ended before it was installed), so it never counts another request.
     */
    static final class Counter extends ChannelInboundHandlerAdapter {

        static final String NAME = "specboard-body-limit";

        private final long limit;
        private final BodyBudget budget;
        private final Runnable over;
        private final Runnable busy;
        private long count;
        /** What this body took from the budget, given back when the request ends (read on the same event loop). */
        volatile long taken;
        /** Runs once, when this body first takes from the budget (on the connection's event loop, as the rest). */
        private final Consumer<Counter> firstTake;
        private boolean refused;

        Counter(long limit, BodyBudget budget, Runnable over, Runnable busy, Consumer<Counter> firstTake) {
            this.limit = limit;
            this.budget = budget;
            this.over = over;
            this.busy = busy;
            this.firstTake = firstTake;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof HttpRequest) {
                ctx.pipeline().remove(this);
            } else if (msg instanceof HttpContent content) {
                if (!refused) {
                    count += content.content().readableBytes();
                    refused = count > limit;
                    if (refused) {
                        over.run();
                    } else if (count > BodyBudget.SMALL) {
                        // The first large chunk takes all the bytes counted so far, every later one its own.
                        long more = taken == 0 ? count : content.content().readableBytes();
                        refused = !budget.take(more);
                        if (refused) {
                            busy.run();
                        } else {
                            if (taken == 0) {
                                firstTake.accept(this);
                            }
                            taken += more;
                        }
                    }
                }
                if (refused) {
                    // Nobody reads past the limit; the connection closes once the answer is out.
                    content.release();
                    return;
                }
                if (msg instanceof LastHttpContent) {
                    ctx.pipeline().remove(this);
                }
            }
            ctx.fireChannelRead(msg);
        }
    }

    private void tooLarge(RoutingContext rc, long declared) {
        if (rc.response().headWritten()) {
            // A route answered already (a refusal that did not need the body): only the reading stops.
            rc.request().connection().close();
            return;
        }
        if (declared < 0) {
            rc.put(STREAMED_REFUSAL, Boolean.TRUE);
        }
        refuse(rc, declared > 0 ? "body of " + declared + " bytes over the limit" : "streamed body over the limit of " + limit + " bytes",
                message(declared), new JsonObject().put("body", "at most " + limit + " bytes"));
    }

    /** A streamed body past its route's largest: that route's 413, as a body declared that long gets it. */
    private void streamedOverRoute(RoutingContext rc, long largest, RouteBodyLimit.Refusal refusal) {
        if (rc.response().headWritten()) {
            rc.request().connection().close();
            return;
        }
        rc.put(STREAMED_REFUSAL, Boolean.TRUE);
        refuse(rc, "streamed body over its route's limit of " + largest + " bytes", refusal.message(),
                new JsonObject(new java.util.LinkedHashMap<String, Object>(refusal.details())));
    }

    /** Answers 413 without reading the body, and closes the connection once the answer is out. */
    private void refuse(RoutingContext rc, String why, String message, JsonObject details) {
        String path = InputGuard.pathOf(rc);
        InputGuard.refused(rc.request().method().name(), InputGuard.printable(path), why);
        // The body is not read: the connection closes once the answer is out, as Quarkus's own refusal does.
        // Added, not set: the response's own end handler runs the context's end handlers, which give back the body budget.
        rc.response().putHeader("Connection", "close");
        rc.addEndHandler(v -> rc.request().connection().close());
        InputGuard.answer(rc, 413, path.startsWith("/api/"), message, details);
    }

    private void busy(RoutingContext rc) {
        if (rc.response().headWritten()) {
            rc.request().connection().close();
            return;
        }
        // A streamed body's reader fails on the rest it no longer gets: no news for the log, as for one over the limit.
        rc.put(STREAMED_REFUSAL, Boolean.TRUE);
        String path = InputGuard.pathOf(rc);
        InputGuard.refused(rc.request().method().name(), InputGuard.printable(path), "large body while the body budget is spent");
        rc.response().putHeader("Connection", "close").putHeader("Retry-After", "5");
        rc.addEndHandler(v -> rc.request().connection().close());
        InputGuard.answer(rc, 503, path.startsWith("/api/"), BodyBudget.busy(), new JsonObject());
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
