package dev.specboard.plan;

import dev.specboard.kernel.Role;
import dev.specboard.project.Access;
import dev.specboard.repo.GitFixture;
import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.ApiPaths;
import dev.specboard.support.Mcp;
import dev.specboard.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two agents editing the same artifact through the API or the tool: the one that saves second, naming the version it
 * started from, gets 409 with both documents and both versions, as on the plan page; the API had no way to say it, so the
 * second save silently replaced the first.
 */
@QuarkusTest
class ArtifactVersionApiTest {

    private static final String OTHER = "{\"summary\":\"Pay later\",\"goals\":[\"Invoices\"]}";

    @Inject
    TestData data;

    @Inject
    PlanFixtures plans;

    @Inject
    SpecApiFixtures fx;

    @Test
    void anEditFromAnOlderVersionIs409WithBothDocumentsOnTheApiAndTheTool() {
        TestData.Team t = data.team();
        try (GitFixture git = GitFixture.create()) {
            plans.shop(t.project(), t.owner(), git);
            Plan plan = plans.plan(new Access(t.project(), Role.LEAD, t.lead().id), "shop", "Checkout");
            String base = ApiPaths.project(t.slug(), "/plans/") + plan.id;
            fx.api(t.lead()).contentType("application/json").body("{\"artifactType\":\"feature_plan\",\"content\":" + PlanFixtures.FEATURE_PLAN + "}")
                    .post(base + "/artifacts").then().statusCode(201).body("version", equalTo(1));
            fx.api(t.member()).get(base).then().statusCode(200).body("artifacts[0].version", equalTo(1));

            fx.api(t.lead()).contentType("application/json").body("{\"artifactType\":\"feature_plan\",\"version\":1,\"content\":" + OTHER + "}")
                    .post(base + "/artifacts").then().statusCode(201).body("version", equalTo(2));
            fx.api(t.member()).contentType("application/json").body("{\"artifactType\":\"feature_plan\",\"version\":1,\"content\":"
                    + PlanFixtures.FEATURE_PLAN + "}").post(base + "/artifacts").then().statusCode(409)
                    .body("details.yourVersion", equalTo(1)).body("details.currentVersion", equalTo(2))
                    // both documents as JSON, as an artifact's content is everywhere (current was a text of indented JSON)
                    .body("details.current.content.summary", equalTo("Pay later")).body("details.current.content.goals", equalTo(List.of("Invoices")))
                    .body("details.yours.content.summary", equalTo("Let shoppers **pay** for their cart."));
            fx.api(t.member()).contentType("application/json").body("{\"artifactType\":\"feature_plan\",\"version\":7,\"content\":" + OTHER + "}")
                    .post(base + "/artifacts").then().statusCode(422).body("details.version", containsString("no version 7"));
            fx.api(t.member()).get(base).then().body("artifacts[0].content.summary", equalTo("Pay later")).body("artifacts[0].version", equalTo(2));

            String token = fx.token(t.member());
            String session = Mcp.initialize(token);
            String refused = Mcp.answer(token, session, "add_plan_artifact", true, "project", t.slug(), "planId", plan.id.toString(),
                    "artifactType", "feature_plan", "content", PlanFixtures.FEATURE_PLAN, "version", 1);
            assertTrue(refused.contains("\"currentVersion\":2") && refused.contains("Pay later"), refused);
            assertTrue(Mcp.answer(token, session, "add_plan_artifact", false, "project", t.slug(), "planId", plan.id.toString(),
                    "artifactType", "feature_plan", "content", PlanFixtures.FEATURE_PLAN, "version", 2).contains("\"version\":3"));
        }
    }
}
