package dev.specboard.design;

import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.ApiPaths;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Removing a field another tab renamed meanwhile answered a bare "404 · Not found" page with no way back to the entities;
 * it now answers the entities page as it is, saying the field was renamed or removed meanwhile.
 */
@QuarkusTest
class EntityFieldGoneTest {

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    @Test
    void removingAFieldRenamedInAnotherTabAnswersTheEntitiesPageWithAMessage() {
        TestData.Team t = data.team();
        EntityResourceTest.contactPages(t);
        EntityResourceTest.quiet(fx, t);
        List<Map<String, Object>> inferred = fx.api(t.member()).post(ApiPaths.project(t.slug()) + "/entities/infer").then().statusCode(200)
                .extract().path("");
        Map<String, Object> contact = EntityResourceTest.entity(inferred, "Contact");
        String id = (String) contact.get("id");
        String base = "/projects/" + t.slug() + "/entities/";
        // Tab A renames notes to remark.
        Web.as(t.member()).formParam("to", "remark").formParam("version", String.valueOf(EntityResourceTest.listed(fx, t, "Contact").get("version")))
                .post(base + id + "/fields/notes/rename").then().statusCode(303);

        // Tab B, opened before, removes notes.
        Response removed = Web.as(t.member()).formParam("x", "").post(base + id + "/fields/notes/remove");
        assertEquals(409, removed.statusCode());
        Document page = Web.html(removed);
        Element message = page.getElementById("field-" + id);
        assertNotNull(message, "the entity's card says what happened: " + page.text());
        assertTrue(message.text().startsWith("The field notes of Contact was renamed or removed meanwhile"), message.text());
        assertNotNull(page.getElementById("field-" + id + "-remark"), "the page shows the entity as it is now");
        Element link = page.selectFirst("#error-summary a[data-field]");
        assertNotNull(page.getElementById(link.attr("href").substring(1)), "the summary leads to the message: " + link);

        // Tab B's edit of notes, with the field's old version, is the stale edit it always was; an unknown entity is still 404.
        assertEquals(409, Web.as(t.member()).formParam("type", "text").formParam("version", String.valueOf(contact.get("version")))
                .post(base + id + "/fields/notes/edit").statusCode());
        assertEquals(404, Web.as(t.member()).formParam("x", "").post(base + "00000000-0000-0000-0000-000000000000/fields/notes/remove").statusCode());
    }
}
