package dev.specboard.design;

import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.ApiPaths;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A page's and a mockup version's {@code ?device=} names a known device or is refused with 422, never read as "all of them". */
@QuarkusTest
class PageDeviceFilterTest {

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    @Test
    void unknownDeviceIsRefusedOnThePageAndTheMockupVersion() {
        TestData.Team t = data.team();
        String id = fx.api(t.member()).body(Map.of("name", "Home", "path", "/", "html", "<main>v1</main>"))
                .post(ApiPaths.project(t.slug(), "/pages")).then().statusCode(201).extract().path("id");
        for (String screen : new String[] {"/projects/" + t.slug() + "/pages/" + id, "/projects/" + t.slug() + "/pages/" + id + "/mockups/1"}) {
            Document refused = Web.html(Web.as(t.viewer()).get(screen + "?device=zzz").then().statusCode(422).extract().response());
            assertEquals("There is no device \u201czzz\u201d: choose all, mobile, tablet or desktop.", refused.selectFirst("#filter-errors").text(), screen);
            assertNull(refused.selectFirst("#device-frames"), "nothing is shown as if it were the answer: " + screen);

            Document mobile = Web.html(Web.as(t.viewer()).get(screen + "?device=mobile").then().statusCode(200).extract().response());
            assertEquals(1, mobile.select("#device-frames iframe").size(), screen);
            assertTrue(mobile.selectFirst("#frame-mobile") != null, screen);
            assertNull(mobile.selectFirst("#filter-errors"), screen);
            Document all = Web.html(Web.as(t.viewer()).get(screen + "?device=").then().statusCode(200).extract().response());
            assertEquals(3, all.select("#device-frames iframe").size(), "an empty device stays the default: " + screen);
            assertEquals(3, Web.html(Web.as(t.viewer()).get(screen).then().statusCode(200).extract().response())
                    .select("#device-frames iframe").size(), screen);
        }
        String compare = "/projects/" + t.slug() + "/pages/" + id + "/compare?from=1&to=1&device=";
        io.restassured.response.Response refused = Web.as(t.viewer()).get(compare + "zzz");
        assertEquals(422, refused.statusCode(), "the comparison showed an unknown device as mobile (then answered 400, where the pages answer 422)");
        assertTrue(refused.asString().contains("The query parameter device must be mobile, tablet or desktop"), refused.asString());
        Web.as(t.viewer()).get(compare + "Tablet").then().statusCode(200);
        Web.as(t.viewer()).get(compare).then().statusCode(200);
    }
}
