package dev.specboard.design;

import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.ApiPaths;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Saving a mockup on one of a feature's pages infers its data operations again and makes a new version of the feature;
 * a person's edit begun before was refused as "changed by the assistant", though no person had changed anything. It
 * now saves, keeping both the edit and the operations the assistant added; an edit stale against a person's save is
 * still refused.
 */
@QuarkusTest
class FeatureAssistantMergeTest {

    private static final String FORM = "<main><form><label>Email <input name='email' type='email' required></label>"
            + "<label>Name <input name='name'></label><button>Save</button></form></main>";

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    @Test
    @SuppressWarnings("unchecked")
    void anEditBegunBeforeTheAssistantInferredOperationsSavesAndKeepsThem() {
        TestData.Team t = data.team();
        String api = ApiPaths.project(t.slug());
        String page = PageResourceTest.createPage(t, "Contacts", "/contacts", null, "<main><p>Nothing yet</p></main>", "");
        String id = fx.api(t.member()).body(Map.of("userDescription", "Members use it", "name", "Add contacts", "affectedPages", List.of("/contacts")))
                .post(api + "/features").then().statusCode(201).extract().path("id");
        int opened = fx.api(t.viewer()).get(api + "/features/" + id).then().statusCode(200).extract().path("version");

        // The page gets a form: the inference (in the background, and asked for here) adds "creates Contact".
        Web.as(t.member()).formParam("html", FORM).formParam("basedOn", "1").post("/projects/" + t.slug() + "/pages/" + page + "/mockups")
                .then().statusCode(303);
        fx.api(t.member()).post(api + "/entities/infer").then().statusCode(200);
        EntityResourceTest.quiet(fx, t);
        Map<String, Object> inferred = fx.api(t.viewer()).get(api + "/features/" + id).then().statusCode(200).extract().path("");
        assertEquals(List.of("Contact"), ((Map<String, Object>) inferred.get("dataOperations")).get("creates"));
        assertEquals(opened + 1, inferred.get("version"), "the assistant's change is a new version");

        // The edit form opened before, sent now: saved, with the operation kept.
        String base = "/projects/" + t.slug() + "/features/" + id;
        Response saved = Web.as(t.member()).formParam("name", "Add contacts quickly").formParam("userDescription", "Fast entry")
                .formParam("pages", page).formParam("creates", "").formParam("reads", "").formParam("updates", "").formParam("deletes", "")
                .formParam("version", String.valueOf(opened)).post(base);
        assertEquals(303, saved.statusCode(), saved.asString());
        Map<String, Object> after = fx.api(t.viewer()).get(api + "/features/" + id).then().statusCode(200).extract().path("");
        assertEquals("Add contacts quickly", after.get("name"));
        assertEquals("Fast entry", after.get("userDescription"));
        assertEquals(List.of("Contact"), ((Map<String, Object>) after.get("dataOperations")).get("creates"), "the inferred operation stays");
        assertEquals(opened + 2, after.get("version"));

        // A person saved since: an edit based on the first version is a real conflict.
        Response stale = Web.as(t.lead()).formParam("name", "Contacts by the lead").formParam("pages", page)
                .formParam("version", String.valueOf(opened)).post(base);
        assertEquals(409, stale.statusCode());
        assertEquals("Add contacts quickly", fx.api(t.viewer()).get(api + "/features/" + id).then().statusCode(200).extract().path("name"));
    }
}
