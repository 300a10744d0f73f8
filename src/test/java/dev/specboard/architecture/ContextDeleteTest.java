package dev.specboard.architecture;

import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.Mcp;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A context made by mistake can be deleted (page, API, MCP): it no longer holds the context mapping's approval back. */
@QuarkusTest
class ContextDeleteTest {

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    private String context(TestData.Team t, String name) {
        return fx.api(t.member()).body(Map.of("name", name, "type", "domain", "purpose", "Owns " + name))
                .post("/api/v1/projects/" + t.slug() + "/contexts").then().statusCode(201).extract().path("id");
    }

    @Test
    void deletingAMistakenContextLetsTheMappingBeApprovedAndKeepsItsStoriesAndComponents() {
        TestData.Team t = data.team();
        String api = "/api/v1/projects/" + t.slug();
        String good = context(t, "Billing");
        String typo = context(t, "Oops typo");
        int story = fx.api(t.member()).body(Map.of("title", "Pay", "description", "As a user I pay")).post(api + "/stories")
                .then().statusCode(201).extract().path("number");
        fx.api(t.member()).body(Map.of("storyNumber", story)).post(api + "/contexts/" + typo + "/stories").then().statusCode(201);
        String component = fx.api(t.member()).body(Map.of("name", "Ledger", "type", "context", "filePath", "src/ledger", "contextId", typo))
                .post(api + "/components").then().statusCode(201).extract().path("id");
        fx.api(t.lead()).post(api + "/contexts/" + good + "/approve").then().statusCode(200);
        fx.api(t.viewer()).get(api).then().statusCode(200).body("contextMappingApproved", equalTo(false));

        String page = "/projects/" + t.slug() + "/contexts/" + typo;
        Document shown = Web.html(Web.as(t.member()).get(page));
        assertNotNull(shown.selectFirst("#delete-context[data-confirm]"));
        assertNull(Web.html(Web.as(t.viewer()).get(page)).selectFirst("#delete-context"), "viewers see no delete button");
        Web.as(t.viewer()).post(page + "/delete").then().statusCode(403);
        Web.as(t.outsider()).post(page + "/delete").then().statusCode(404);
        Web.as(t.member()).post(page + "/delete").then().statusCode(303).header("Location", org.hamcrest.Matchers.endsWith("/projects/" + t.slug() + "/contexts"));

        fx.api(t.viewer()).get(api + "/contexts").then().statusCode(200).body("name", equalTo(List.of("Billing")));
        fx.api(t.viewer()).get(api + "/contexts/" + typo).then().statusCode(404);
        fx.api(t.viewer()).get(api + "/stories/" + story).then().statusCode(200).body("title", equalTo("Pay"));
        fx.api(t.viewer()).get(api + "/components/" + component).then().statusCode(200).body("contextId", nullValue());
        fx.api(t.viewer()).get(api).then().statusCode(200).body("contextMappingApproved", equalTo(true));
        Web.as(t.member()).post(page + "/delete").then().statusCode(404);
    }

    @Test
    void theApiAndMcpDeleteAContextForMembersOnly() {
        TestData.Team t = data.team();
        String api = "/api/v1/projects/" + t.slug() + "/contexts/";
        String one = context(t, "One");
        String two = context(t, "Two");
        fx.api(t.viewer()).delete(api + one).then().statusCode(403);
        fx.api(t.outsider()).delete(api + one).then().statusCode(404);
        fx.api(t.member()).delete(api + one).then().statusCode(204);
        fx.api(t.member()).delete(api + one).then().statusCode(404);
        fx.api(t.member()).delete(api + "not-an-id").then().statusCode(404);

        String token = fx.token(t.member());
        String session = Mcp.initialize(token);
        String answer = Mcp.answer(token, session, "delete_context", false, "project", t.slug(), "contextId", two);
        assertTrue(answer.contains("\"kind\":\"context\""), answer);
        assertEquals(List.of(), fx.api(t.viewer()).get("/api/v1/projects/" + t.slug() + "/contexts").then().statusCode(200).extract().path("id"));
    }
}
