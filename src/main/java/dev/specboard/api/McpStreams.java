package dev.specboard.api;

import dev.specboard.account.AuthMechanism;
import dev.specboard.account.TokenIdentityProvider;
import dev.specboard.project.StreamGrant;
import dev.specboard.project.StreamGrants;
import dev.specboard.web.LiveEvent;
import dev.specboard.web.LiveUpdates;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Ends an MCP session's event stream (a {@code GET} on the endpoint) when the token or login that opened it ends, as
 * every other live stream does: the library keeps the stream open for as long as the client reads it, so a revoked
 * token went on receiving the session's messages. The grant is read again whenever any instance says a login ended or
 * a token was revoked.
 */
@ApplicationScoped
public class McpStreams {

    private record Open(StreamGrant grant, Context context) {
    }

    private final Map<HttpServerResponse, Open> open = new ConcurrentHashMap<>();

    @Inject
    LiveUpdates live;

    @Inject
    StreamGrants grants;

    void listen(@Observes StartupEvent start) {
        // The check reads the database: never on the event loop.
        live.stream().filter(StreamGrant::isAboutAccess).emitOn(Infrastructure.getDefaultWorkerPool()).subscribe().with(this::shaken);
    }

    /** Remembers the request's stream until it ends, when it is a session's event stream opened by a known caller. */
    void opening(RoutingContext ctx, SecurityIdentity identity) {
        UUID account = identity == null ? null : identity.getAttribute(AuthMechanism.ACCOUNT_ID);
        if (ctx.request().method() != HttpMethod.GET || account == null) {
            return;
        }
        StreamGrant grant = new StreamGrant(account, identity.getAttribute(AuthMechanism.SESSION_ID),
                identity.getAttribute(TokenIdentityProvider.TOKEN_HASH), null);
        HttpServerResponse response = ctx.response();
        open.put(response, new Open(grant, Vertx.currentContext()));
        ctx.addEndHandler(ended -> open.remove(response));
    }

    private void shaken(LiveEvent e) {
        open.forEach((response, o) -> {
            if (o.grant().shakenBy(e) && !grants.holds(o.grant()) && open.remove(response) != null) {
                // Ended, then closed: the library forgets a stream when its connection closes.
                Runnable end = () -> {
                    if (!response.ended() && !response.closed()) {
                        response.end().onComplete(done -> response.close());
                    }
                };
                if (o.context() != null) {
                    o.context().runOnContext(v -> end.run());
                } else {
                    end.run();
                }
            }
        });
    }
}
