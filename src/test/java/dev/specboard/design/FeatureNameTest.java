package dev.specboard.design;

import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.ApiPaths;
import dev.specboard.support.Mcp;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A project's features have different names (case and surrounding spaces aside), through the form, the API and MCP alike. */
@QuarkusTest
class FeatureNameTest {

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    @Test
    void theFormRefusesANameAnotherFeatureHasAndKeepsWhatWasTyped() {
        TestData.Team t = data.team();
        String first = FeatureResourceTest.createFeature(t, "Share lessons", null, "");
        String second = FeatureResourceTest.createFeature(t, "Quizzes", null, "");

        Response dup = Web.as(t.member()).formParam("name", "  share LESSONS ").formParam("userDescription", "Kept as typed")
                .post("/projects/" + t.slug() + "/features");
        assertEquals(422, dup.statusCode(), dup.asString());
        Document d = Web.html(dup);
        assertEquals("There is already a feature named share LESSONS", d.selectFirst("#e-name").text());
        assertEquals("  share LESSONS ", d.selectFirst("#f-name").attr("value"));
        assertEquals("Kept as typed", d.selectFirst("#f-userDescription").text());

        String base = "/projects/" + t.slug() + "/features/";
        Response renamed = Web.as(t.member()).formParam("name", "Share Lessons").formParam("version", "1").post(base + second);
        assertEquals(422, renamed.statusCode(), renamed.asString());
        assertEquals("There is already a feature named Share Lessons", Web.html(renamed).selectFirst("#e-name").text());
        assertEquals(303, Web.as(t.member()).formParam("name", "SHARE lessons").formParam("version", "1").post(base + first).statusCode(),
                "a feature keeps its own name, in another case too");
        assertTrue(Web.html(Web.as(t.viewer()).get("/projects/" + t.slug() + "/features")).text().contains("Quizzes"));

        TestData.Team other = data.team();
        FeatureResourceTest.createFeature(other, "Share lessons", null, "");
    }

    @Test
    void theApiAndMcpRefuseANameAnotherFeatureHas() {
        TestData.Team t = data.team();
        String api = ApiPaths.project(t.slug());
        fx.api(t.member()).body(Map.of("userDescription", "Members use it", "name", "Wish list")).post(api + "/features").then().statusCode(201);
        String other = fx.api(t.member()).body(Map.of("userDescription", "Members use it", "name", "Cart")).post(api + "/features").then().statusCode(201).extract().path("id");

        Response created = fx.api(t.member()).body(Map.of("userDescription", "Members use it", "name", " wish LIST")).post(api + "/features");
        assertEquals(422, created.statusCode(), created.asString());
        assertEquals("There is already a feature named wish LIST", created.path("details.name"), created.asString());
        Response updated = fx.api(t.member()).body(Map.of("name", "Wish List", "version", 1)).put(api + "/features/" + other);
        assertEquals(422, updated.statusCode(), updated.asString());
        assertEquals("There is already a feature named Wish List", updated.path("details.name"), updated.asString());

        String member = fx.token(t.member());
        String session = Mcp.initialize(member);
        assertTrue(Mcp.answer(member, session, "create_feature", true, "project", t.slug(), "name", "WISH list", "userDescription", "Shoppers keep products")
                .contains("There is already a feature named WISH list"));
        assertTrue(Mcp.answer(member, session, "update_feature", true, "project", t.slug(), "featureId", other, "version", 1, "name", "wish list")
                .contains("There is already a feature named wish list"));
        assertTrue(Mcp.answer(member, session, "update_feature", false, "project", t.slug(), "featureId", other, "version", 1, "name", "cart ")
                .contains("\"name\":\"cart\""), "its own name in another case is taken");
    }

    /** Two features named alike before names were unique (inserted as they were): each stays editable under its name. */
    @Test
    void aDuplicateFromBeforeTheRuleDoesNotBlockEditingEitherFeature() {
        TestData.Team t = data.team();
        String api = ApiPaths.project(t.slug(), "/features/");
        String first = fx.api(t.member()).body(Map.of("userDescription", "Members use it", "name", "Cart")).post(api).then().statusCode(201).extract().path("id");
        String second = fx.api(t.member()).body(Map.of("userDescription", "Members use it", "name", "Basket")).post(api).then().statusCode(201).extract().path("id");
        fx.api(t.member()).body(Map.of("userDescription", "Members use it", "name", "Wish list")).post(api).then().statusCode(201);
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("UPDATE features SET name = ' cart' WHERE id = ?1")
                .setParameter(1, java.util.UUID.fromString(second)).executeUpdate());

        Response kept = fx.api(t.member()).body(Map.of("name", " cart", "userDescription", "Shoppers collect products", "version", 1))
                .put(api + second);
        assertEquals(200, kept.statusCode(), kept.asString());
        assertEquals("Shoppers collect products", kept.path("userDescription"));
        Response own = fx.api(t.member()).body(Map.of("name", "Cart", "userDescription", "The first one", "version", 1)).put(api + first);
        assertEquals(200, own.statusCode(), own.asString());
        String page = "/projects/" + t.slug() + "/features/" + second;
        assertEquals(303, Web.as(t.member()).formParam("name", "cart").formParam("version", "2").post(page).statusCode(),
                "the edit form saves it too, under the same name in another case");

        Response changed = fx.api(t.member()).body(Map.of("name", "Wish list", "version", 3)).put(api + second);
        assertEquals(422, changed.statusCode(), changed.asString());
        assertEquals("There is already a feature named Wish list", changed.path("details.name"));
        fx.api(t.member()).body(Map.of("name", "Basket", "version", 3)).put(api + second).then().statusCode(200);
        Response back = fx.api(t.member()).body(Map.of("name", "CART", "version", 4)).put(api + second);
        assertEquals(422, back.statusCode(), "once renamed, taking the other's name again is a change that collides: " + back.asString());
    }

    @Inject
    jakarta.persistence.EntityManager em;
}
