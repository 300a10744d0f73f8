package dev.specboard.api;

import dev.specboard.kernel.Role;
import dev.specboard.plan.Plan;
import dev.specboard.plan.PlanFixtures;
import dev.specboard.project.Access;
import dev.specboard.repo.GitFixture;
import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An edit of a feature, page, journey, mockup or plan artifact that does not say which version it started from is 422 on
 * that field, as for stories: saved unchecked, it silently replaced what someone else saved meanwhile. The first mockup of a
 * page and the first artifact of a type edit nothing, and need none. A mockup's basedOnVersion is optional as the API contract
 * has it: left out, the mockup goes on top of the current version; given and stale, 409.
 */
@QuarkusTest
class MissingVersionTest {

    private static final String SAY = "Say which version you edited";

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    @Inject
    PlanFixtures plans;

    @Test
    void featurePageAndJourneyEditsWithoutTheirVersionAreRefusedAndNothingChanges() {
        TestData.Team t = data.team();
        String api = "/api/v1/projects/" + t.slug();
        String feature = fx.api(t.member()).body(Map.of("userDescription", "Members use it", "name", "Wish list")).post(api + "/features").then().statusCode(201).extract().path("id");
        fx.api(t.member()).body(Map.of("name", "Wishes")).put(api + "/features/" + feature).then().statusCode(422)
                .body("details.version", equalTo(SAY));
        fx.api(t.member()).get(api + "/features/" + feature).then().body("name", equalTo("Wish list")).body("version", equalTo(1));

        String page = fx.api(t.member()).body(Map.of("name", "Cart", "path", "/cart")).post(api + "/pages").then().statusCode(201).extract().path("id");
        fx.api(t.member()).body(Map.of("name", "Basket", "path", "/cart")).put(api + "/pages/" + page).then().statusCode(422)
                .body("details.version", equalTo(SAY));
        fx.api(t.member()).get(api + "/pages/" + page).then().body("page.name", equalTo("Cart"));

        String journey = fx.api(t.member()).body(Map.of("name", "Checkout", "nodes", List.of(), "connections", List.of())).post(api + "/journeys").then().statusCode(201).extract().path("id");
        fx.api(t.member()).body(Map.of("name", "Pay")).put(api + "/journeys/" + journey).then().statusCode(422)
                .body("details.version", equalTo(SAY));
        fx.api(t.member()).get(api + "/journeys/" + journey).then().body("name", equalTo("Checkout"));
        fx.api(t.member()).body(Map.of("name", "Pay", "version", 1)).put(api + "/journeys/" + journey).then().statusCode(200);

        // The web form without its version field: 422, re-rendered with what was typed.
        Response form = Web.as(t.member()).formParam("name", "Wishes typed").formParam("userDescription", "Keep what I like")
                .post("/projects/" + t.slug() + "/features/" + feature);
        assertEquals(422, form.statusCode());
        Document d = Web.html(form);
        assertEquals(SAY, d.getElementById("e-version").text());
        assertEquals("Wishes typed", d.getElementById("f-name").val(), "what was typed is kept");
        fx.api(t.member()).get(api + "/features/" + feature).then().body("name", equalTo("Wish list"));
    }

    @Test
    void aMockupWithoutBasedOnVersionGoesOnTopAndAStaleOneIsRefused() {
        TestData.Team t = data.team();
        String api = "/api/v1/projects/" + t.slug();
        String page = fx.api(t.member()).body(Map.of("name", "Home", "path", "/home")).post(api + "/pages").then().statusCode(201).extract().path("id");
        fx.api(t.member()).body(Map.of("html", "<main>v1</main>")).post(api + "/pages/" + page + "/mockups").then().statusCode(201)
                .body("version", equalTo(1));
        fx.api(t.member()).body(Map.of("html", "<main>v2</main>")).post(api + "/pages/" + page + "/mockups").then().statusCode(201)
                .body("version", equalTo(2));
        fx.api(t.member()).get(api + "/pages/" + page).then().body("page.currentVersion", equalTo(2));
        Response stale = fx.api(t.member()).body(Map.of("html", "<main>v3</main>", "basedOnVersion", 1)).post(api + "/pages/" + page + "/mockups");
        assertEquals(409, stale.statusCode(), stale.asString());
        assertEquals(1, (int) stale.path("details.yourVersion"));
        assertEquals(2, (int) stale.path("details.currentVersion"));
        fx.api(t.member()).body(Map.of("html", "<main>v3</main>", "basedOnVersion", 2)).post(api + "/pages/" + page + "/mockups")
                .then().statusCode(201).body("version", equalTo(3));
    }

    @Test
    void aPlanArtifactReplacingTheCurrentOneNeedsItsVersion() {
        TestData.Team t = data.team();
        try (GitFixture git = GitFixture.create()) {
            plans.shop(t.project(), t.owner(), git);
            Plan plan = plans.plan(new Access(t.project(), Role.LEAD, t.lead().id), "shop", "Checkout");
            String artifacts = "/api/v1/projects/" + t.slug() + "/plans/" + plan.id + "/artifacts";
            Map<String, Object> body = Map.of("artifactType", "feature_plan", "content", PlanFixtures.FEATURE_PLAN);
            fx.api(t.member()).body(body).post(artifacts).then().statusCode(201);
            fx.api(t.member()).body(body).post(artifacts).then().statusCode(422).body("details.version", equalTo(SAY));
            Map<String, Object> edit = new java.util.HashMap<>(body);
            edit.put("version", 1);
            fx.api(t.member()).body(edit).post(artifacts).then().statusCode(201).body("version", equalTo(2));
        }
    }
}
