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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One form of 26,500 inputs made an entity of 26,500 fields, and the entities page then ran out of memory. */
@QuarkusTest
class EntityInferenceCapTest {

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    @Test
    void aHugeFormGivesAnEntityOfAtMostTheCappedFieldsAndSaysSo() {
        TestData.Team t = data.team();
        StringBuilder html = new StringBuilder("<main><form data-entity=\"survey\">");
        for (int i = 0; i < 600; i++) {
            html.append("<label for=p").append(i).append(">P").append(i).append("</label><input id=p").append(i).append(" name=p").append(i).append(">");
        }
        PageResourceTest.createPage(t, "Survey", "/survey", null, html.append("<button>Save</button></form></main>").toString(), "");
        String api = ApiPaths.project(t.slug());
        List<Map<String, Object>> inferred = fx.api(t.member()).post(api + "/entities/infer").then().statusCode(200).extract().path("");
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = (Map<String, Object>) EntityResourceTest.entity(inferred, "Survey").get("fields");
        assertEquals(EntityInference.MAX_FIELDS, fields.size());
        assertTrue(fields.containsKey("p0") && !fields.containsKey("p" + EntityInference.MAX_FIELDS), "the first fields are kept");

        Document page = Web.html(Web.as(t.viewer()).get("/projects/" + t.slug() + "/entities").then().statusCode(200).extract().response());
        assertEquals(EntityInference.MAX_FIELDS, page.select("table.fields tbody tr").size());
        assertTrue(page.text().contains("400 more fields, left out"), "the page says fields were left out");
        String chain = Web.as(t.viewer()).get("/projects/" + t.slug() + "/thinking").then().statusCode(200).extract().asString();
        assertTrue(chain.contains("400 more fields, left out"), "so does the thinking chain");
    }

    @Test
    void manyEntitiesAreCappedInNumberAndInFieldsAltogether() {
        List<EntityInference.PageInput> pages = new java.util.ArrayList<>();
        StringBuilder html = new StringBuilder("<main>");
        for (int i = 0; i < EntityInference.MAX_ENTITIES + 20; i++) {
            html.append("<form data-entity=\"thing").append((char) ('a' + i % 26)).append((char) ('a' + i / 26)).append("\">");
            for (int f = 0; f < 30; f++) {
                html.append("<input name=f").append(f).append(">");
            }
            html.append("<button>Save</button></form>");
        }
        pages.add(new EntityInference.PageInput("/things", "Things", html.append("</main>").toString()));
        EntityInference.Model m = EntityInference.infer(pages);
        assertEquals(EntityInference.MAX_ENTITIES, m.entities().size());
        assertEquals(20, m.omittedEntities());
        assertEquals(EntityInference.MAX_TOTAL_FIELDS, m.entities().stream().mapToInt(r -> r.fields().size()).sum());
        EntityInference.Result last = m.entities().get(m.entities().size() - 1);
        assertNotNull(last.fields());
        assertTrue(EntityInference.omissions(last).contains("30 more fields"), EntityInference.omissions(last));
    }
}
