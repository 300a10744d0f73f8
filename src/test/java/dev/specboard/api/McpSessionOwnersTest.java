package dev.specboard.api;

import dev.specboard.account.ApiTokenService;
import dev.specboard.support.Mcp;
import dev.specboard.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.containsString;

/**
 * An MCP session belongs to the token that opened it: another token, even of the same account, that names its id is
 * answered as for a session that does not exist, while the opener carries on.
 */
@QuarkusTest
class McpSessionOwnersTest {

    @Inject
    TestData data;

    @Inject
    ApiTokenService tokens;

    @Test
    void anotherTokenCannotUseASessionItDidNotOpen() {
        TestData.Team t = data.team();
        String opener = tokens.create(t.member().id, "opener", null, null).value();
        String sameAccount = tokens.create(t.member().id, "second", null, null).value();
        String otherAccount = tokens.create(t.lead().id, "other", null, null).value();
        String session = Mcp.initialize(opener);
        String listProjects = "{}";

        Mcp.callTool(otherAccount, session, "list_projects", listProjects).then().statusCode(404);
        Mcp.callTool(sameAccount, session, "list_projects", listProjects).then().statusCode(404);
        RestAssured.given().auth().oauth2(otherAccount).header("Mcp-Session-Id", session).delete("/api/mcp").then().statusCode(404);

        Mcp.callTool(opener, session, "list_projects", listProjects).then().statusCode(200)
                .body(containsString(t.slug()));
        // Its own session works for the other token.
        String own = Mcp.initialize(otherAccount);
        Mcp.callTool(otherAccount, own, "list_projects", listProjects).then().statusCode(200).body(containsString(t.slug()));
    }
}
