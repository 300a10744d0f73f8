package dev.specboard.search;

import dev.specboard.account.ApiTokenService;
import dev.specboard.kernel.Role;
import dev.specboard.plan.Plan;
import dev.specboard.plan.PlanFixtures;
import dev.specboard.repo.GitFixture;
import dev.specboard.support.ApiPaths;
import dev.specboard.support.TestData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the query names exactly comes first, ties go by the thing's number, keys are found, and a plan is found as its
 * newest version: "Zebra filler 2" came after "Zebra filler 20" to "25", US-10 before US-2, US-3 found nothing, and
 * the chat's sources linked "Plan A v1" while v3 was the plan.
 */
@QuarkusTest
class SearchRankingTest {

    @Inject
    TestData data;

    @Inject
    SearchFixtures fixtures;

    @Inject
    PlanFixtures plans;

    @Inject
    ApiTokenService tokens;

    @Test
    void anExactTitleComesFirstAndTiesGoByNumber() {
        TestData.Team t = data.team();
        String token = tokens.create(t.lead().id, "ranking", null, null).value();
        for (int i = 1; i <= 12; i++) {
            story(token, t, "Ledger step " + i, "Ledger entry");
        }
        for (int i = 20; i <= 25; i++) {
            story(token, t, "Zebra filler " + i, "Zebra notes");
        }
        story(token, t, "Zebra filler 2", "Zebra notes");

        List<String> ledger = keys(token, t, "ledger", "story");
        List<String> byNumber = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            byNumber.add("US-" + i);
        }
        assertEquals(byNumber, ledger, "tied stories by number, not as text");
        assertEquals(byNumber.subList(0, 5), keys(token, t, "ledger", null, 5), "the ranked list orders ties the same way");
        assertEquals("US-19", keys(token, t, "Zebra filler 2", "story").get(0), "the story titled exactly as the query first");
        assertEquals("US-19", keys(token, t, "zebra FILLER 2", null).get(0));
        assertEquals(List.of("US-3"), keys(token, t, "US-3", null));
        assertEquals(List.of("US-12"), keys(token, t, "us-12", "story"));
        assertEquals(List.of(), keys(token, t, "US-99", null));
    }

    @Test
    void specsAndTasksAreFoundByKeyAndAPlanAsItsNewestVersion() {
        TestData.Team t = data.team();
        try (GitFixture git = GitFixture.create()) {
            fixtures.checkoutProject(t, git, "We pay at checkout.");
            String token = tokens.create(t.viewer().id, "ranking", null, null).value();
            assertEquals("SPEC-1", keys(token, t, "SPEC-1", null).get(0));
            assertEquals(List.of("TASK-1-1"), keys(token, t, "TASK-1-1", null));
            assertEquals(List.of("TASK-1-3"), keys(token, t, "receipts", "task"), "a task is found by its words");
            assertEquals(List.of("SPEC-1"), keys(token, t, "receipts", "spec"), "the spec kind is specs alone");

            var lead = PlanFixtures.access(t.project(), t.lead(), Role.LEAD);
            java.util.UUID v1 = QuarkusTransaction.requiringNew().call(() -> Plan.<Plan>find("projectId = ?1 and name = ?2", t.project().id,
                    "Checkout plan").firstResult().id);
            java.util.UUID v2 = plans.newVersion(lead, v1);
            plans.newVersion(lead, v2);
            List<String> named = keys(token, t, "checkout plan", "plan");
            assertEquals("Checkout plan v3", named.get(0), named.toString());
            assertTrue(named.stream().allMatch(k -> k.startsWith("Checkout plan v3")), named.toString());
            List<String> steps = keys(token, t, "payment", "plan");
            assertEquals(List.of("Checkout plan v3 implementation_steps"), steps, "only the newest version's artifacts");
        }
    }

    private static void story(String token, TestData.Team t, String title, String description) {
        RestAssured.given().auth().oauth2(token).contentType("application/json").body(Map.of("title", title, "description", description))
                .post(ApiPaths.project(t.slug(), "/stories")).then().statusCode(201);
    }

    private static List<String> keys(String token, TestData.Team t, String q, String kind) {
        return keys(token, t, q, kind, 100);
    }

    private static List<String> keys(String token, TestData.Team t, String q, String kind, int limit) {
        var request = RestAssured.given().auth().oauth2(token).queryParam("q", q).queryParam("limit", limit);
        if (kind != null) {
            request = request.queryParam("kind", kind);
        }
        return request.get(ApiPaths.project(t.slug(), "/search")).then().statusCode(200).extract().path("key");
    }
}
