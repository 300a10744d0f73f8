package dev.specboard.design;

import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.ApiPaths;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A mockup that loses its form takes its entity out of the chain, and with it what was built on it: an undecided data
 * operation inferred from that form leaves its feature, a confirmed one stays flagged for review, and no thought names
 * a thought that is gone (the operation stayed active, its feature creating an entity no page showed). When the form
 * comes back, so does the operation.
 */
@QuarkusTest
class ChainUpkeepTest {

    private static final String FORM = "<main><form><label>Email <input name='email' type='email' required></label>"
            + "<label>Name <input name='name'></label><button>Save</button></form></main>";

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    @Test
    @SuppressWarnings("unchecked")
    void whatWasBuiltOnAVanishedEntityGoesWithItOrIsFlaggedForReview() {
        TestData.Team t = data.team();
        String api = ApiPaths.project(t.slug());
        String page = PageResourceTest.createPage(t, "Contacts", "/contacts", null, FORM, "");
        fx.api(t.member()).post(api + "/entities/infer").then().statusCode(200);
        String guessed = fx.api(t.member()).body(Map.of("userDescription", "Members use it", "name", "Add contacts", "affectedPages", List.of("/contacts")))
                .post(api + "/features").then().statusCode(201).extract().path("id");
        String kept = fx.api(t.member()).body(Map.of("userDescription", "Members use it", "name", "Import contacts", "affectedPages", List.of("/contacts")))
                .post(api + "/features").then().statusCode(201).extract().path("id");
        assertEquals(List.of("Contact"), fx.api(t.viewer()).get(api + "/features/" + guessed).then().statusCode(200)
                .extract().path("dataOperations.creates"));
        List<Map<String, Object>> before = fx.api(t.viewer()).get(api + "/thinking").then().statusCode(200).extract().path("");
        Object entity = EntityResourceTest.thought(before, "entity:Contact").get("id");
        Map<String, Object> guess = EntityResourceTest.thought(before, "operation:" + guessed + ".creates.Contact");
        Map<String, Object> confirmed = EntityResourceTest.thought(before, "operation:" + kept + ".creates.Contact");
        assertEquals(List.of(entity), guess.get("dependsOn"));
        fx.api(t.member()).post(api + "/thinking/" + confirmed.get("id") + "/confirm").then().statusCode(200);

        Web.as(t.member()).formParam("html", "<main><p>No form now</p></main>").formParam("basedOn", "1").post("/projects/" + t.slug() + "/pages/" + page + "/mockups")
                .then().statusCode(303);
        fx.api(t.member()).post(api + "/entities/infer").then().statusCode(200);

        assertEquals(List.of(), fx.api(t.viewer()).get(api + "/entities").then().statusCode(200).extract().path(""));
        List<Map<String, Object>> after = fx.api(t.viewer()).get(api + "/thinking").then().statusCode(200).extract().path("");
        Set<Object> ids = after.stream().map(x -> x.get("id")).collect(Collectors.toSet());
        for (Map<String, Object> x : after) {
            assertTrue(ids.containsAll((List<Object>) x.get("dependsOn")), "no thought builds on one that is gone: " + x);
            assertTrue(ids.containsAll((List<Object>) x.get("leadsTo")), "nor leads to one: " + x);
        }
        assertFalse(after.stream().anyMatch(x -> ("operation:" + guessed + ".creates.Contact").equals(x.get("subject"))),
                "the undecided operation went with the form it was inferred from");
        assertEquals(List.of(), fx.api(t.viewer()).get(api + "/features/" + guessed).then().statusCode(200).extract().path("dataOperations.creates"),
                "and left its feature");

        Map<String, Object> stays = EntityResourceTest.thought(after, "operation:" + kept + ".creates.Contact");
        assertEquals("confirmed", stays.get("status"));
        assertEquals(true, stays.get("needsReview"), "a confirmed operation whose entity is gone is flagged for review");
        assertEquals(List.of("Contact"), fx.api(t.viewer()).get(api + "/features/" + kept).then().statusCode(200).extract().path("dataOperations.creates"),
                "what a person confirmed stays until they decide again");
        Document review = Web.html(Web.as(t.viewer()).get("/projects/" + t.slug() + "/thinking?status=review").then().statusCode(200).extract().response());
        assertNotNull(review.selectFirst("#review-" + stays.get("id")), "the page lists it among the thoughts to review");

        int version = fx.api(t.viewer()).get(api + "/features/" + guessed).then().statusCode(200).extract().path("version");
        Web.as(t.member()).formParam("html", FORM).formParam("basedOn", "2").post("/projects/" + t.slug() + "/pages/" + page + "/mockups").then().statusCode(303);
        fx.api(t.member()).post(api + "/entities/infer").then().statusCode(200);
        Map<String, Object> back = fx.api(t.viewer()).get(api + "/features/" + guessed).then().statusCode(200).extract().path("");
        assertEquals(List.of("Contact"), ((Map<String, Object>) back.get("dataOperations")).get("creates"), "the operation comes back with its form");
        assertEquals(version + 1, back.get("version"), "a form open on the feature meanwhile is told it changed");
        List<Map<String, Object>> again = fx.api(t.viewer()).get(api + "/thinking").then().statusCode(200).extract().path("");
        Map<String, Object> remade = EntityResourceTest.thought(again, "operation:" + guessed + ".creates.Contact");
        assertEquals("active", remade.get("status"));
        assertEquals(List.of(EntityResourceTest.thought(again, "entity:Contact").get("id")), remade.get("dependsOn"), "built on the entity's new thought");
        assertEquals("confirmed", EntityResourceTest.thought(again, "operation:" + kept + ".creates.Contact").get("status"),
                "a decision is not inferred over");
    }
}
