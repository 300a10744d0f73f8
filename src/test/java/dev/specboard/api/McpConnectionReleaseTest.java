package dev.specboard.api;

import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.Mcp;
import dev.specboard.support.TestData;
import io.agroal.api.AgroalDataSource;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A tool call that is refused gives its database connection back, as an API call does: refusals that came before any
 * query of Hibernate's own (an unknown project, a non-member, a page move in no direction or past the first page) each
 * kept one, so that some forty of them, by any account, left every request of every user answering 500 until a restart.
 */
@QuarkusTest
class McpConnectionReleaseTest {

    /** More refusals than the pool has connections (quarkus.datasource.jdbc.max-size=40). */
    private static final int ROUNDS = 12;

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    @Inject
    AgroalDataSource pool;

    @TestHTTPResource("/")
    URI base;

    @Test
    void refusedToolCallsLeaveTheDatabaseToEveryone() throws SQLException {
        TestData.Team t = data.team();
        String api = "/api/v1/projects/" + t.slug();
        String first = fx.api(t.member()).body(Map.of("name", "First", "path", "/first")).post(api + "/pages")
                .then().statusCode(201).extract().path("id");
        fx.api(t.member()).body(Map.of("name", "Second", "path", "/second")).post(api + "/pages").then().statusCode(201);
        try (McpSyncClient member = Mcp.client(base, fx.token(t.member())); McpSyncClient outsider = Mcp.client(base, fx.token(t.outsider()))) {
            for (int i = 0; i < ROUNDS; i++) {
                refused(member, "list_stories", Map.of("project", "nope"), "Project not found");
                refused(outsider, "list_stories", Map.of("project", t.slug()), "Project not found");
                refused(member, "move_page", Map.of("project", t.slug(), "pageId", first, "direction", "zz"), "direction");
                refused(member, "move_page", Map.of("project", t.slug(), "pageId", first, "direction", "up"), "first");
            }
        }
        // With the connections kept, this waited for the pool's acquisition timeout and answered 500.
        fx.api(t.viewer()).get(api + "/stories").then().statusCode(200);
        // Nor is any kept: most of the pool can be had at once (a few may be busy with background work). Half the calls
        // above kept theirs after a first fix, and the pool still served the two requests above.
        List<Connection> held = new ArrayList<>();
        try {
            for (int i = 0; i < 30; i++) {
                held.add(pool.getConnection());
            }
        } finally {
            for (Connection c : held) {
                c.close();
            }
        }
        fx.api(t.outsider()).get("/api/v1/projects").then().statusCode(200).body("size()", equalTo(0));
    }

    private static void refused(McpSyncClient mcp, String tool, Map<String, Object> args, String expected) {
        McpSchema.CallToolResult r = mcp.callTool(new McpSchema.CallToolRequest(tool, args));
        String text = ((McpSchema.TextContent) r.content().get(0)).text();
        assertEquals(Boolean.TRUE, r.isError(), tool + " " + args + " → " + text);
        assertTrue(text.contains(expected), tool + " " + args + " → " + text);
    }
}
