package dev.specboard.api;

import dev.specboard.plan.PlanFixtures;
import dev.specboard.repo.GitFixture;
import dev.specboard.support.Mcp;
import dev.specboard.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A text field of an API body given a number, true or false is refused naming the field (Jackson read {"name": 5} as
 * the plan name "5"), as an array or an object already was; a list of texts refuses such an entry by its place.
 */
@QuarkusTest
class StrictTextFieldsTest {

    @Inject
    TestData data;

    @Inject
    PlanFixtures fixtures;

    @Inject
    dev.specboard.spec.SpecApiFixtures fx;

    @Test
    void aNumberOrFlagForATextFieldIsRefusedNamingTheField() {
        TestData.Team t = data.team();
        try (GitFixture git = GitFixture.create()) {
            fixtures.shop(t.project(), t.owner(), git);
            String plans = "/api/v1/projects/" + t.slug() + "/repos/shop/plans";
            for (Object name : List.of(5, 1.5, true, List.of("a"), Map.of("a", "b"))) {
                Response r = Api.as(t.lead()).body(Map.of("name", name, "targetBranch", "main")).post(plans);
                assertEquals(400, r.statusCode(), name + " " + r.asString());
                assertEquals(Map.of("name", "must be a text"), r.path("details"), r.asString());
            }
            assertEquals(0, (int) Api.as(t.viewer()).get(plans).then().statusCode(200).extract().path("size()"), "no plan was made");
            Api.as(t.lead()).body(Map.of("name", "Checkout", "targetBranch", "main")).post(plans).then().statusCode(201);
        }
        String features = "/api/v1/projects/" + t.slug() + "/features";
        Response rules = Api.as(t.member()).body(Map.of("name", "Cart", "businessRules", List.of("Totals add up", 5))).post(features);
        assertEquals(400, rules.statusCode(), rules.asString());
        assertEquals(Map.of("businessRules[1]", "must be a text"), rules.path("details"));
        Response ops = Api.as(t.member()).body(Map.of("name", "Cart", "dataOperations", Map.of("creates", List.of(false)))).post(features);
        assertEquals(Map.of("dataOperations.creates[0]", "must be a text"), ops.path("details"), ops.asString());
    }

    @Test
    void anMcpToolArgumentOfOurBodiesIsCheckedTheSameWay() {
        TestData.Team t = data.team();
        String token = fx.token(t.member());
        String session = Mcp.initialize(token);
        String refused = Mcp.answer(token, session, "create_journey", true, "project", t.slug(), "name", "Pay",
                "nodes", List.of(Map.of("key", 5, "nodeType", "action", "data", Map.of("label", "Go"))));
        // The MCP library names the argument it could not convert (its message, not ours): no journey is made.
        assertTrue(refused.contains("nodes"), refused);
        assertEquals(0, (int) fx.api(t.viewer()).get("/api/v1/projects/" + t.slug() + "/journeys").then().statusCode(200).extract().path("size()"));
    }
}
