package dev.specboard.spec;

import dev.specboard.kernel.Role;
import dev.specboard.project.Access;
import dev.specboard.support.SqlCounter;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The project's API lists (stories, specs, tasks, components, contexts, work sessions, members, search) and the
 * pages that sum a project up run the same statements for ten times the rows, each row with its related things.
 */
@QuarkusTest
class ProjectListQueriesTest {

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    @Inject
    SpecService specs;

    private TestData.Team seeded(int n) {
        TestData.Team t = data.team();
        String api = "/api/v1/projects/" + t.slug();
        Access lead = new Access(t.project(), Role.LEAD, t.lead().id);
        String context = fx.api(t.member()).body(Map.of("name", "Billing", "type", "domain", "purpose", "Bill")).post(api + "/contexts")
                .then().statusCode(201).extract().path("id");
        String previous = null;
        for (int i = 0; i < n; i++) {
            int story = fx.api(t.member()).body(Map.of("title", "Checkout " + i, "description", "d", "acceptanceCriteria", "- works"))
                    .post(api + "/stories").then().statusCode(201).extract().path("number");
            specs.create(lead, SpecServiceTest.hierarchical(story, "Spec " + i, 3));
            fx.api(t.member()).body(Map.of("name", "Ctx" + i, "type", "domain", "purpose", "p" + i)).post(api + "/contexts").then().statusCode(201);
            fx.api(t.member()).body(Map.of("storyNumber", story)).post(api + "/contexts/" + context + "/stories").then().statusCode(lessThan(300));
            String component = fx.api(t.member()).body(Map.of("name", "Comp" + i, "type", "schema", "filePath", "lib/c" + i + ".ex", "contextId", context))
                    .post(api + "/components").then().statusCode(201).extract().path("id");
            if (previous != null) {
                fx.api(t.member()).body(Map.of("dependsOn", previous)).post(api + "/components/" + component + "/dependencies").then().statusCode(lessThan(300));
            }
            previous = component;
            fx.api(t.member()).body(Map.of("sessionType", "design", "targetType", "component", "targetId", component))
                    .post(api + "/work-sessions").then().statusCode(201);
            data.addMember(t.project(), data.account("m" + i), i % 2 == 0 ? Role.MEMBER : Role.VIEWER);
        }
        return t;
    }

    @Test
    void projectListsKeepTheirStatementCountWhenRowsGrowTenfold() {
        TestData.Team few = seeded(3);
        TestData.Team many = seeded(30);
        assertEquals(30, fx.api(many.viewer()).get("/api/v1/projects/" + many.slug() + "/components").then().statusCode(200)
                .extract().jsonPath().getList("").size());
        // The search 2 a page: its first page is full for 3 rows as for 30 (a page that is not full gives its total without counting).
        for (String list : List.of("/stories", "/specs", "/specs?status=draft", "/tasks", "/tasks?status=pending", "/components", "/contexts",
                "/work-sessions", "/members", "/search?q=checkout&limit=2", "/jobs", "/previews", "/features", "/journeys")) {
            assertEquals(countApi(few, list), countApi(many, list), "API " + list);
        }
        for (String page : List.of("", "/executive-summary")) {
            assertEquals(count(few, "/projects/" + few.slug() + page), count(many, "/projects/" + many.slug() + page), "page " + page);
        }
    }

    @Test
    void aStoryWithTenTimesTheSpecsAndASpecWithTenTimesThePhasesKeepTheirStatementCount() {
        TestData.Team few = storyWithSpecs(3);
        TestData.Team many = storyWithSpecs(30);
        for (String page : List.of("/stories/1", "/specs/SPEC-1", "/board")) {
            assertEquals(count(few, "/projects/" + few.slug() + page), count(many, "/projects/" + many.slug() + page), "page " + page);
        }
        for (String item : List.of("/stories/1", "/specs/SPEC-1", "/tasks?spec=SPEC-1", "/tasks/TASK-1-1/context")) {
            assertEquals(countApi(few, item), countApi(many, item), "API " + item);
        }
    }

    /** Story 1 with n specs of three phases; SPEC-1 (on it) has n phases. */
    private TestData.Team storyWithSpecs(int n) {
        TestData.Team t = data.team();
        Access lead = new Access(t.project(), Role.LEAD, t.lead().id);
        fx.api(t.member()).body(Map.of("title", "Checkout", "description", "d")).post("/api/v1/projects/" + t.slug() + "/stories").then().statusCode(201);
        specs.create(lead, SpecServiceTest.hierarchical(1, "Spec 1", n));
        for (int i = 1; i < n; i++) {
            specs.create(lead, SpecServiceTest.hierarchical(1, "Spec " + (i + 1), 3));
        }
        return t;
    }

    private static long count(TestData.Team t, String url) {
        return SqlCounter.count(() -> Web.as(t.lead()).get(url).then().statusCode(200));
    }

    private long countApi(TestData.Team t, String path) {
        var api = fx.api(t.viewer());
        return SqlCounter.count(() -> api.get("/api/v1/projects/" + t.slug() + path).then().statusCode(200));
    }
}
