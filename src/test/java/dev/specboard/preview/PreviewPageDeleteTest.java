package dev.specboard.preview;

import dev.specboard.design.DesignFixtures;
import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import io.quarkus.test.junit.QuarkusTest;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import static dev.specboard.preview.PreviewLifecycleTest.createPreview;
import static dev.specboard.preview.PreviewLifecycleTest.page;
import static dev.specboard.preview.PreviewLifecycleTest.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A page deleted after a preview was made drops out of it: its link says so (410) and the list counts what is left. */
@QuarkusTest
class PreviewPageDeleteTest {

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    @Test
    void aDeletedPageDropsOutOfItsPreviewsAndTheirCounts() {
        TestData.Team t = data.team();
        page(t, "Home", "/", DesignFixtures.HOME_HTML, DesignFixtures.HOME_CSS);
        page(t, "Lessons", "/lessons", DesignFixtures.LESSONS_HTML, DesignFixtures.LESSONS_CSS);
        String lessons = Web.html(Web.as(t.lead()).get("/projects/" + t.slug() + "/previews")).select("#f-page option").stream()
                .filter(o -> o.text().startsWith("Lessons")).findFirst().orElseThrow().val();
        String one = createPreview(t, lessons, 2);
        String all = createPreview(t, "", 2);
        String oneToken = token(t, one);
        String allToken = token(t, all);
        Document before = Web.html(RestAssured.given().get("/preview/" + allToken));
        String lessonsIndex = before.select("#preview-pages a").stream().filter(a -> a.text().equals("Lessons")).findFirst().orElseThrow()
                .attr("href").replaceAll(".*page=", "");

        Web.as(t.member()).formParam("x", "1").post("/projects/" + t.slug() + "/pages/" + lessons + "/delete").then().statusCode(303);

        Response gone = RestAssured.given().get("/preview/" + oneToken);
        assertEquals(410, gone.statusCode(), "the preview of a deleted page no longer shows it");
        assertTrue(gone.asString().contains("This page was deleted"), gone.asString());
        assertFalse(gone.asString().contains("Fractions"));
        assertEquals(410, RestAssured.given().header("Sec-Fetch-Dest", "iframe").get("/preview/" + oneToken + "/pages/1").statusCode());

        Response rest = RestAssured.given().get("/preview/" + allToken);
        assertEquals(200, rest.statusCode());
        Document d = Web.html(rest);
        assertTrue(d.selectFirst("h1").text().endsWith("Home"), d.selectFirst("h1").text());
        assertTrue(d.select("#preview-pages a").stream().noneMatch(a -> a.text().equals("Lessons")), "the deleted page is no longer offered");
        assertEquals(410, RestAssured.given().get("/preview/" + allToken + "?page=" + lessonsIndex).statusCode());
        assertEquals(410, RestAssured.given().header("Sec-Fetch-Dest", "iframe").get("/preview/" + allToken + "/pages/" + lessonsIndex).statusCode());
        assertEquals(404, RestAssured.given().header("Sec-Fetch-Dest", "iframe").get("/preview/" + allToken + "/pages/9").statusCode());

        Document list = Web.html(Web.as(t.lead()).get("/projects/" + t.slug() + "/previews"));
        assertNotNull(list.getElementById("deleted-" + one), "the preview of the deleted page says so");
        assertTrue(list.getElementById("preview-" + all).text().contains("1 page ·"), list.getElementById("preview-" + all).text());
        String api = "/api/v1/projects/" + t.slug() + "/previews/";
        assertEquals(1, (int) fx.api(t.viewer()).get(api + all).then().statusCode(200).extract().path("pageCount"));
        assertEquals(0, (int) fx.api(t.viewer()).get(api + one).then().statusCode(200).extract().path("pageCount"));
    }
}
