package dev.specboard.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.specboard.web.ApiError;
import dev.specboard.web.InputGuard;
import dev.specboard.web.StrictJson;
import io.quarkiverse.mcp.server.runtime.ConnectionManager;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the MCP specification asks of the streamable HTTP endpoint beyond the library: a request
 * without {@code Mcp-Session-Id} that is not {@code initialize} gets 400, and a refused token gets 401
 * with the API's JSON error (never an exception's class name): here when authentication fails, in
 * {@code account.AuthMechanism}'s challenge when no token came. And a message holding the NUL character,
 * which PostgreSQL cannot store: the library reads messages with the application's JSON reader, which
 * refuses NUL ({@link StrictJson}), so it answered a parse error without the request's id. Here such a
 * message is read leniently first and answered with its id: a tool call whose arguments hold a NUL gets
 * the tool error naming the argument, anything else an invalid-params error naming where the NUL is. And a tool call
 * naming an argument the tool does not take gets the tool error naming it, as the JSON API refuses unknown fields.
 * And a body that is JSON but no object (text, a number, null, true, an array: MCP has no batches since 2025-06-18)
 * gets 400 with the protocol's invalid-request error and no id; the library cast it unchecked, into a 500. And a POST
 * whose Accept header lacks application/json or text/event-stream gets 400 naming the header (the library's had no body).
 * And an initialize beyond the sessions one token may hold open gets 429 saying how to free one ({@link McpSessionOwners#admit}).
 */
@ApplicationScoped
public class McpSessionGuard {

    static final String SESSION_HEADER = "Mcp-Session-Id";

    /**
     * Reads any message that is JSON but for a NUL, raw or escaped; the application's reader refuses both. A key given twice
     * is refused here as the application's reader does: passed on, the library answered it "Unable to parse the JSON
     * message" on a 200, where every other parse error is a 400 saying what is wrong.
     */
    private static final ObjectMapper LENIENT = JsonMapper.builder(com.fasterxml.jackson.core.JsonFactory.builder()
                    .streamReadConstraints(StrictJson.LIMITS).build()).enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    @ConfigProperty(name = "quarkus.mcp.server.http.root-path")
    String endpoint;

    @Inject
    ConnectionManager connections;

    @Inject
    McpToolArguments arguments;

    @Inject
    McpSessionOwners owners;

    void install(@Observes Router router) {
        router.post(endpoint).order(-100).handler(BodyHandler.create(false).setBodyLimit(McpBodyLimit.LARGEST));
        router.post(endpoint).order(-99).handler(this::screen);
        router.route(endpoint).order(-98).failureHandler(McpSessionGuard::refuseToken);
    }

    private void screen(RoutingContext ctx) {
        // The message's tree is let go before the library reads the body again: two trees of a large message at once
        // took the heap.
        if (!answered(ctx)) {
            ctx.next();
        }
    }

    /** Whether the message was refused here (the answer sent); false passes it on to the library. */
    private boolean answered(RoutingContext ctx) {
        McpMessageReader.Message read = McpMessageReader.read(LENIENT, ctx.body() == null ? null : ctx.body().buffer());
        JsonNode message = read.tree();
        java.util.List<String> accept = ctx.request().headers().getAll("Accept");
        // The library's test, first as there: it refused with a bare 400, so a client could not tell what it lacked.
        if (accept.stream().noneMatch(a -> a.contains("application/json")) || accept.stream().noneMatch(a -> a.contains("text/event-stream"))) {
            answer(ctx, 400, error(message != null && message.isObject() && message.has("id") ? message.get("id") : NullNode.getInstance(),
                    -32600, "Invalid Request: send the header Accept: application/json, text/event-stream (MCP may answer in either)"));
            return true;
        }
        if (message == null) {
            // Not JSON at all: the protocol's parse error, on a 400 as the other messages refused here. The library answered
            // it on a 200, as if the request had been taken, and logged the parser's stack trace.
            String problem = "Parse error: " + read.problem();
            InputGuard.refused("POST", endpoint, problem);
            answer(ctx, 400, error(NullNode.getInstance(), -32700, problem));
            return true;
        }
        if (!message.isObject()) {
            // The library casts the message to an object or an array of objects without a check: "garbage", 123, null, [] or [1]
            // were a 500 with a stack trace logged. MCP has had no batches since 2025-06-18, the version clients speak.
            String problem = message.isArray() ? "Invalid Request: batches (JSON arrays) are not supported; send one JSON-RPC request object per POST"
                    : "Invalid Request: an MCP message must be a JSON-RPC request object, not " + message.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
            InputGuard.refused("POST", endpoint, problem);
            answer(ctx, 400, error(NullNode.getInstance(), -32600, problem));
            return true;
        }
        JsonNode id = message.get("id");
        if (id != null && !id.isTextual() && !id.isIntegralNumber()) {
            // MCP takes a string or a whole number as a request's id, never null; the library echoed an object back.
            String problem = "Invalid Request: id must be a text or a whole number, not " + id.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
            InputGuard.refused("POST", endpoint, problem);
            answer(ctx, 400, error(NullNode.getInstance(), -32600, problem));
            return true;
        }
        if (!read.tooLong().isEmpty()) {
            return tooLong(ctx, message, read.tooLong());
        }
        String session = ctx.request().getHeader(SESSION_HEADER);
        String method = message.path("method").isTextual() ? message.get("method").textValue() : null;
        if (session == null && !"initialize".equals(method)) {
            answer(ctx, 400, error(message.get("id"), -32600,
                    "Send initialize first: only an initialize request may come without an Mcp-Session-Id header"));
            return true;
        }
        if (session == null) {
            String full = owners.admit(ctx);
            if (full != null) {
                // 429 as for too many requests; the JSON-RPC error says what to do, which a client shows with the status.
                InputGuard.refused("POST", endpoint, full);
                answer(ctx, 429, error(message.get("id"), -32000, full));
                return true;
            }
        }
        if (session != null && !connections.has(session)) {
            // A session the library answers 404 for.
            return false;
        }
        JsonNode params = message.get("params");
        String shape = params != null && !params.isNull() && !params.isObject()
                ? "Invalid params: params must be a JSON object (MCP names every parameter)"
                : "tools/call".equals(method) ? McpMessageShape.ofCall(message.path("params"))
                : "initialize".equals(method) ? McpMessageShape.ofInitialize(params) : null;
        if (shape != null) {
            // The library casts these without a check: its ClassCastException was logged with a stack trace and the
            // caller got "internal error" for a mistake of its own, or, thrown on the event loop, no answer at all.
            InputGuard.refused("POST", endpoint, shape);
            if (message.has("id")) {
                answer(ctx, 200, error(message.get("id"), -32602, shape));
            } else {
                // A notification gets no answer, only the acknowledgement.
                ctx.response().setStatusCode(202).end();
            }
            return true;
        }
        List<String> nul = StrictJson.nulAt(message, new ArrayList<>());
        JsonNode call = message.path("params");
        String noTool = "tools/call".equals(method) && message.has("id") && nul == null ? arguments.unknownTool(call) : null;
        if (noTool != null) {
            // The library's answer, but with the name cut: it repeated a name of any length whole.
            InputGuard.refused("POST", endpoint, noTool);
            answer(ctx, 200, error(message.get("id"), -32602, noTool));
            return true;
        }
        // One refusal at a time, the names first (a misnamed argument is that, whatever its value holds): an argument the
        // tool does not take, then a NUL in a value, one of the wrong kind, then a required one left out.
        if ("tools/call".equals(method) && message.has("id") && (refused(ctx, message, "Unknown argument", arguments.unknownArguments(call))
                || nul == null && (refused(ctx, message, "Invalid argument", arguments.mistypedArguments(call))
                || refused(ctx, message, "Invalid argument", arguments.belowOne(call))
                || refused(ctx, message, "Missing required argument", arguments.missingArguments(call))))) {
            return true;
        }
        if (nul == null) {
            return false;
        }
        InputGuard.refused("POST", endpoint, "NUL character in the MCP message at " + StrictJson.joinPath(nul));
        if (!message.has("id")) {
            // A notification gets no answer, only the acknowledgement.
            ctx.response().setStatusCode(202).end();
            return true;
        }
        if ("tools/call".equals(method) && nul.size() > 2 && nul.get(0).equals("params") && nul.get(1).equals("arguments")) {
            String argument = StrictJson.joinPath(nul.subList(2, nul.size()));
            answer(ctx, 200, toolError(message.get("id"), "The argument " + argument + " contains a NUL character, which cannot be stored."
                    + " Remove it and try again.", Map.of(argument, "must not contain the NUL character")));
            return true;
        }
        answer(ctx, 200, error(message.get("id"), -32602, "The message's " + StrictJson.joinPath(nul)
                + " contains a NUL character, which cannot be stored"));
        return true;
    }

    /**
     * Refuses a message holding a text longer than any tool takes, before the library reads it: a tool call's arguments get
     * the tool error naming them (as a text over a tool's own limit does), anything else invalid params naming where.
     */
    private boolean tooLong(RoutingContext ctx, JsonNode message, List<String> paths) {
        String most = "At most " + McpMessageReader.LONGEST_TEXT + " characters";
        InputGuard.refused("POST", endpoint, "text over " + McpMessageReader.LONGEST_TEXT + " characters in the MCP message at " + paths.get(0));
        JsonNode id = paths.contains("id") ? NullNode.getInstance() : message.get("id");
        if (id == null) {
            // A notification gets no answer, only the acknowledgement.
            ctx.response().setStatusCode(202).end();
            return true;
        }
        String prefix = "params.arguments.";
        if ("tools/call".equals(message.path("method").asText()) && paths.stream().allMatch(p -> p.startsWith(prefix))) {
            Map<String, Object> arguments = new java.util.LinkedHashMap<>();
            paths.forEach(p -> arguments.put(p.substring(prefix.length()), most));
            answer(ctx, 200, toolError(id, "Argument" + (arguments.size() == 1 ? "" : "s") + " too long (no tool takes a text of over "
                    + McpMessageReader.LONGEST_TEXT + " characters): " + String.join(", ", arguments.keySet()), arguments));
            return true;
        }
        answer(ctx, 200, error(id, -32602, "Invalid params: the message's " + paths.get(0) + " is longer than any MCP message may hold; "
                + most.toLowerCase(java.util.Locale.ROOT)));
        return true;
    }

    /** Refuses a tool call as a tool error naming these arguments (the API's JSON error); false when there are none. */
    private boolean refused(RoutingContext ctx, JsonNode message, String what, Map<String, Object> arguments) {
        if (arguments.isEmpty()) {
            return false;
        }
        // The names are capped where they are collected ("and N more" being one key, see StrictJson.UnknownNames).
        String text = what + (arguments.size() == 1 ? ": " : "s: ") + String.join(", ", arguments.keySet());
        InputGuard.refused("POST", endpoint, text);
        answer(ctx, 200, toolError(message.get("id"), text, arguments));
        return true;
    }

    private static ObjectNode error(JsonNode id, int code, String text) {
        ObjectNode answer = LENIENT.createObjectNode().put("jsonrpc", "2.0");
        answer.set("id", id);
        answer.putObject("error").put("code", code).put("message", text);
        return answer;
    }

    /** A tool's refusal as the tools give it: one text block holding the API's JSON error, and isError. */
    private static ObjectNode toolError(JsonNode id, String text, Map<String, Object> details) {
        ObjectNode answer = LENIENT.createObjectNode().put("jsonrpc", "2.0");
        answer.set("id", id);
        ObjectNode result = answer.putObject("result");
        try {
            result.putArray("content").addObject().put("type", "text").put("text", LENIENT.writeValueAsString(new ApiError(text, details)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        result.put("isError", true);
        return answer;
    }

    private static void answer(RoutingContext ctx, int status, ObjectNode body) {
        try {
            ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(LENIENT.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            ctx.fail(e);
        }
    }

    /** The JSON error for a session id that names no open session, or one another token opened: the two look the same. */
    static void noSuchSession(RoutingContext ctx) {
        JsonObject error = new JsonObject().put("error", "No such MCP session: send initialize to open one").put("details", new JsonObject());
        ctx.response().setStatusCode(404).putHeader("Content-Type", "application/json").end(error.encode());
    }

    private static void refuseToken(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        if (failure == null && ctx.statusCode() == 404 && !ctx.response().headWritten()) {
            // The library's answer to a session it does not know, which had no body.
            noSuchSession(ctx);
            return;
        }
        if (!(failure instanceof AuthenticationFailedException || failure instanceof UnauthorizedException) || ctx.response().ended()) {
            ctx.next();
            return;
        }
        JsonObject error = new JsonObject().put("error", "Unknown, revoked or missing API token").put("details", new JsonObject());
        ctx.response().setStatusCode(401).putHeader("Content-Type", "application/json")
                .putHeader("WWW-Authenticate", "Bearer").end(error.encode());
    }
}
