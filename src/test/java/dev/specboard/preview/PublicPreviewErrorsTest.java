package dev.specboard.preview;

import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import dev.specboard.web.SecurityHeaders;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A preview link with a page number that is not one ({@code ?page=abc}) answers the error page naming the parameter, with the
 * headers of the preview itself (no referrer, which would carry the link's token, no caching), like its 404 and 410.
 */
@QuarkusTest
class PublicPreviewErrorsTest {

    @Inject
    TestData data;

    @Test
    void aPageThatIsNoNumberIsAnErrorPageNamingItWithThePreviewsHeaders() {
        TestData.Team t = data.team();
        PreviewLifecycleTest.page(t, "Home", "/home", "<h1>Hi</h1>", "");
        String id = PreviewLifecycleTest.createPreview(t, "", 2);
        String token = PreviewLifecycleTest.token(t, id);
        for (String page : new String[] {"abc", "0", "1.5"}) {
            Response r = RestAssured.given().redirects().follow(false).get("/preview/" + token + "?page=" + page);
            assertEquals(400, r.statusCode(), r.asString());
            assertTrue(r.getContentType().startsWith("text/html"), r.getContentType());
            Document d = Web.html(r);
            assertNotNull(d.getElementById("error-message"), r.asString());
            assertEquals("The query parameter page must be a whole number from 1", d.selectFirst("#error-message p").text());
            assertPreviewHeaders(r);
        }
        Response gone = RestAssured.given().get("/preview/" + token.substring(1) + "x");
        assertEquals(404, gone.statusCode());
        assertNotNull(Web.html(gone).getElementById("error-message"));
        assertPreviewHeaders(gone);
        assertEquals(200, RestAssured.given().get("/preview/" + token + "?page=99").statusCode(), "a page it does not have shows the first");
        assertEquals(400, Web.as(t.viewer()).get("/projects/" + t.slug() + "/previews?page=abc").statusCode());
    }

    private static void assertPreviewHeaders(Response r) {
        assertEquals(SecurityHeaders.POLICY, r.getHeader("Content-Security-Policy"));
        assertEquals("no-referrer", r.getHeader("Referrer-Policy"), "the link's token stays out of the Referer of links on the error page");
        assertEquals("no-store", r.getHeader("Cache-Control"));
    }
}
