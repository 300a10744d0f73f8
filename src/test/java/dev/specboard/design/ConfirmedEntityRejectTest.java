package dev.specboard.design;

import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.ApiPaths;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rejecting an entity's thought withdrew the entity even when a member had confirmed and renamed it, against the
 * entities page's promise that confirmed entities are never overwritten. The entity now stays, and the answer says so;
 * the thoughts built on the rejected one are still flagged for review (they were left alone once the entity was confirmed).
 */
@QuarkusTest
class ConfirmedEntityRejectTest {

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    @Test
    void aConfirmedAndRenamedEntityStaysWhenItsThoughtIsRejectedOverTheApi() {
        TestData.Team t = data.team();
        EntityResourceTest.contactPages(t);
        String api = ApiPaths.project(t.slug());
        EntityResourceTest.quiet(fx, t);
        List<Map<String, Object>> inferred = fx.api(t.member()).post(api + "/entities/infer").then().statusCode(200).extract().path("");
        String contact = (String) EntityResourceTest.entity(inferred, "Contact").get("id");
        Map<String, Object> confirmed = fx.api(t.member()).post(api + "/entities/" + contact + "/confirm").then().statusCode(200).extract().path("");
        fx.api(t.member()).body(Map.of("entityName", "Person", "version", confirmed.get("version"))).put(api + "/entities/" + contact)
                .then().statusCode(200);
        List<Map<String, Object>> thoughts = fx.api(t.viewer()).get(api + "/thinking").then().statusCode(200).extract().path("");
        Object thought = EntityResourceTest.thought(thoughts, "entity:Contact").get("id");

        // The page's prompt does not claim the entity will be withdrawn.
        Element form = Web.html(Web.as(t.member()).get("/projects/" + t.slug() + "/thinking"))
                .selectFirst("form[action$=/thinking/" + thought + "/reject]");
        assertTrue(form.attr("data-confirm").contains("The entity stays"), form.attr("data-confirm"));

        Map<String, Object> rejected = fx.api(t.member()).post(api + "/thinking/" + thought + "/reject").then().statusCode(200).extract().path("");
        assertEquals("rejected", rejected.get("status"));
        assertEquals("The entity Person stays because a member confirmed it, and the thoughts built on it are flagged for review; "
                + "remove it on the entities page if it should go.", rejected.get("note"));
        // What was built on the rejected inference is flagged, though the entity is called Person now (it was not: the
        // confirmed entity's branch skipped the flagging).
        List<Map<String, Object>> built = fx.api(t.viewer()).get(api + "/thinking").then().statusCode(200).extract().<List<Map<String, Object>>>path("")
                .stream().filter(x -> ((List<?>) x.get("dependsOn")).contains(thought)).toList();
        assertTrue(built.stream().anyMatch(x -> ((String) x.get("subject")).startsWith("field:Contact.")), "fields are built on it: " + built);
        built.forEach(x -> assertEquals(Boolean.TRUE, x.get("needsReview"), x.get("subject") + " is flagged"));
        List<Map<String, Object>> review = fx.api(t.viewer()).get(api + "/thinking?status=review").then().statusCode(200).extract().path("");
        assertTrue(review.stream().map(x -> x.get("id")).toList().containsAll(built.stream().map(x -> x.get("id")).toList()));
        List<Map<String, Object>> after = fx.api(t.viewer()).get(api + "/entities").then().statusCode(200).extract().path("");
        assertNotNull(EntityResourceTest.entity(after, "Person"), "the confirmed entity stays");
        List<Map<String, Object>> again = fx.api(t.member()).post(api + "/entities/infer").then().statusCode(200).extract().path("");
        assertNotNull(EntityResourceTest.entity(again, "Person"), "and a later inference leaves it alone");
    }

    @Test
    void anEntityWithARenamedFieldStaysWhenItsThoughtIsRejectedOnThePage() {
        TestData.Team t = data.team();
        EntityResourceTest.contactPages(t);
        String api = ApiPaths.project(t.slug());
        EntityResourceTest.quiet(fx, t);
        List<Map<String, Object>> inferred = fx.api(t.member()).post(api + "/entities/infer").then().statusCode(200).extract().path("");
        Map<String, Object> contact = EntityResourceTest.entity(inferred, "Contact");
        String base = "/projects/" + t.slug() + "/entities/";
        Web.as(t.member()).formParam("to", "full_name").formParam("version", String.valueOf(EntityResourceTest.listed(fx, t, "Contact").get("version")))
                .post(base + contact.get("id") + "/fields/name/rename").then().statusCode(303);
        List<Map<String, Object>> thoughts = fx.api(t.viewer()).get(api + "/thinking").then().statusCode(200).extract().path("");
        Object thought = EntityResourceTest.thought(thoughts, "entity:Contact").get("id");

        Response rejected = Web.as(t.member()).formParam("x", "").post("/projects/" + t.slug() + "/thinking/" + thought + "/reject");
        assertEquals(303, rejected.statusCode());
        String flash = URLDecoder.decode(rejected.getCookie("sb_flash"), StandardCharsets.UTF_8);
        assertTrue(flash.contains("The entity Contact stays because a member confirmed it"), flash);
        Element field = Web.html(Web.as(t.viewer()).get(base)).getElementById("field-" + contact.get("id") + "-full_name");
        assertNotNull(field, "the entity stays with its renamed field");

        // An unconfirmed entity still goes when its thought is rejected.
        Object company = EntityResourceTest.thought(thoughts, "entity:Company").get("id");
        Map<String, Object> gone = fx.api(t.member()).post(api + "/thinking/" + company + "/reject").then().statusCode(200).extract().path("");
        assertNull(gone.get("note"));
        List<Map<String, Object>> after = fx.api(t.viewer()).get(api + "/entities").then().statusCode(200).extract().path("");
        assertEquals(List.of("Contact"), after.stream().map(e -> e.get("entityName")).toList());
    }
}
