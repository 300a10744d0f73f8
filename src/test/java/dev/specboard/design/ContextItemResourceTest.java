package dev.specboard.design;

import dev.specboard.account.ApiTokenService;
import dev.specboard.support.ApiPaths;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class ContextItemResourceTest {

    @Inject
    TestData data;

    @Inject
    ApiTokenService tokens;

    private static Response upload(TestData.Team t, String type, String name, byte[] content, String mime) {
        return Web.as(t.member()).multiPart("itemType", type).multiPart("file", name, content, mime).multiPart("categories", "inspiration")
                .multiPart("tags", "Home, Colours").multiPart("submittedContext", "The look we want")
                .post("/projects/" + t.slug() + "/context");
    }

    private static Element item(TestData.Team t, Response created) {
        assertEquals(303, created.statusCode(), created.asString());
        String id = created.getHeader("Location").substring(created.getHeader("Location").indexOf("#item-") + 6);
        Document d = Web.html(Web.as(t.viewer()).get("/projects/" + t.slug() + "/context"));
        return d.selectFirst("#item-" + id);
    }

    /** The API takes a context item as JSON or as a multipart upload: a 415 named only JSON, sending uploaders away. */
    @Test
    void aContextItemInAnotherTypeIsToldBothTypesTheApiTakes() {
        TestData.Team t = data.team();
        String token = tokens.create(t.member().id, "test", null, null).value();
        RestAssured.given().header("Authorization", "Bearer " + token).contentType("text/plain").body("a note")
                .post("/api/v1/projects/" + t.slug() + "/context-items")
                .then().statusCode(415).contentType("application/json")
                .body("error", org.hamcrest.Matchers.equalTo("Send the body as application/json or multipart/form-data."));
        // A route that takes JSON alone still names JSON alone.
        RestAssured.given().header("Authorization", "Bearer " + token).contentType("text/plain").body("a note")
                .post("/api/v1/projects/" + t.slug() + "/stories")
                .then().statusCode(415).body("error", org.hamcrest.Matchers.equalTo("Send the body as application/json."));
    }

    @Test
    void aScreenshotShowsItsSizeAndPaletteAndDownloadsAsAnAttachment() {
        TestData.Team t = data.team();
        byte[] png = Images.twoColours("png");
        Element item = item(t, upload(t, "screenshot", "home.png", png, "image/png"));
        assertTrue(item.selectFirst(".dimensions").text().contains("200 × 100"));
        assertEquals("#dc2626", item.selectFirst(".palette li svg rect").attr("fill"));
        assertTrue(item.selectFirst(".palette").text().contains("75%"));
        assertTrue(item.text().contains("The look we want") && item.text().contains("#home") && item.text().contains("Inspiration"));
        String href = item.selectFirst("a[download]").attr("href");
        Response file = Web.as(t.viewer()).get(href);
        assertEquals(200, file.statusCode());
        assertEquals("image/png", file.getContentType());
        assertTrue(file.getHeader("Content-Disposition").startsWith("attachment"));
        assertEquals("nosniff", file.getHeader("X-Content-Type-Options"));
        assertArrayEquals(png, file.asByteArray());
    }

    @Test
    void aWebpScreenshotIsAcceptedByItsContent() throws Exception {
        TestData.Team t = data.team();
        byte[] webp;
        try (InputStream in = getClass().getResourceAsStream("/design/two-colours.webp")) {
            webp = in.readAllBytes();
        }
        Element item = item(t, upload(t, "screenshot", "named-wrongly.jpg", webp, "image/jpeg"));
        assertTrue(item.selectFirst(".dimensions").text().contains("200 × 100 px webp"), item.text());
    }

    @Test
    void wrongTypeByContentAndTooLargeAreRefusedClearly() {
        TestData.Team t = data.team();
        Response html = upload(t, "screenshot", "evil.png", "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8), "image/png");
        assertEquals(422, html.statusCode());
        assertTrue(Web.html(html).selectFirst("#e-file").text().contains("PNG, JPEG or WebP"));
        Response big = upload(t, "file", "big.bin", new byte[6 * 1024 * 1024], "application/octet-stream");
        assertEquals(413, big.statusCode());
        assertTrue(Web.html(big).selectFirst("#e-file").text().contains("at most 5.0 MB"));
        assertEquals(0, Web.html(Web.as(t.viewer()).get("/projects/" + t.slug() + "/context")).select(".context-item").size());
    }

    /**
     * The add form takes multipart only; a urlencoded POST was answered 415 before the project policy ran, so a
     * non-member got 415 where every other route answers 404. The policy comes first now, as everywhere.
     */
    @Test
    void aFormThatIsNotMultipartMeetsTheProjectPolicyFirst() {
        TestData.Team t = data.team();
        String path = "/projects/" + t.slug() + "/context";
        Web.as(t.outsider()).formParam("itemType", "text").formParam("text", "x").post(path).then().statusCode(404);
        Web.as(t.outsider()).formParam("itemType", "text").post("/projects/no-such-project-" + System.nanoTime() + "/context")
                .then().statusCode(404);
        Web.as(t.viewer()).formParam("itemType", "text").formParam("text", "x").post(path).then().statusCode(403);
        Web.as(t.member()).formParam("itemType", "text").formParam("text", "x").post(path).then().statusCode(415);
        assertEquals(0, Web.html(Web.as(t.viewer()).get(path)).select(".context-item").size());
    }

    @Test
    void aFileNamedInAnyLettersDownloadsUnderItsName() {
        TestData.Team t = data.team();
        // Sent as JSON, whose name is UTF-8 for sure (the test client's multipart writes names as Latin-1).
        Response created = RestAssured.given().header("Authorization", "Bearer " + tokens.create(t.member().id, "upload", null, null).value())
                .contentType("application/json; charset=UTF-8")
                .body(Map.of("itemType", "file", "fileName", "日本語 plan.txt", "contentBase64", Base64.getEncoder().encodeToString("hello".getBytes(StandardCharsets.UTF_8))))
                .post(ApiPaths.project(t.slug(), "/context-items"));
        assertEquals(201, created.statusCode(), created.asString());
        Response file = Web.as(t.viewer()).get("/projects/" + t.slug() + "/context/" + created.jsonPath().getString("id") + "/file");
        assertEquals(200, file.statusCode());
        // The header went out as Latin-1 bytes: the name arrived as "??? plan.txt".
        assertEquals("attachment; filename=\"___ plan.txt\"; filename*=UTF-8''%E6%97%A5%E6%9C%AC%E8%AA%9E%20plan.txt",
                file.getHeader("Content-Disposition"));
    }

    @Test
    void anHtmlFileGoesThroughTheMockupAnalyzerAndIsNeverServedInline() {
        TestData.Team t = data.team();
        String html = "<!DOCTYPE html><html><body><nav class='navbar'>x</nav><div class='card' style='background:#abcdef'>Pricing plans</div>"
                + "<table><tr><td>1</td></tr></table></body></html>";
        Element item = item(t, upload(t, "file", "competitor.html", html.getBytes(StandardCharsets.UTF_8), "text/html"));
        assertTrue(item.text().contains("nav, card, table") || item.text().contains("card"), item.text());
        assertTrue(item.text().contains("layout: dashboard"), item.text());
        assertEquals("#abcdef", item.selectFirst(".palette svg rect").attr("fill"));
        Response file = Web.as(t.viewer()).get(item.selectFirst("a[download]").attr("href"));
        assertEquals("application/octet-stream", file.getContentType());
        assertTrue(file.getHeader("Content-Disposition").startsWith("attachment"));
    }

    @Test
    void textAndUrlItemsAndAPageReferenceCountsUsage() {
        TestData.Team t = data.team();
        Element text = item(t, Web.as(t.member()).multiPart("itemType", "text").multiPart("text", "Teachers share lesson plans. Lesson plans matter.")
                .post("/projects/" + t.slug() + "/context"));
        assertTrue(text.text().contains("Key terms: lesson, plans"), text.text());
        assertEquals("Text Teachers share lesson plans. Lesson plans matter.", text.selectFirst(".item-title").text());
        assertNull(text.selectFirst(".item-text"), "a text short enough to be its title is not repeated below it");
        String wordy = "Teachers want a calm blue look like Notion, with cards for every lesson and no clutter around them anywhere.";
        Element longText = item(t, Web.as(t.member()).multiPart("itemType", "text").multiPart("text", wordy).post("/projects/" + t.slug() + "/context"));
        assertTrue(longText.selectFirst(".item-title").text().endsWith("…"), "a long text's title is its start");
        assertEquals(wordy, longText.selectFirst(".item-text").text(), "and the whole text follows");
        Element url = item(t, Web.as(t.member()).multiPart("itemType", "url").multiPart("url", "https://example.com/x")
                .post("/projects/" + t.slug() + "/context"));
        assertTrue(url.text().contains("not fetched"));
        Response bad = Web.as(t.member()).multiPart("itemType", "url").multiPart("url", "javascript:alert(1)").post("/projects/" + t.slug() + "/context");
        assertEquals(422, bad.statusCode());
        assertEquals("javascript:alert(1)", Web.html(bad).selectFirst("#f-url").val(), "the typed value is kept");

        String page = PageResourceTest.createPage(t, "Home", "/", null, null, null);
        String itemId = text.id().substring("item-".length());
        Web.as(t.member()).formParam("item", itemId).post("/projects/" + t.slug() + "/pages/" + page + "/references").then().statusCode(303);
        Web.as(t.member()).formParam("item", itemId).post("/projects/" + t.slug() + "/pages/" + page + "/references").then().statusCode(303);
        Document p = Web.html(Web.as(t.viewer()).get("/projects/" + t.slug() + "/pages/" + page));
        assertNotNull(p.selectFirst("#reference-list a[href$=#item-" + itemId + "]"));
        assertTrue(p.selectFirst("#reference-list").text().contains("used 2 times"));
    }

    /** A page's uses of an item go with the page: the count, the list of pages and the last use follow deletions. */
    @Test
    void deletingAPageTakesItsUsesOffTheItemsItUsed() {
        TestData.Team t = data.team();
        Element text = item(t, Web.as(t.member()).multiPart("itemType", "text").multiPart("text", "Calm blue cards").post("/projects/" + t.slug() + "/context"));
        String itemId = text.id().substring("item-".length());
        String home = PageResourceTest.createPage(t, "Home", "/", null, null, null);
        String about = PageResourceTest.createPage(t, "About", "/about", null, null, null);
        for (String page : java.util.List.of(about, about, home)) {
            Web.as(t.member()).formParam("item", itemId).post("/projects/" + t.slug() + "/pages/" + page + "/references").then().statusCode(303);
        }
        assertTrue(item(t, itemId).text().contains("referenced 3 times"), item(t, itemId).text());
        assertTrue(Web.html(Web.as(t.viewer()).get("/projects/" + t.slug() + "/pages/" + home)).selectFirst("#reference-list").text()
                .contains("used 1 time here"), "a page counts its own uses, not every page's");

        Web.as(t.member()).formParam("x", "1").post("/projects/" + t.slug() + "/pages/" + about + "/delete").then().statusCode(303);
        assertTrue(item(t, itemId).text().contains("referenced 1 time"), "the deleted page's two uses no longer count: " + item(t, itemId).text());
        String token = tokens.create(t.member().id, "ctx", null, null).value();
        String api = ApiPaths.project(t.slug(), "/context-items");
        String mine = "find { it.id == '" + itemId + "' }.";
        assertEquals(1, (int) RestAssured.given().header("Authorization", "Bearer " + token).get(api).then().statusCode(200).extract().path(mine + "timesReferenced"));

        Web.as(t.member()).formParam("x", "1").post("/projects/" + t.slug() + "/pages/" + home + "/delete").then().statusCode(303);
        assertTrue(item(t, itemId).text().contains("referenced 0 times"), item(t, itemId).text());
        assertNull(RestAssured.given().header("Authorization", "Bearer " + token).get(api).then().statusCode(200).extract().path(mine + "lastReferencedAt"));
    }

    /** The API's reference call: the item addressed is looked up first (404), then the body (422 naming pageId). */
    @Test
    void aReferenceNamesTheItemFirstAndThenThePageItNeeds() {
        TestData.Team t = data.team();
        String token = tokens.create(t.member().id, "ctx", null, null).value();
        String api = ApiPaths.project(t.slug(), "/context-items/");
        String page = PageResourceTest.createPage(t, "Home", "/", null, null, null);
        String itemId = item(t, Web.as(t.member()).multiPart("itemType", "text").multiPart("text", "Calm").post("/projects/" + t.slug() + "/context"))
                .id().substring("item-".length());
        Response unknown = RestAssured.given().header("Authorization", "Bearer " + token).contentType("application/json")
                .body(Map.of("pageId", page)).post(api + "00000000-0000-0000-0000-000000000000/references");
        assertEquals(404, unknown.statusCode());
        assertEquals("No such context item in this project", unknown.path("error"));
        Response none = RestAssured.given().header("Authorization", "Bearer " + token).contentType("application/json").body("{}")
                .post(api + itemId + "/references");
        assertEquals(422, none.statusCode(), "a missing page is the body's fault, not an unknown page: " + none.asString());
        assertEquals("Give the id of the page that used the item", none.path("details.pageId"));
        RestAssured.given().header("Authorization", "Bearer " + token).contentType("application/json").body(Map.of("pageId", page))
                .post(api + itemId + "/references").then().statusCode(200);
    }

    private static Element item(TestData.Team t, String id) {
        return Web.html(Web.as(t.viewer()).get("/projects/" + t.slug() + "/context")).selectFirst("#item-" + id);
    }

    @Test
    void aStyleGuidePastedAsTextGivesThePaletteItNames() {
        TestData.Team t = data.team();
        String guide = "Brand: primary #1E40AF, surface #F3F4F6 and text #333. See issue #123 and https://example.com/page#abc123; "
                + "the primary again: #1e40af.";
        Element item = item(t, Web.as(t.member()).multiPart("itemType", "text").multiPart("text", guide)
                .multiPart("categories", "style-guide").post("/projects/" + t.slug() + "/context"));
        assertEquals(java.util.List.of("#1e40af", "#f3f4f6", "#333333"), item.select(".palette li code").eachText(),
                "each colour once, in order, without the issue number or the link's fragment");
        String token = tokens.create(t.member().id, "ctx", null, null).value();
        Map<String, Object> answer = RestAssured.given().header("Authorization", "Bearer " + token).contentType("application/json")
                .body(Map.of("itemType", "text", "text", "Accent #DC2626."))
                .post(ApiPaths.project(t.slug(), "/context-items")).then().statusCode(201).extract().path("aiAnalysis");
        assertEquals(java.util.List.of("#dc2626"), answer.get("colorPalette"));
        assertEquals(java.util.List.of("requirements", "design"), answer.get("relevantTo"));
    }

    @Test
    void aContextItemIsDeletedWithItsFileFromItsPageAndTheApi() {
        TestData.Team t = data.team();
        String list = "/projects/" + t.slug() + "/context";
        Response created = upload(t, "file", "notes.txt", "Lesson plans first".getBytes(StandardCharsets.UTF_8), "text/plain");
        String id = item(t, created).id().substring("item-".length());
        Path stored = store().resolve(t.project().id + "/" + id);
        assertTrue(Files.exists(stored), "the upload is kept at " + stored);

        assertNull(Web.html(Web.as(t.viewer()).get(list)).selectFirst("#item-" + id + " form.delete-item"), "a viewer is offered no Delete");
        Element form = Web.html(Web.as(t.member()).get(list)).selectFirst("#item-" + id + " form.delete-item");
        assertNotNull(form);
        assertEquals(list + "/" + id + "/delete", form.attr("action"));
        assertTrue(form.attr("data-confirm").contains("notes.txt"), "the deletion is confirmed first, naming the item: " + form.attr("data-confirm"));
        assertNotNull(form.selectFirst("input[type=hidden][name]"), "the form carries the CSRF token");
        assertTrue(form.selectFirst("button[type=submit]").attr("aria-label").contains("notes.txt"), "each item's button says which item it deletes");
        assertEquals(403, Web.as(t.viewer()).formParam("x", "1").post(list + "/" + id + "/delete").statusCode());
        assertEquals(404, Web.as(t.outsider()).formParam("x", "1").post(list + "/" + id + "/delete").statusCode());
        assertEquals(404, Web.as(t.member()).formParam("x", "1").post(list + "/not-an-id/delete").statusCode());

        Response deleted = Web.as(t.member()).formParam("x", "1").post(list + "/" + id + "/delete");
        assertEquals(303, deleted.statusCode());
        assertTrue(deleted.getHeader("Location").endsWith(list), deleted.getHeader("Location"));
        assertNotNull(deleted.getCookie("sb_flash"), "the list tells what happened");
        assertNull(Web.html(Web.as(t.viewer()).get(list)).selectFirst("#item-" + id));
        assertEquals(404, Web.as(t.viewer()).get(list + "/" + id + "/file").statusCode());
        assertFalse(Files.exists(stored), "the uploaded file left the store");

        String token = tokens.create(t.member().id, "ctx", null, null).value();
        String api = ApiPaths.project(t.slug(), "/context-items");
        String second = RestAssured.given().header("Authorization", "Bearer " + token).contentType("application/json")
                .body(Map.of("itemType", "text", "text", "Keep it short.")).post(api).then().statusCode(201).extract().path("id");
        RestAssured.given().header("Authorization", "Bearer " + tokens.create(t.viewer().id, "ctx", null, null).value()).delete(api + "/" + second)
                .then().statusCode(403);
        RestAssured.given().header("Authorization", "Bearer " + tokens.create(t.outsider().id, "ctx", null, null).value()).delete(api + "/" + second)
                .then().statusCode(404);
        RestAssured.given().header("Authorization", "Bearer " + token).delete(api + "/" + second).then().statusCode(204);
        RestAssured.given().header("Authorization", "Bearer " + token).delete(api + "/" + second).then().statusCode(404);
        RestAssured.given().header("Authorization", "Bearer " + token).delete(api + "/not-an-id").then().statusCode(404);

        String last = RestAssured.given().header("Authorization", "Bearer " + token).contentType("application/json")
                .body(Map.of("itemType", "text", "text", "Archived with the project.")).post(api).then().statusCode(201).extract().path("id");
        Web.as(t.owner()).formParam("x", "1").post("/projects/" + t.slug() + "/settings/archive").then().statusCode(303);
        assertEquals(409, Web.as(t.member()).formParam("x", "1").post(list + "/" + last + "/delete").statusCode());
        RestAssured.given().header("Authorization", "Bearer " + token).delete(api + "/" + last).then().statusCode(409);
        assertNotNull(Web.html(Web.as(t.viewer()).get(list)).selectFirst("#item-" + last), "an archived project keeps its items");
    }

    private static Path store() {
        org.eclipse.microprofile.config.Config config = ConfigProvider.getConfig();
        return config.getOptionalValue("specboard.context.store", String.class).filter(s -> !s.isBlank()).map(Path::of)
                .orElse(Path.of(config.getValue("specboard.data-dir", String.class), "context-items")).toAbsolutePath();
    }
}
