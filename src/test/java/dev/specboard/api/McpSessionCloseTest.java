package dev.specboard.api;

import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.Mcp;
import dev.specboard.support.TestData;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each MCP tool call closes the Hibernate session it opened, as an API request does, and still acts as its caller: the
 * member reads the project, an outsider is told it does not exist.
 */
@QuarkusTest
class McpSessionCloseTest {

    private static final int ROUNDS = 10;

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    @Inject
    SessionFactory sessions;

    @TestHTTPResource("/")
    URI base;

    @Test
    void toolCallsCloseTheirSessionsAndKeepTheirCaller() {
        TestData.Team t = data.team();
        Statistics stats = sessions.getStatistics();
        try (McpSyncClient member = Mcp.client(base, fx.token(t.member())); McpSyncClient outsider = Mcp.client(base, fx.token(t.outsider()))) {
            long opened = stats.getSessionOpenCount();
            long closed = stats.getSessionCloseCount();
            for (int i = 0; i < ROUNDS; i++) {
                McpSchema.CallToolResult ok = member.callTool(new McpSchema.CallToolRequest("list_stories", Map.of("project", t.slug())));
                assertEquals(Boolean.FALSE, Boolean.TRUE.equals(ok.isError()) ? Boolean.TRUE : Boolean.FALSE, String.valueOf(ok.content()));
                McpSchema.CallToolResult refused = outsider.callTool(new McpSchema.CallToolRequest("list_stories", Map.of("project", t.slug())));
                assertEquals(Boolean.TRUE, refused.isError());
                assertTrue(((McpSchema.TextContent) refused.content().get(0)).text().contains("Project not found"));
            }
            long open = (stats.getSessionOpenCount() - opened) - (stats.getSessionCloseCount() - closed);
            // Every call opens at least one session; left to the garbage collector, 2 * ROUNDS stayed open. A few may be
            // open at this moment for work in the background.
            assertTrue(stats.getSessionOpenCount() - opened >= 2 * ROUNDS, "sessions opened: " + (stats.getSessionOpenCount() - opened));
            assertTrue(open < 3, open + " sessions of " + 2 * ROUNDS + " tool calls were left open");
        }
    }
}
