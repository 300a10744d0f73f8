package dev.specboard.api;

import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.Mcp;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Work sessions have a way back, as tasks do: a claimed one is released (its claimer or a lead), a failed one retried (a
 * lead); both were 404, so a dead agent held its session for good. Finishing someone else's session is 409, as for a task.
 */
@QuarkusTest
class WorkSessionReleaseTest {

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    @TestHTTPResource("/")
    URI base;

    private static String base(TestData.Team t) {
        return "/api/v1/projects/" + t.slug() + "/work-sessions";
    }

    private static String claimed(TestData.Team t) {
        String id = Api.as(t.owner()).body(Map.of("sessionType", "setup", "targetType", "project")).post(base(t)).then().statusCode(201)
                .extract().path("id");
        Api.as(t.member()).post(base(t) + "/" + id + "/claim").then().statusCode(200);
        return id;
    }

    @Test
    void theClaimerOrALeadReleasesASessionAndALeadRetriesAFailedOne() {
        TestData.Team t = data.team();
        String id = claimed(t);
        dev.specboard.account.Account dan = data.account("dan");
        data.addMember(t.project(), dan, dev.specboard.kernel.Role.MEMBER);
        Api.as(dan).post(base(t) + "/" + id + "/release").then().statusCode(409)
                .body("error", equalTo("This session was claimed by someone else; only they or a lead can release it."));
        Api.as(dan).body(Map.of("note", "not mine")).post(base(t) + "/" + id + "/complete").then().statusCode(409)
                .body("error", equalTo("This session was claimed by someone else; only they or a lead can finish it."));
        Api.as(t.viewer()).post(base(t) + "/" + id + "/release").then().statusCode(403);
        Api.as(t.member()).post(base(t) + "/" + id + "/release").then().statusCode(200)
                .body("status", equalTo("pending")).body("claimedBy", nullValue()).body("claimedAt", nullValue());
        Api.as(t.member()).post(base(t) + "/" + id + "/release").then().statusCode(409)
                .body("error", equalTo("Only a session in progress can be released; this one is pending."));
        // A lead releases a session a (dead) agent holds; claim-next hands it out again.
        Api.as(dan).post(base(t) + "/claim-next").then().statusCode(200).body("id", equalTo(id));
        Api.as(t.lead()).post(base(t) + "/" + id + "/release").then().statusCode(200).body("status", equalTo("pending"));
        Api.as(t.member()).post(base(t) + "/claim-next").then().statusCode(200).body("id", equalTo(id));
        Api.as(t.member()).body(Map.of("reason", "no repository yet")).post(base(t) + "/" + id + "/fail").then().statusCode(200);

        Api.as(t.member()).post(base(t) + "/" + id + "/retry").then().statusCode(403);
        Api.as(t.lead()).post(base(t) + "/" + id + "/retry").then().statusCode(200)
                .body("status", equalTo("pending")).body("completedAt", nullValue()).body("claimedBy", nullValue())
                .body("resultNote", equalTo("Failed before: no repository yet"));
        Api.as(t.lead()).post(base(t) + "/" + id + "/retry").then().statusCode(409)
                .body("error", equalTo("Only a failed session can be retried; this one is pending."));
        Api.as(t.lead()).post(base(t) + "/" + java.util.UUID.randomUUID() + "/release").then().statusCode(404);
    }

    @Test
    void mcpReleasesAndRetriesSessions() {
        TestData.Team t = data.team();
        String id = claimed(t);
        try (McpSyncClient member = Mcp.client(base, fx.token(t.member())); McpSyncClient lead = Mcp.client(base, fx.token(t.lead()))) {
            McpSchema.CallToolResult r = member.callTool(new McpSchema.CallToolRequest("release_work_session", Map.of("project", t.slug(), "sessionId", id)));
            assertFalse(Boolean.TRUE.equals(r.isError()), String.valueOf(r.content()));
            assertTrue(r.structuredContent().toString().contains("status=pending"), String.valueOf(r.structuredContent()));
            Api.as(t.member()).post(base(t) + "/" + id + "/claim").then().statusCode(200);
            Api.as(t.member()).body(Map.of("reason", "broken")).post(base(t) + "/" + id + "/fail").then().statusCode(200);
            r = member.callTool(new McpSchema.CallToolRequest("retry_work_session", Map.of("project", t.slug(), "sessionId", id)));
            assertTrue(Boolean.TRUE.equals(r.isError()), "a member may not retry: " + r.content());
            r = lead.callTool(new McpSchema.CallToolRequest("retry_work_session", Map.of("project", t.slug(), "sessionId", id)));
            assertFalse(Boolean.TRUE.equals(r.isError()), String.valueOf(r.content()));
            assertTrue(r.structuredContent().toString().contains("status=pending"), String.valueOf(r.structuredContent()));
        }
    }

    @Test
    void thePageOffersReleaseToTheClaimerAndLeadsAndRetryToLeads() {
        TestData.Team t = data.team();
        String id = claimed(t);
        String page = "/projects/" + t.slug() + "/work-sessions";
        String release = page + "/" + id + "/release";
        String retry = page + "/" + id + "/retry";
        Document mine = Web.html(Web.as(t.member()).get(page));
        assertNotNull(mine.selectFirst("form[action=\"" + release + "\"]"), "the claimer is offered Release");
        assertNotNull(Web.html(Web.as(t.lead()).get(page)).selectFirst("form[action=\"" + release + "\"]"), "a lead is offered Release");
        dev.specboard.account.Account dan = data.account("dan");
        data.addMember(t.project(), dan, dev.specboard.kernel.Role.MEMBER);
        assertNull(Web.html(Web.as(dan).get(page)).selectFirst("form[action=\"" + release + "\"]"), "another member would be refused");
        Web.as(t.member()).contentType("application/x-www-form-urlencoded").formParam("back", "").post(release).then().statusCode(303);
        Api.as(t.viewer()).get(base(t) + "/" + id).then().body("status", equalTo("pending"));
        Api.as(t.member()).post(base(t) + "/" + id + "/claim").then().statusCode(200);
        Api.as(t.member()).body(Map.of("reason", "broken")).post(base(t) + "/" + id + "/fail").then().statusCode(200);
        assertNull(Web.html(Web.as(t.member()).get(page)).selectFirst("form[action=\"" + retry + "\"]"), "a member may not retry");
        assertNotNull(Web.html(Web.as(t.lead()).get(page)).selectFirst("form[action=\"" + retry + "\"]"), "a lead is offered Retry");
        Web.as(t.member()).contentType("application/x-www-form-urlencoded").formParam("back", "").post(retry).then().statusCode(403);
        Web.as(t.lead()).contentType("application/x-www-form-urlencoded").formParam("back", "").post(retry).then().statusCode(303);
        Api.as(t.viewer()).get(base(t) + "/" + id).then().body("status", equalTo("pending"));
    }
}
