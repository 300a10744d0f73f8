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
import static org.junit.jupiter.api.Assertions.assertNull;
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
        // A page number the preview does not have was answered with its first page, as if the link were right.
        Response notShown = RestAssured.given().redirects().follow(false).get("/preview/" + token + "?page=99");
        assertEquals(404, notShown.statusCode(), "a page it does not have is not its first page");
        assertEquals("This preview has no page 99; open the link without ?page=99 to see its first page.",
                Web.html(notShown).selectFirst("#error-message p").text());
        assertEquals(200, RestAssured.given().get("/preview/" + token + "?page=1").statusCode());
        assertEquals(200, RestAssured.given().get("/preview/" + token).statusCode());
        assertEquals(404, RestAssured.given().get("/preview/" + token + "/pages/99").statusCode());
        assertPreviewHeaders(notShown);
        assertEquals(400, Web.as(t.viewer()).get("/projects/" + t.slug() + "/previews?page=abc").statusCode());
    }

    /**
     * The 404 of an expired, revoked or unknown link offered "Back to your projects" to whoever opened it, who is not
     * logged in and has no projects there: they are offered to log in, a logged-in user keeps the link to their projects.
     */
    @Test
    void aVisitorWhoIsNotLoggedInIsOfferedToLogInRatherThanTheirProjects() {
        TestData.Team t = data.team();
        String unknown = "/preview/" + "x".repeat(43);
        Document anonymous = Web.html(RestAssured.given().get(unknown));
        assertEquals("This preview does not exist or has expired.", anonymous.selectFirst("#error-message p").text());
        assertTrue(anonymous.select("#error-message a[href=/]").isEmpty(), anonymous.getElementById("error-message").outerHtml());
        assertNotNull(anonymous.selectFirst("#error-message a[href=/login]"), anonymous.getElementById("error-message").outerHtml());
        Response member = Web.as(t.viewer()).get(unknown);
        assertEquals(404, member.statusCode());
        Document known = Web.html(member);
        assertEquals("Back to your projects", known.selectFirst("#error-message a[href=/]").text());
        assertNull(known.selectFirst("#error-message a[href=/login]"));
    }

    private static void assertPreviewHeaders(Response r) {
        assertEquals(SecurityHeaders.POLICY, r.getHeader("Content-Security-Policy"));
        assertEquals("no-referrer", r.getHeader("Referrer-Policy"), "the link's token stays out of the Referer of links on the error page");
        assertEquals("no-store", r.getHeader("Cache-Control"));
    }
}
