package dev.specboard.api;

import dev.specboard.account.ApiTokenService;
import dev.specboard.support.Mcp;
import dev.specboard.support.TestData;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tools' schemas are built once, just after start, and {@code tools/list} only reads them: the library built every input
 * and output schema again per listing (0.6 to 0.8 s each time, on the event loop, stalling every other request).
 */
@QuarkusTest
class McpToolSchemaCacheTest {

    @Inject
    TestData data;

    @Inject
    ApiTokenService tokens;

    @Inject
    ToolSchemaCache cache;

    @TestHTTPResource("/")
    URI base;

    @Test
    void listingToolsBuildsNoSchema() {
        TestData.Team t = data.team();
        String token = tokens.create(t.member().id, "schemas", null, null).value();
        cache.described().join();
        int atStart = cache.builds();
        List<McpSchema.Tool> first;
        try (McpSyncClient mcp = Mcp.client(base, token)) {
            first = mcp.listTools().tools();
            List<McpSchema.Tool> second = mcp.listTools().tools();
            assertEquals(first, second);
        }
        try (McpSyncClient other = Mcp.client(base, token)) {
            assertEquals(first, other.listTools().tools(), "another session lists the same tools");
        }
        // One input schema per tool at least, and an output schema per answer class, all built before the first listing.
        assertTrue(atStart >= first.size(), "schemas built at start: " + atStart + " for " + first.size() + " tools");
        assertTrue(first.stream().allMatch(tool -> "object".equals(tool.outputSchema().get("type"))), "every tool keeps its object outputSchema");
        assertEquals(atStart, cache.builds(), "tools/list built schemas again");
    }
}
