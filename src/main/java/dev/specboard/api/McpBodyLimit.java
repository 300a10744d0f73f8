package dev.specboard.api;

import dev.specboard.web.RouteBodyLimit;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Map;

/**
 * The largest MCP message: the largest tool call, a page's mockup of HTML, CSS and JS ({@link McpMessageReader#LONGEST_TEXT}
 * characters each), with every character written as JSON's widest escape (a backslash, u and four hex digits: 6 bytes), and room for the other
 * arguments and the JSON-RPC framing. A larger message is refused 413 with the API's JSON error from its declared length,
 * or as soon as a streamed one passes it. The server's limit (20 MB) let one message of 20 MB in, which the session guard
 * and the library each read whole: the copies ran a heap of 160 MB out of memory and the server stopped.
 */
@Singleton
class McpBodyLimit implements RouteBodyLimit {

    /** The texts of the largest call (a mockup's HTML, CSS and JS) at 6 bytes a character, and 1 MiB for the rest. */
    static final long LARGEST = 3L * McpMessageReader.LONGEST_TEXT * 6 + 1024 * 1024;

    private final String endpoint;

    McpBodyLimit(@ConfigProperty(name = "quarkus.mcp.server.http.root-path") String endpoint) {
        this.endpoint = endpoint;
    }

    @Override
    public long largest(String method, String path, String contentType, boolean streamed) {
        if (!"POST".equals(method)) {
            return -1;
        }
        // As the router matches it: /api//mcp/ and /api/%6dcp reach the endpoint too.
        String normal = io.vertx.core.http.impl.HttpUtils.normalizePath(path);
        return endpoint.equals(normal) || (endpoint + "/").equals(normal) ? LARGEST : -1;
    }

    @Override
    public Refusal refusal(long size, long largest) {
        return new Refusal("The MCP message is too large: at most " + String.format("%,d", largest) + " bytes are accepted"
                + (size > 0 ? ", this one has " + String.format("%,d", size) + " bytes" : "")
                + " (the largest tool call, a mockup of HTML, CSS and JS of " + McpMessageReader.LONGEST_TEXT + " characters each, fits).",
                Map.of("body", "at most " + largest + " bytes"));
    }
}
