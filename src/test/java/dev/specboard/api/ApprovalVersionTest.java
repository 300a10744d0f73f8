package dev.specboard.api;

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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A lead approves the version they read of a context, a design doc or a spec, as of a story: when it changed since,
 * 409 and nothing is approved, on the page (whose form sends the version shown) and over the API.
 */
@QuarkusTest
class ApprovalVersionTest {

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    @Test
    void aContextIsApprovedAsReadOrNotAtAll() {
        TestData.Team t = data.team();
        String api = "/api/v1/projects/" + t.slug() + "/contexts";
        String id = Api.as(t.member()).body(Map.of("name", "Ordering", "type", "domain", "purpose", "Takes orders")).post(api)
                .then().statusCode(201).extract().path("id");
        String page = "/projects/" + t.slug() + "/contexts/" + id;
        Document read = Web.html(Web.as(t.lead()).get(page));
        assertEquals("1", read.selectFirst("form[action$=/approve] input[name=version]").val(), "the form sends the version shown");

        Api.as(t.member()).body(Map.of("name", "Ordering", "type", "domain", "purpose", "Takes and ships orders", "version", 1))
                .put(api + "/" + id).then().statusCode(200).body("version", org.hamcrest.Matchers.equalTo(2));
        Response stale = Web.as(t.lead()).formParam("version", "1").post(page + "/approve");
        assertEquals(409, stale.statusCode(), stale.asString());
        assertTrue(Web.html(stale).text().contains("The context Ordering was changed by " + t.member().username
                        + " after you opened it: you read version 1, it is now version 2"),
                Web.html(stale).text());
        Response staleApi = Api.as(t.lead()).body(Map.of("version", 1)).post(api + "/" + id + "/approve");
        assertEquals(409, staleApi.statusCode(), staleApi.asString());
        assertEquals(1, (int) staleApi.path("details.yourVersion"));
        assertEquals(2, (int) staleApi.path("details.currentVersion"));
        assertEquals("Takes and ships orders", staleApi.path("details.current.purpose"), "the approver sees the text as it is now");
        assertEquals(422, Api.as(t.lead()).body(Map.of("version", 7)).post(api + "/" + id + "/approve").statusCode(), "a version never saved");
        assertEquals(false, Api.as(t.viewer()).get(api + "/" + id).path("approved"), "nothing was approved");

        Web.as(t.lead()).formParam("version", "2").post(page + "/approve").then().statusCode(303);
        assertEquals(true, Api.as(t.viewer()).get(api + "/" + id).path("approved"));
    }

    @Test
    void aDesignDocIsApprovedAsRead() {
        TestData.Team t = data.team();
        String id = ComponentApiTest.create(t.member(), t, "Orders");
        String doc = ComponentApiTest.base(t) + "/" + id + "/design-doc";
        Api.as(t.member()).body(Map.of("content", "# Orders\nFirst.", "version", 0)).put(doc).then().statusCode(200);
        Document read = Web.html(Web.as(t.lead()).get("/projects/" + t.slug() + "/components/" + id));
        assertEquals("1", read.selectFirst("#doc-approve-form input[name=version]").val());

        Api.as(t.member()).body(Map.of("content", "# Orders\nSecond.", "version", 1)).put(doc).then().statusCode(200);
        Response stale = Api.as(t.lead()).body(Map.of("version", 1)).post(doc + "/approve");
        assertEquals(409, stale.statusCode(), stale.asString());
        assertTrue(stale.asString().contains("The design doc of Orders was changed by " + t.member().username + " after you opened it"), stale.asString());
        assertEquals("# Orders\nSecond.", stale.path("details.current.content"), "the text as it is now");
        assertEquals("# Orders\nFirst.", stale.path("details.yours.content"), "the text of the version read");
        assertEquals(409, Web.as(t.lead()).formParam("version", "1").post("/projects/" + t.slug() + "/components/" + id + "/design-doc/approve")
                .statusCode());
        assertEquals(false, Api.as(t.viewer()).get(doc).path("approved"));
        Api.as(t.lead()).body(Map.of("version", 2)).post(doc + "/approve").then().statusCode(200);
        assertEquals(true, Api.as(t.viewer()).get(doc).path("approved"));
    }

    @Test
    void aSpecIsApprovedAsRead() {
        TestData.Team t = data.team();
        String api = "/api/v1/projects/" + t.slug() + "/specs";
        String key = fx.api(t.lead()).body(SpecApiFixtures.hierarchical(null, "Export", List.of(), "exporter")).post(api)
                .then().statusCode(201).extract().path("key");
        Document read = Web.html(Web.as(t.lead()).get("/projects/" + t.slug() + "/specs/" + key));
        assertEquals("1", read.selectFirst("form[action$=/approve] input[name=version]").val());

        Map<String, Object> changed = new java.util.HashMap<>(SpecApiFixtures.hierarchical(null, "Export as CSV", List.of(), "exporter"));
        changed.put("version", 1);
        fx.api(t.lead()).body(changed).put(api + "/" + key).then().statusCode(200);
        Response stale = fx.api(t.lead()).body(Map.of("version", 1)).post(api + "/" + key + "/approve");
        assertEquals(409, stale.statusCode(), stale.asString());
        assertTrue(stale.asString().contains(key + " was changed by you in another request after you opened it"), stale.asString());
        assertEquals(409, Web.as(t.lead()).formParam("version", "1").post("/projects/" + t.slug() + "/specs/" + key + "/approve").statusCode());
        fx.api(t.lead()).body(Map.of("version", 2)).post(api + "/" + key + "/approve").then().statusCode(200);
        fx.api(t.lead()).post(api + "/" + key + "/approve").then().statusCode(409);
    }
}
