package dev.specboard.api;

import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Web forms posted without their version field: each says what is wrong, or saves where the API needs no version. */
@QuarkusTest
class VersionlessFormTest {

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    /** The spec form without its version says so (it said "SPEC-1 has no version -1"); the design doc form saves, as the API does. */
    @Test
    void theSpecFormSaysTheVersionIsMissingAndTheDesignDocFormSavesWithoutOne() {
        TestData.Team t = data.team();
        String api = "/api/v1/projects/" + t.slug();
        String key = fx.api(t.lead()).body(SpecApiFixtures.hierarchical(null, "Export", java.util.List.of(), "exporter")).post(api + "/specs")
                .then().statusCode(201).extract().path("key");
        Response spec = Web.as(t.lead()).formParam("title", "Export as CSV").post("/projects/" + t.slug() + "/specs/" + key);
        assertEquals(422, spec.statusCode());
        String text = Web.html(spec).text();
        org.junit.jupiter.api.Assertions.assertTrue(text.contains("say which version you edited"), text);
        org.junit.jupiter.api.Assertions.assertFalse(text.contains("has no version -1"), text);
        fx.api(t.lead()).get(api + "/specs/" + key).then().body("version", equalTo(1));

        String component = ComponentApiTest.create(t.member(), t, "Orders");
        fx.api(t.member()).body(Map.of("content", "# Orders\nFirst.", "version", 0)).put(ComponentApiTest.base(t) + "/" + component + "/design-doc")
                .then().statusCode(200);
        Response doc = Web.as(t.member()).formParam("content", "# Orders\nSecond.")
                .post("/projects/" + t.slug() + "/components/" + component + "/design-doc");
        assertEquals(303, doc.statusCode(), doc.asString());
        fx.api(t.member()).get(ComponentApiTest.base(t) + "/" + component + "/design-doc").then().body("version", equalTo(2))
                .body("content", equalTo("# Orders\nSecond."));
    }
}
