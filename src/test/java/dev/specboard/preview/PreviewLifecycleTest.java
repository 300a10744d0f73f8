package dev.specboard.preview;

import dev.specboard.account.ApiTokenService;
import dev.specboard.design.DesignFixtures;
import dev.specboard.kernel.Secrets;
import dev.specboard.support.SqlCounter;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class PreviewLifecycleTest {

    @Inject
    TestData data;

    @Inject
    ApiTokenService tokens;

    static void page(TestData.Team t, String name, String path, String html, String css) {
        Web.as(t.member()).formParam("name", name).formParam("path", path).formParam("html", html).formParam("css", css)
                .post("/projects/" + t.slug() + "/pages").then().statusCode(303);
    }

    static String createPreview(TestData.Team t, String page, int hours) {
        Response r = Web.as(t.lead()).formParam("page", page).formParam("hours", String.valueOf(hours)).post("/projects/" + t.slug() + "/previews");
        assertEquals(303, r.statusCode(), r.asString());
        String location = r.getHeader("Location");
        return location.substring(location.indexOf("#preview-") + "#preview-".length());
    }

    /** The token of a preview's link, as its lead sees it on the previews page. */
    static String token(TestData.Team t, String id) {
        String url = Web.html(Web.as(t.lead()).get("/projects/" + t.slug() + "/previews")).selectFirst("#link-" + id).val();
        return url.substring(url.indexOf("/preview/") + "/preview/".length());
    }

    @Transactional
    PreviewSession session(String id) {
        return PreviewSession.findById(UUID.fromString(id));
    }

    @Transactional
    void expireNow(String id) {
        PreviewSession s = PreviewSession.findById(UUID.fromString(id));
        s.expiresAt = Instant.now().minusSeconds(1);
    }

    @Test
    void leadSharesAPreviewThatAnAnonymousVisitorOpensInsideTheSandbox() {
        TestData.Team t = data.team();
        page(t, "Home", "/", DesignFixtures.HOME_HTML, DesignFixtures.HOME_CSS);
        page(t, "Lessons", "/lessons", DesignFixtures.LESSONS_HTML, DesignFixtures.LESSONS_CSS);
        assertEquals(403, Web.as(t.member()).formParam("hours", "2").post("/projects/" + t.slug() + "/previews").statusCode());
        String id = createPreview(t, "", 2);
        PreviewSession s = session(id);
        assertEquals(PreviewSession.READY, s.status);
        assertEquals(2, s.pageCount);
        assertTrue(Files.exists(Path.of(s.bundlePath, "pages", "2.html")), "a static bundle under the data directory");
        String token = token(t, id);
        // Only the link's hash is stored: neither the seed nor the hash opens the preview.
        assertEquals(Secrets.hash(token), s.tokenHash);
        assertEquals(404, RestAssured.given().get("/preview/" + s.tokenSeed).statusCode(), "the stored seed is no link");
        assertEquals(404, RestAssured.given().get("/preview/" + s.tokenHash).statusCode(), "the stored hash is no link");

        Response open = RestAssured.given().redirects().follow(false).get("/preview/" + token + "?page=2");
        assertEquals(200, open.statusCode(), "no login needed");
        Document d = Web.html(open);
        assertEquals("/preview/" + token + "/pages/2", d.selectFirst("#preview-frame iframe").attr("src"));
        assertEquals("allow-scripts", d.selectFirst("#preview-frame iframe").attr("sandbox"));
        assertEquals(2, d.select("#preview-pages a").size());
        assertNull(d.getElementById("shortcuts"), "an anonymous visitor has no project to search nor rows to move through");
        assertTrue(open.asString().contains("</time>.</p>"), "the expiry ends its sentence with no space before the full stop");
        assertTrue(d.selectFirst("p.muted time").parent().text().matches("A preview of the design; the link closes in \\d+ hours?\\."),
                d.selectFirst("p.muted time").parent().text());
        Response frame = RestAssured.given().get("/preview/" + token + "/pages/2");
        assertEquals(200, frame.statusCode());
        assertTrue(frame.getHeader("Content-Security-Policy").startsWith("sandbox allow-scripts;"));
        assertEquals("no-store", frame.getHeader("Cache-Control"), "a page of a preview stays out of the visitor's cache, which would keep it past its revocation");
        assertTrue(frame.asString().contains("Fractions"));
        assertEquals(200, RestAssured.given().header("Sec-Fetch-Dest", "iframe").get("/preview/" + token + "/pages/2").statusCode());
        Response alone = RestAssured.given().redirects().follow(false).header("Sec-Fetch-Dest", "document")
                .get("/preview/" + token + "/pages/2");
        assertEquals(303, alone.statusCode(), "opened on its own, a page goes to the preview that frames it");
        assertTrue(alone.getHeader("Location").endsWith("/preview/" + token + "?page=2"), alone.getHeader("Location"));
        assertFalse(alone.asString().contains("Fractions"));
        assertEquals(404, RestAssured.given().get("/preview/" + token.substring(1) + "x").statusCode(), "a wrong token");

        Document list = Web.html(Web.as(t.lead()).get("/projects/" + t.slug() + "/previews"));
        // The field holds the whole address, ready to paste into a message: a path alone opens nothing there.
        assertEquals(RestAssured.baseURI + ":" + RestAssured.port + "/preview/" + token, list.selectFirst("#link-" + id).val());
        assertEquals("http://somewhere.example:8443/preview/" + token, Web.html(Web.as(t.lead()).header("Host", "somewhere.example:8443")
                .get("/projects/" + t.slug() + "/previews")).selectFirst("#link-" + id).val(), "as the browser reached the server");
        Document forViewer = Web.html(Web.as(t.viewer()).get("/projects/" + t.slug() + "/previews"));
        assertTrue(forViewer.select("#link-" + id).isEmpty(), "only leads see the link");

        Web.as(t.lead()).formParam("x", "1").post("/projects/" + t.slug() + "/previews/" + id + "/revoke").then().statusCode(303);
        assertEquals(404, RestAssured.given().get("/preview/" + token).statusCode(), "revoked: 404 at once");
        assertEquals(404, RestAssured.given().get("/preview/" + token + "/pages/1").statusCode());
    }

    /** Hours that are not a whole number ("1.5" passes a number field when the form does not validate) keep the form: 422, not 400. */
    @Test
    void hoursThatAreNotAWholeNumberReRenderTheFormWithWhatWasTyped() {
        TestData.Team t = data.team();
        page(t, "Home", "/", DesignFixtures.HOME_HTML, DesignFixtures.HOME_CSS);
        page(t, "Lessons", "/lessons", DesignFixtures.LESSONS_HTML, DesignFixtures.LESSONS_CSS);
        String lessons = Web.html(Web.as(t.lead()).get("/projects/" + t.slug() + "/previews")).select("#f-page option").stream()
                .filter(o -> o.text().startsWith("Lessons")).findFirst().orElseThrow().val();
        for (String typed : List.of("1.5", "two")) {
            Response r = Web.as(t.lead()).formParam("page", lessons).formParam("hours", typed).post("/projects/" + t.slug() + "/previews");
            assertEquals(422, r.statusCode(), r.asString());
            Document d = Web.html(r);
            assertEquals(typed, d.getElementById("f-hours").val());
            assertEquals("Enter a whole number of hours, between 1 and " + org.eclipse.microprofile.config.ConfigProvider.getConfig()
                    .getValue("specboard.previews.max-hours", Integer.class), d.getElementById("e-hours").text());
            assertEquals(lessons, d.select("#f-page option[selected]").val(), "the chosen page is kept");
        }
        assertNotNull(Web.html(Web.as(t.lead()).get("/projects/" + t.slug() + "/previews")).getElementById("no-previews"));
    }

    @Test
    void aLinkMadeBeforeLinksWereHashedStillOpensButIsNotShownAgain() {
        TestData.Team t = data.team();
        page(t, "Home", "/", DesignFixtures.HOME_HTML, DesignFixtures.HOME_CSS);
        String id = createPreview(t, "", 2);
        // What migration V0810 makes of a preview whose link was stored as it was given out.
        String old = "an-old-link-token-of-forty-three-characters";
        QuarkusTransaction.requiringNew().run(() -> PreviewSession.getEntityManager().createNativeQuery(
                        "UPDATE preview_sessions SET token_seed = 'before-V0810:' || id, token_hash = encode(sha256(convert_to(?1, 'UTF8')), 'hex') WHERE id = ?2")
                .setParameter(1, old).setParameter(2, UUID.fromString(id)).executeUpdate());
        assertEquals(200, RestAssured.given().get("/preview/" + old).statusCode(), "the link its recipients have still opens");
        Document list = Web.html(Web.as(t.lead()).get("/projects/" + t.slug() + "/previews"));
        assertTrue(list.selectFirst("#link-" + id).text().contains("cannot be shown again"), list.selectFirst("#preview-" + id).text());
        String bearer = QuarkusTransaction.requiringNew().call(() -> tokens.create(t.lead().id, "lead", null, null)).value();
        assertNull(RestAssured.given().header("Authorization", "Bearer " + bearer).get("/api/v1/projects/" + t.slug() + "/previews/" + id)
                .then().statusCode(200).extract().path("url"), "nor over the API");
    }

    @Test
    void afterExpiryItAnswers404AndTheCleanupPurgesItWithItsEvents() throws Exception {
        TestData.Team t = data.team();
        page(t, "Home", "/", DesignFixtures.HOME_HTML, DesignFixtures.HOME_CSS);
        String id = createPreview(t, "", 1);
        PreviewSession s = session(id);
        Path bundle = Path.of(s.bundlePath);
        assertTrue(Files.isDirectory(bundle));
        String token = token(t, id);
        assertEquals(200, RestAssured.given().get("/preview/" + token).statusCode());
        expireNow(id);
        assertEquals(404, RestAssured.given().get("/preview/" + token).statusCode(), "expired: 404 before any cleanup");

        // The scheduled cleanup (every second in tests, 1 s delays) moves it through the stages.
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60)); // three cleanup rounds, on a loaded machine
        while (!PreviewSession.PURGED.equals(session(id).status)) {
            assertTrue(Instant.now().isBefore(deadline), "not purged in time: " + session(id).status);
            Thread.sleep(200);
        }
        assertFalse(Files.exists(bundle), "the bundle's files are deleted at PURGED");
        Document list = Web.html(Web.as(t.viewer()).get("/projects/" + t.slug() + "/previews"));
        assertEquals(List.of("Expired", "Soft deleted", "Purged"), list.select("#preview-" + id + " .events li").stream()
                .map(li -> li.ownText().strip()).toList());
        assertEquals("Purged", list.selectFirst("#status-" + id).text());
        assertNotNull(session(id).purgedAt);
    }

    /** A render that failed on an instance that stopped before cleaning up leaves a pending row without a bundle path. */
    @Transactional
    void leftByAFailedRender(String id) {
        PreviewSession s = PreviewSession.findById(UUID.fromString(id));
        s.status = PreviewSession.PENDING;
        s.bundlePath = null;
        s.expiresAt = Instant.now().minusSeconds(1);
    }

    @Test
    void theCleanupRemovesThePurgedPreviewsDirectoryEvenWithoutABundlePath() throws Exception {
        TestData.Team t = data.team();
        page(t, "Home", "/", DesignFixtures.HOME_HTML, DesignFixtures.HOME_CSS);
        String id = createPreview(t, "", 1);
        Path bundle = Path.of(session(id).bundlePath);
        assertTrue(Files.isDirectory(bundle));
        leftByAFailedRender(id);

        Instant deadline = Instant.now().plus(Duration.ofSeconds(60)); // three cleanup rounds, on a loaded machine
        while (!PreviewSession.PURGED.equals(session(id).status)) {
            assertTrue(Instant.now().isBefore(deadline), "not purged in time: " + session(id).status);
            Thread.sleep(200);
        }
        assertFalse(Files.exists(bundle), "the preview's directory is deleted at PURGED, whatever the row says of it");
    }

    @Test
    void previewListQueriesDoNotGrowWithPreviews() {
        TestData.Team small = data.team();
        TestData.Team big = data.team();
        page(small, "Home", "/", "<p>x</p>", "");
        page(big, "Home", "/", "<p>x</p>", "");
        createPreview(small, "", 2);
        for (int i = 0; i < 10; i++) {
            createPreview(big, "", 2);
        }
        long few = SqlCounter.count(() -> Web.as(small.viewer()).get("/projects/" + small.slug() + "/previews").then().statusCode(200));
        long many = SqlCounter.count(() -> Web.as(big.viewer()).get("/projects/" + big.slug() + "/previews").then().statusCode(200));
        assertEquals(few, many);
        String smallBearer = "Bearer " + tokens.create(small.viewer().id, "count", null, null).value();
        String bigBearer = "Bearer " + tokens.create(big.viewer().id, "count", null, null).value();
        assertEquals(SqlCounter.count(() -> RestAssured.given().header("Authorization", smallBearer).get("/api/v1/projects/" + small.slug() + "/previews")
                        .then().statusCode(200)),
                SqlCounter.count(() -> RestAssured.given().header("Authorization", bigBearer).get("/api/v1/projects/" + big.slug() + "/previews")
                        .then().statusCode(200)), "API preview list");
    }


    @Test
    void aPublicPreviewOfTenTimesThePagesKeepsItsStatementCount() {
        TestData.Team small = data.team();
        TestData.Team big = data.team();
        for (int i = 0; i < 30; i++) {
            if (i < 3) {
                page(small, "Page " + i, "/p" + i, "<p>" + i + "</p>", "");
            }
            page(big, "Page " + i, "/p" + i, "<p>" + i + "</p>", "");
        }
        String few = "/preview/" + token(small, createPreview(small, "", 2));
        String many = "/preview/" + token(big, createPreview(big, "", 2));
        RestAssured.given().get(many).then().statusCode(200);
        assertEquals(SqlCounter.count(() -> RestAssured.given().get(few).then().statusCode(200)),
                SqlCounter.count(() -> RestAssured.given().get(many).then().statusCode(200)), "the preview's index of pages");
        assertEquals(SqlCounter.count(() -> RestAssured.given().header("Sec-Fetch-Dest", "iframe").get(few + "/pages/1").then().statusCode(200)),
                SqlCounter.count(() -> RestAssured.given().header("Sec-Fetch-Dest", "iframe").get(many + "/pages/1").then().statusCode(200)), "one page of the preview");
    }
}
