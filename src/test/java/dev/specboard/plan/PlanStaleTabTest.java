package dev.specboard.plan;

import dev.specboard.kernel.Role;
import dev.specboard.project.Access;
import dev.specboard.repo.GitFixture;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A plan page left open in another tab while the plan was archived: saving an artifact or moving the status there answers
 * the plan page as it is now, saying why nothing was done and keeping the typed document, not a bare 409 error page.
 */
@QuarkusTest
class PlanStaleTabTest {

    @Inject
    TestData data;

    @Inject
    PlanFixtures plans;

    @Inject
    PlanService service;

    @Test
    void aFormPostedToAPlanArchivedMeanwhileShowsThePlanWithTheReasonAndTheUnsavedDocument() {
        TestData.Team t = data.team();
        try (GitFixture git = GitFixture.create()) {
            plans.shop(t.project(), t.owner(), git);
            Access lead = new Access(t.project(), Role.LEAD, t.lead().id);
            Plan plan = plans.plan(lead, "shop", "Checkout");
            String page = "/projects/" + t.slug() + "/plans/" + plan.id;
            service.changeStatus(lead, plan.id, "archived");

            Response saved = Web.as(t.member()).formParam("artifactType", "feature_plan").formParam("content", PlanFixtures.FEATURE_PLAN)
                    .post(page + "/artifacts");
            assertEquals(409, saved.statusCode());
            Document d = Web.html(saved);
            assertTrue(d.selectFirst("#plan-title") != null, "the plan page, not an error page");
            assertTrue(d.selectFirst("#plan-errors").text().contains("is archived"), d.selectFirst("#plan-errors").text());
            assertNotNull(d.selectFirst("#unsaved-artifact"));
            assertTrue(d.selectFirst("#unsaved-artifact pre").text().contains("Let shoppers **pay**"), "the typed document is kept");

            Response moved = Web.as(t.member()).formParam("status", "active").post(page + "/status");
            assertEquals(409, moved.statusCode());
            Document m = Web.html(moved);
            assertTrue(m.selectFirst("#plan-errors").text().contains("An archived plan cannot become active"), m.selectFirst("#plan-errors").text());
            assertTrue(m.selectFirst("#unsaved-artifact") == null);
        }
    }
}
