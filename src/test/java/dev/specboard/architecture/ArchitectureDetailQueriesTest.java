package dev.specboard.architecture;

import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.SqlCounter;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A bounded context's page (its stories and components) and a component's page (what it depends on and what depends
 * on it), as pages and in the API, run the same statements for ten times the related rows.
 */
@QuarkusTest
class ArchitectureDetailQueriesTest {

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    private record Seeded(TestData.Team team, String context, String component) {
    }

    /** A context with n stories and n components, whose first component every other depends on, and which depends on a shared one. */
    private Seeded seeded(int n) {
        TestData.Team t = data.team();
        String api = "/api/v1/projects/" + t.slug();
        String context = fx.api(t.member()).body(Map.of("name", "Billing", "type", "domain", "purpose", "Bill")).post(api + "/contexts")
                .then().statusCode(201).extract().path("id");
        String shared = fx.api(t.member()).body(Map.of("name", "Shared", "type", "schema", "filePath", "lib/shared.ex"))
                .post(api + "/components").then().statusCode(201).extract().path("id");
        String first = null;
        for (int i = 0; i < n; i++) {
            int story = fx.api(t.member()).body(Map.of("title", "Story " + i, "description", "d")).post(api + "/stories").then().statusCode(201)
                    .extract().path("number");
            fx.api(t.member()).body(Map.of("storyNumber", story)).post(api + "/contexts/" + context + "/stories").then().statusCode(lessThan(300));
            String component = fx.api(t.member()).body(Map.of("name", "Comp" + i, "type", "schema", "filePath", "lib/c" + i + ".ex", "contextId", context))
                    .post(api + "/components").then().statusCode(201).extract().path("id");
            if (first == null) {
                first = component;
                fx.api(t.member()).body(Map.of("dependsOn", shared)).post(api + "/components/" + first + "/dependencies").then().statusCode(lessThan(300));
            } else {
                fx.api(t.member()).body(Map.of("dependsOn", first)).post(api + "/components/" + component + "/dependencies").then().statusCode(lessThan(300));
            }
        }
        return new Seeded(t, context, first);
    }

    @Test
    void contextAndComponentPagesKeepTheirStatementCountWhenTheirRowsGrowTenfold() {
        Seeded few = seeded(3);
        Seeded many = seeded(30);
        assertEquals(count(few, "/projects/%s/contexts/" + few.context()), count(many, "/projects/%s/contexts/" + many.context()), "context page");
        assertEquals(count(few, "/projects/%s/components/" + few.component()), count(many, "/projects/%s/components/" + many.component()), "component page");
        assertEquals(countApi(few, "/contexts/" + few.context()), countApi(many, "/contexts/" + many.context()), "API context");
        assertEquals(countApi(few, "/components/" + few.component()), countApi(many, "/components/" + many.component()), "API component");
        assertEquals(29, fx.api(many.team().viewer()).get("/api/v1/projects/" + many.team().slug() + "/components/" + many.component())
                .then().statusCode(200).extract().jsonPath().getList("dependents").size(), "every dependent is there");
    }

    private static long count(Seeded s, String path) {
        return SqlCounter.count(() -> Web.as(s.team().viewer()).get(path.formatted(s.team().slug())).then().statusCode(200));
    }

    private long countApi(Seeded s, String path) {
        var api = fx.api(s.team().viewer());
        return SqlCounter.count(() -> api.get("/api/v1/projects/" + s.team().slug() + path).then().statusCode(200));
    }
}
