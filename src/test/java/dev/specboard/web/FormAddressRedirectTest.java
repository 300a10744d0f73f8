package dev.specboard.web;

import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A refused form is shown at the address it was posted to; Back, Reload or a copied link then asked that address by
 * GET and got 405 ("Confirm Form Resubmission", then an error page). A GET there now opens the page that holds the
 * form (303), after the project policy: a non-member still gets 404, no redirect.
 */
@QuarkusTest
class FormAddressRedirectTest {

    @Inject
    TestData data;

    @Inject
    dev.specboard.plan.PlanFixtures plans;

    @Inject
    dev.specboard.spec.SpecApiFixtures fx;

    @Test
    void aGetOfAFormsPostAddressOpensThePageThatHoldsTheForm() {
        TestData.Team t = data.team();
        String p = "/projects/" + t.slug();
        // a plan's and a journey's forms redirect only for one of this project (another's is 404, CrossProjectIdsTest)
        UUID plan;
        try (dev.specboard.repo.GitFixture git = dev.specboard.repo.GitFixture.create()) {
            plans.shop(t.project(), t.owner(), git);
            plan = plans.plan(dev.specboard.plan.PlanFixtures.access(t.project(), t.lead(), dev.specboard.kernel.Role.LEAD), "shop", "Checkout").id;
        }
        String journey = fx.api(t.member()).body(Map.of("name", "Join")).post("/api/v1/projects/" + t.slug() + "/journeys")
                .then().statusCode(201).extract().path("id");
        assertEquals(404, Web.as(t.member()).get(p + "/plans/" + UUID.randomUUID() + "/artifacts").statusCode(), "no such plan");
        assertEquals(404, Web.as(t.member()).get(p + "/journeys/" + UUID.randomUUID() + "/nodes").statusCode(), "no such journey");
        Map<String, String> holders = new LinkedHashMap<>();
        holders.put(p + "/pages", p + "/design");
        holders.put(p + "/tasks/TASK-1-1/complete", p + "/tasks/TASK-1-1");
        holders.put(p + "/tasks/TASK-1-1/claim", p + "/tasks/TASK-1-1");
        holders.put(p + "/plans/" + plan + "/artifacts", p + "/plans/" + plan);
        holders.put(p + "/journeys/" + journey + "/nodes", p + "/journeys/" + journey);
        holders.put(p + "/journeys/" + journey + "/connections", p + "/journeys/" + journey);
        holders.put(p + "/stories/1/request-changes", p + "/stories/1");
        holders.put(p + "/stories/1/submit", p + "/stories/1");
        List<String> wrong = new ArrayList<>();
        holders.forEach((address, page) -> {
            Response r = Web.as(t.member()).get(address);
            String location = String.valueOf(r.getHeader("Location")).replaceFirst("^https?://[^/]+", "");
            if (r.statusCode() != 303 || !location.equals(page)) {
                wrong.add("GET " + address + " answered " + r.statusCode() + " to " + location + ", not 303 to " + page);
            }
            Response outsider = Web.as(t.outsider()).get(address);
            if (outsider.statusCode() != 404) {
                wrong.add("an outsider's GET " + address + " answered " + outsider.statusCode() + ", not 404");
            }
        });
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));

        Response wizard = Web.as(t.member()).get("/projects/new/basics");
        assertEquals(303, wizard.statusCode());
        assertTrue(wizard.getHeader("Location").endsWith("/projects/new?step=basics"), wizard.getHeader("Location"));
        assertEquals(200, Web.as(t.member()).get("/projects/new?step=basics").statusCode(), "the step it leads to is a page");

        assertEquals(200, Web.as(t.member()).get(p + "/design").statusCode(), "the holder opens for the member");
        Response spaced = Web.as(t.member()).get(p + "/tasks/{key}/complete", "TASK 1");
        assertEquals(303, spaced.statusCode());
        assertTrue(spaced.getHeader("Location").endsWith(p + "/tasks/TASK%201"), "a key is kept encoded: " + spaced.getHeader("Location"));
    }
}
