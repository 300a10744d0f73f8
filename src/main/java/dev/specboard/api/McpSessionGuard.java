package dev.specboard.api;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What the MCP specification asks of the streamable HTTP endpoint beyond the library: a request
 * without {@code Mcp-Session-Id} that is not {@code initialize} gets 400, and a refused token gets 401
 * with the API's JSON error (never an exception's class name): here when authentication fails, in
 * {@code account.AuthMechanism}'s challenge when no token came.
 */
@ApplicationScoped
public class McpSessionGuard {

    static final String SESSION_HEADER = "Mcp-Session-Id";

    @ConfigProperty(name = "quarkus.mcp.server.http.root-path")
    String endpoint;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
    MemorySize maxBody;

    void install(@Observes Router router) {
        router.post(endpoint).order(-100).handler(BodyHandler.create(false).setBodyLimit(maxBody.asLongValue()));
        router.post(endpoint).order(-99).handler(this::requireSession);
        router.route(endpoint).order(-98).failureHandler(McpSessionGuard::refuseToken);
    }

    private void requireSession(RoutingContext ctx) {
        if (ctx.request().getHeader(SESSION_HEADER) != null) {
            ctx.next();
            return;
        }
        JsonObject message;
        try {
            message = ctx.body().asJsonObject();
        } catch (RuntimeException e) {
            // Not a JSON object (a batch, or not JSON at all): the library answers it as the protocol says.
            ctx.next();
            return;
        }
        if (message == null || "initialize".equals(message.getString("method"))) {
            ctx.next();
            return;
        }
        JsonObject error = new JsonObject().put("jsonrpc", "2.0").put("id", message.getValue("id"))
                .put("error", new JsonObject().put("code", -32600)
                        .put("message", "Send initialize first: only an initialize request may come without an Mcp-Session-Id header"));
        ctx.response().setStatusCode(400).putHeader("Content-Type", "application/json").end(error.encode());
    }

    private static void refuseToken(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        if (!(failure instanceof AuthenticationFailedException || failure instanceof UnauthorizedException) || ctx.response().ended()) {
            ctx.next();
            return;
        }
        JsonObject error = new JsonObject().put("error", "Unknown, revoked or missing API token").put("details", new JsonObject());
        ctx.response().setStatusCode(401).putHeader("Content-Type", "application/json")
                .putHeader("WWW-Authenticate", "Bearer").end(error.encode());
    }
}
