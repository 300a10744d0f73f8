package dev.specboard.api;

import dev.specboard.account.AuthMechanism;
import dev.specboard.account.TokenIdentityProvider;
import io.quarkiverse.mcp.server.runtime.ConnectionManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Binds each MCP session to the API token that opened it. A session id is a bearer value too: one that leaked (a log,
 * a proxy) must not let another token carry on its conversation, so another token naming it is answered as for a
 * session that does not exist (404), which also tells it nothing about whether the id is in use.
 */
@ApplicationScoped
public class McpSessionOwners {

    private final Map<String, Object> owners = new ConcurrentHashMap<>();

    @ConfigProperty(name = "quarkus.mcp.server.http.root-path")
    String endpoint;

    @Inject
    ConnectionManager connections;

    @Inject
    McpStreams streams;

    void install(@Observes Router router) {
        // Before the session guard and the library.
        router.route(endpoint).order(-101).handler(this::screen);
        // The library also serves the older SSE transport (a stream at /sse, messages posted to /messages/<id>), which
        // nothing here documents and whose message URL carried out any token's calls on its opener's stream: it is closed.
        router.route(endpoint + "/sse").order(-101).handler(this::noSseTransport);
        router.route(endpoint + "/messages/*").order(-101).handler(this::noSseTransport);
    }

    private void screen(RoutingContext ctx) {
        QuarkusHttpUser.getSecurityIdentity(ctx, null).subscribe().with(identity -> screen(ctx, identity), failure -> refused(ctx, failure));
    }

    /** A refused token: 401 as anywhere under the endpoint; a missing one passes on, the path's permission answers it 401. */
    private void noSseTransport(RoutingContext ctx) {
        QuarkusHttpUser.getSecurityIdentity(ctx, null).subscribe().with(identity -> {
            if (owner(identity) == null) {
                ctx.next();
                return;
            }
            JsonObject error = new JsonObject().put("error", "Not found: MCP is served over streamable HTTP at " + endpoint + ", not over SSE")
                    .put("details", new JsonObject());
            ctx.response().setStatusCode(404).putHeader("Content-Type", "application/json").end(error.encode());
        }, failure -> refused(ctx, failure));
    }

    private static void refused(RoutingContext ctx, Throwable failure) {
        // A refused token has been answered 401 by the time this runs (or is, by the guard's failure handler): going on
        // to the library made it write a second answer, logged as an error with a stack trace each time.
        if (!ctx.failed() && !ctx.response().headWritten()) {
            ctx.fail(failure);
        }
    }

    private void screen(RoutingContext ctx, SecurityIdentity identity) {
        Object owner = owner(identity);
        String session = ctx.request().getHeader(McpSessionGuard.SESSION_HEADER);
        if (session == null) {
            // Only initialize opens a session; the library names it in the answer's header.
            ctx.addHeadersEndHandler(v -> {
                String opened = ctx.response().headers().get(McpSessionGuard.SESSION_HEADER);
                if (opened != null && owner != null) {
                    forgetClosed();
                    owners.put(opened, owner);
                }
            });
            ctx.next();
            return;
        }
        Object opener = owners.get(session);
        if (opener != null && owner != null && !opener.equals(owner)) {
            McpSessionGuard.noSuchSession(ctx);
            return;
        }
        streams.opening(ctx, identity);
        ctx.next();
    }

    /** Sessions the library has closed or let expire are forgotten when the next one opens, so the map stays as large as the open ones. */
    private void forgetClosed() {
        owners.keySet().removeIf(id -> !connections.has(id));
    }

    /** The token (a login session has none), else the account: what the session belongs to. */
    private static Object owner(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return null;
        }
        Object token = identity.getAttribute(TokenIdentityProvider.TOKEN_ID);
        return token != null ? token : identity.getAttribute(AuthMechanism.ACCOUNT_ID);
    }
}
