package dev.specboard.design;

import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The entities page shows 50 entities a page, as the journeys and features lists do (same {@code ?page=} and pager), with the
 * count, picture and SQL of the whole model; the picture, a refused form and a saved change lead to the entity's own page.
 */
@QuarkusTest
class EntityListPagingTest {

    @Inject
    TestData data;

    @Inject
    EntityService entities;

    @Test
    void fiftyThreeEntitiesMakeTwoPages() {
        TestData.Team t = data.team();
        EntityResourceTest.seed(t.project().id, 0, 53);
        List<UUID> order = entities.list(t.project().id).stream().map(e -> e.id).toList();
        String list = "/projects/" + t.slug() + "/entities";

        Document first = Web.html(Web.as(t.viewer()).get(list).then().statusCode(200).extract().response());
        assertEquals(order.subList(0, 50).stream().map(id -> "entity-" + id).toList(), first.select("section.entity").eachAttr("id"));
        assertTrue(first.getElementById("entity-count").text().startsWith("53 entities"), first.getElementById("entity-count").text());
        assertEquals(list + "?page=2", first.getElementById("page-next").attr("href"));
        assertTrue(first.selectFirst("nav.pagination").text().contains("Page 1 of 2 (53 entities)"), first.selectFirst("nav.pagination").text());
        assertEquals(53, first.select("#entity-picture svg a.entity-node").size(), "the picture draws the whole model");
        assertNotNull(first.selectFirst("#entity-picture a[href=#entity-" + order.get(0) + "]"));
        assertNotNull(first.selectFirst("#entity-picture a[href=" + list + "?page=2#entity-" + order.get(52) + "]"),
                "an entity of another page is linked there");

        Document second = Web.html(Web.as(t.viewer()).get(list + "?page=2").then().statusCode(200).extract().response());
        assertEquals(order.subList(50, 53).stream().map(id -> "entity-" + id).toList(), second.select("section.entity").eachAttr("id"));
        assertNull(second.getElementById("page-next"));
        assertEquals(list + "?page=1", second.getElementById("page-prev").attr("href"));
        assertNotNull(second.selectFirst("#entity-picture a[href=" + list + "?page=1#entity-" + order.get(0) + "]"));
        Document past = Web.html(Web.as(t.viewer()).get(list + "?page=9").then().statusCode(200).extract().response());
        assertEquals(3, past.select("section.entity").size(), "a page past the last shows the last");
        assertEquals(400, Web.as(t.viewer()).get(list + "?page=0").statusCode());

        UUID last = order.get(52);
        Response refused = Web.as(t.member()).formParam("name", "no spaces allowed").post(list + "/" + last + "/rename");
        assertEquals(422, refused.statusCode());
        Document again = Web.html(refused);
        assertEquals("no spaces allowed", again.getElementById("name-" + last).val(), "the refused form is shown on its entity's page");
        assertNotNull(again.getElementById("e-name"));
        Response saved = Web.as(t.member()).formParam("x", "").post(list + "/" + last + "/confirm");
        assertEquals(303, saved.statusCode());
        assertTrue(saved.header("Location").endsWith(list + "?page=2#entity-" + last), saved.header("Location"));
    }
}
