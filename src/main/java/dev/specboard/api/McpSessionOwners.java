package dev.specboard.api;

import dev.specboard.account.AuthMechanism;
import dev.specboard.account.TokenIdentityProvider;
import dev.specboard.web.OriginGuard;
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

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Binds each MCP session to the API token that opened it. A session id is a bearer value too: one that leaked (a log,
 * a proxy) must not let another token carry on its conversation, so another token naming it is answered as for a
 * session that does not exist (404), which also tells it nothing about whether the id is in use. And it caps the
 * sessions one token, and one account across its tokens, holds open at once ({@link #admit}).
 */
@ApplicationScoped
public class McpSessionOwners {

    private static final String OWNER = "specboard.mcp.owner";

    private static final String ADMITTED = "specboard.mcp.admitted";

    private final Map<String, Holder> owners = new ConcurrentHashMap<>();

    /** Per holder, the initialize requests admitted whose session the library has not named yet; guarded by this. */
    private final Map<Holder, Integer> opening = new HashMap<>();

    @ConfigProperty(name = "specboard.mcp.max-sessions-per-token", defaultValue = "20")
    int maxSessions;

    /** The cap across an account's tokens: tokens cost nothing to make, so a cap per token alone would bound nothing. */
    @ConfigProperty(name = "specboard.mcp.max-sessions-per-account", defaultValue = "50")
    int maxAccountSessions;

    @ConfigProperty(name = "quarkus.mcp.server.connection-idle-timeout", defaultValue = "30M")
    Duration idleTimeout;

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
        if (OriginGuard.fromAnotherSite(ctx.request())) {
            // The MCP transport asks servers to check Origin: a page of another site that a browser runs (DNS rebinding
            // onto a local Specboard) must not reach the tools. Agents send no Origin; Specboard's own pages send its own.
            JsonObject error = new JsonObject().put("error", "Forbidden: this MCP request comes from a web page of another site (its Origin header)")
                    .put("details", new JsonObject());
            ctx.response().setStatusCode(403).putHeader("Content-Type", "application/json").end(error.encode());
            return;
        }
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
            Holder holder = owner == null ? null : new Holder(owner, identity.getAttribute(AuthMechanism.ACCOUNT_ID));
            if (holder != null) {
                ctx.put(OWNER, holder);
            }
            // Only initialize opens a session; the library names it in the answer's header.
            ctx.addHeadersEndHandler(v -> {
                String opened = ctx.response().headers().get(McpSessionGuard.SESSION_HEADER);
                synchronized (this) {
                    if (opened != null && holder != null) {
                        forgetClosed();
                        owners.put(opened, holder);
                    }
                    // Counted as open from here on: the place admit kept for it is given back in the same step.
                    release(ctx);
                }
            });
            // An initialize that ends without an answer (the connection dropped, a failure) gives its place back too.
            ctx.addEndHandler(v -> release(ctx));
            ctx.next();
            return;
        }
        Holder opener = owners.get(session);
        if (opener != null && owner != null && !opener.owner().equals(owner)) {
            McpSessionGuard.noSuchSession(ctx);
            return;
        }
        streams.opening(ctx, identity);
        ctx.next();
    }

    /**
     * Admits an {@code initialize} of this request's token, keeping it a place until the library has named its session;
     * null when admitted, else the refusal's words. A token may hold {@code specboard.mcp.max-sessions-per-token}
     * sessions open at once, and an account {@code specboard.mcp.max-sessions-per-account} across its tokens: the library's idle timeout bounds how long a session lives, not how many one token opens,
     * and each holds memory on this instance. Sessions closed (DELETE) or expired stop counting, as the library forgets them.
     */
    String admit(RoutingContext ctx) {
        Holder holder = ctx.get(OWNER);
        if (holder == null) {
            return null;
        }
        synchronized (this) {
            // Open sessions and those admitted but not yet named, of this token and of its account.
            long open = 0;
            long account = 0;
            for (Map.Entry<String, Holder> e : owners.entrySet()) {
                if (connections.has(e.getKey())) {
                    open += holder.sameOwner(e.getValue()) ? 1 : 0;
                    account += holder.sameAccount(e.getValue()) ? 1 : 0;
                }
            }
            for (Map.Entry<Holder, Integer> e : opening.entrySet()) {
                open += holder.sameOwner(e.getKey()) ? e.getValue() : 0;
                account += holder.sameAccount(e.getKey()) ? e.getValue() : 0;
            }
            String free = " Close one you no longer use (DELETE " + endpoint + " with its Mcp-Session-Id header, as an MCP client does"
                    + " when it disconnects), or wait until an idle one expires (" + idle() + " after its last request); then send initialize again.";
            if (open >= maxSessions) {
                return "Too many open MCP sessions for this token: at most " + maxSessions + " at once." + free;
            }
            if (account >= maxAccountSessions) {
                return "Too many open MCP sessions for this account: at most " + maxAccountSessions + " at once across its tokens." + free;
            }
            opening.merge(holder, 1, Integer::sum);
        }
        ctx.put(ADMITTED, new AtomicBoolean(true));
        return null;
    }

    /** Gives back the place {@link #admit} kept for this request, once. */
    private void release(RoutingContext ctx) {
        AtomicBoolean admitted = ctx.get(ADMITTED);
        Holder owner = ctx.get(OWNER);
        if (admitted != null && owner != null && admitted.compareAndSet(true, false)) {
            synchronized (this) {
                opening.computeIfPresent(owner, (o, n) -> n > 1 ? n - 1 : null);
            }
        }
    }

    /** What a session belongs to ({@link #owner}) and the account behind it, whose tokens share a cap of their own. */
    private record Holder(Object owner, Object account) {

        boolean sameOwner(Holder other) {
            return owner.equals(other.owner);
        }

        boolean sameAccount(Holder other) {
            return account != null && account.equals(other.account);
        }
    }

    /** The library's idle timeout in words. */
    private String idle() {
        long minutes = idleTimeout.toMinutes();
        return minutes >= 1 ? minutes + (minutes == 1 ? " minute" : " minutes") : idleTimeout.toSeconds() + " seconds";
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
