package dev.specboard.plan;

import dev.specboard.kernel.Role;
import dev.specboard.project.Access;
import dev.specboard.repo.GitFixture;
import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.ApiPaths;
import dev.specboard.support.Mcp;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.response.Response;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An artifact whose JSON holds an escaped NUL character ({@code "\u0000"}) is valid JSON that PostgreSQL's jsonb cannot
 * store: every door refuses it with 422 at its JSON pointer, where it was a 500 at the commit.
 */
@QuarkusTest
class ArtifactNulTest {

    private static final String WITH_NUL = "{\"summary\":\"Pay\\u0000\",\"goals\":[\"Pay by card\"]}";

    @Inject
    TestData data;

    @Inject
    PlanFixtures plans;

    @Inject
    SpecApiFixtures fx;

    @Test
    void anEscapedNulInAnArtifactIsRefusedAtItsPointerByTheApiTheFormAndTheTool() {
        TestData.Team t = data.team();
        try (GitFixture git = GitFixture.create()) {
            plans.shop(t.project(), t.owner(), git);
            Plan plan = plans.plan(new Access(t.project(), Role.LEAD, t.lead().id), "shop", "Checkout");
            String api = ApiPaths.project(t.slug(), "/plans/") + plan.id + "/artifacts";

            fx.api(t.lead()).contentType("application/json").body("{\"artifactType\":\"feature_plan\",\"content\":" + WITH_NUL + "}")
                    .post(api).then().statusCode(422).body("details.'/summary'", containsString("NUL"));
            fx.api(t.lead()).contentType("application/json")
                    .body("{\"artifactType\":\"feature_plan\",\"content\":{\"summary\":\"Pay\",\"goals\":[\"a\",\"b\\u0000\"]}}")
                    .post(api).then().statusCode(422).body("details.'/goals/1'", containsString("NUL"));

            Response form = Web.as(t.lead()).formParam("artifactType", "feature_plan").formParam("content", WITH_NUL)
                    .post("/projects/" + t.slug() + "/plans/" + plan.id + "/artifacts");
            assertEquals(422, form.statusCode());
            assertTrue(Web.html(form).text().contains("/summary"), "the problem is shown at its pointer");
            assertEquals(WITH_NUL, Web.html(form).selectFirst("textarea[name=content]").val(), "the document stays in the form");

            String lead = fx.token(t.lead());
            String session = Mcp.initialize(lead);
            String refused = Mcp.answer(lead, session, "add_plan_artifact", true, "project", t.slug(), "planId", plan.id.toString(),
                    "artifactType", "feature_plan", "content", WITH_NUL);
            assertTrue(refused.contains("/summary") && refused.contains("NUL"), refused);

            assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> PlanArtifact.count("planId", plan.id)), "nothing was saved");
            fx.api(t.lead()).contentType("application/json").body("{\"artifactType\":\"feature_plan\",\"content\":"
                    + WITH_NUL.replace("\\u0000", "\\u00e9") + "}").post(api).then().statusCode(201).body("content.summary", equalTo("Payé"));
        }
    }
}
