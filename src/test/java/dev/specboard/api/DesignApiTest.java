package dev.specboard.api;

import dev.specboard.account.ApiTokenService;
import dev.specboard.design.DesignFixtures;
import dev.specboard.support.Mcp;
import dev.specboard.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class DesignApiTest {

    @Inject
    TestData data;

    @Inject
    ApiTokenService tokens;

    static String page(TestData.Team t, String name, String path, String parentPath, String html, String css) {
        return Api.as(t.member()).body(Map.of("name", name, "path", path, "parentPath", parentPath == null ? "" : parentPath,
                        "html", html, "css", css, "purpose", "The " + name + " page"))
                .post("/api/v1/projects/" + t.slug() + "/pages").then().statusCode(201)
                .body("path", equalTo(path)).body("status", equalTo("designed")).body("currentVersion", equalTo(1))
                .extract().path("id");
    }

    /** Polls the design system until no recompute is pending, with a deadline. */
    static JsonPath designSystem(TestData.Team t, int mockups) {
        // A minute: the job usually ends within a second, but a loaded CI machine could take longer than 20 s.
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            JsonPath ds = Api.as(t.viewer()).get("/api/v1/projects/" + t.slug() + "/design-system").then().statusCode(200).extract().jsonPath();
            if (!ds.getBoolean("pending") && ds.getInt("mockupCount") == mockups) {
                return ds;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the design system was not recomputed in time: " + ds.prettify());
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void threeMockupsMakeADesignSystemWithCountsAndAStaleSaveIsRefused() {
        TestData.Team t = data.team();
        String home = page(t, "Home", "/", null, DesignFixtures.HOME_HTML, DesignFixtures.HOME_CSS);
        page(t, "Lessons", "/lessons", "/", DesignFixtures.LESSONS_HTML, DesignFixtures.LESSONS_CSS);
        page(t, "Settings", "/settings", null, DesignFixtures.SETTINGS_HTML, DesignFixtures.SETTINGS_CSS);

        Api.as(t.viewer()).get("/api/v1/projects/" + t.slug() + "/pages").then().statusCode(200)
                .body("path", hasItems("/", "/lessons", "/settings"))
                .body("find { it.path == '/lessons' }.parentPath", equalTo("/"));

        JsonPath ds = designSystem(t, 3);
        assertEquals("emergent", ds.getString("generationMethod"));
        assertEquals("#dc2626", ds.getString("tokens.colors.primary.value"));
        assertEquals(4, ds.getInt("tokens.colors.primary.usageCount"), "var(--primary), rgb(220, 38, 38), #dc2626 twice");
        assertEquals(List.of("Home", "Lessons", "Settings"), ds.getList("tokens.colors.primary.pages"));
        assertEquals("8px", ds.getString("tokens.spacing.base.value"));
        assertEquals("Inter", ds.getString("tokens.typography.fontFamily"));
        assertEquals(5, ds.getInt("componentPatterns.button.usageCount"), "one on Home, two on Lessons, two on Settings");
        assertTrue(ds.getList("flags.nearDuplicateColors.nearValue").contains("#dc2727") || ds.getList("flags.nearDuplicateColors.value").contains("#dc2727"));

        String base = "/api/v1/projects/" + t.slug() + "/pages/" + home + "/mockups";
        Api.as(t.member()).body(Map.of("html", "<main class='card'><button class='btn'>Go</button></main>", "css", ".btn { color: hsl(0, 100%, 50%); }",
                        "js", "document.querySelector('.btn').addEventListener('click', () => { location.href = '/lessons'; });",
                        "changeDescription", "Simpler", "basedOnVersion", 1, "changedBy", "ai"))
                .post(base).then().statusCode(201).body("version", equalTo(2))
                .body("extractedPatterns.interactions.find { it.selector == '.btn' }.action", equalTo("navigate"))
                .body("extractedPatterns.interactions.find { it.selector == '.btn' }.target", equalTo("/lessons"))
                .body("extractedPatterns.colorsUsed", equalTo(List.of("#ff0000")))
                .body("extractedPatterns.componentsDetected", hasItems("card", "button"));
        Api.as(t.lead()).body(Map.of("html", "<p>mine</p>", "basedOnVersion", 1)).post(base).then().statusCode(409)
                .body("error", containsString("version 2")).body("error", containsString(t.member().username))
                .body("details.current.html", containsString("btn")).body("details.yours.html", equalTo("<p>mine</p>"));
        // The author's own stale save is told it came from another request of theirs, not by their own name.
        Api.as(t.member()).body(Map.of("html", "<p>again</p>", "basedOnVersion", 1)).post(base).then().statusCode(409)
                .body("error", containsString("you in another request")).body("error", not(containsString(t.member().username)));
        Api.as(t.viewer()).get(base + "/1").then().statusCode(200).body("current", equalTo(false)).body("html", containsString("Welcome back"))
                .body("extractedPatterns.spacing.baseUnit", equalTo(8));
        Api.as(t.viewer()).get(base + "/2").then().statusCode(200).body("changedBy", equalTo("ai")).body("current", equalTo(true));
        Api.as(t.viewer()).body(Map.of("html", "<p>x</p>")).post(base).then().statusCode(403);
        Api.as(t.member()).body(Map.of("html", "<main class='card'><button class='btn'>Go</button></main>", "css", ".btn { color: hsl(0, 100%, 50%); }",
                        "js", "document.querySelector('.btn').addEventListener('click', () => { location.href = '/lessons'; });", "basedOnVersion", 2))
                .post(base).then().statusCode(422).body("details.html", startsWith("Nothing changed: this is version 2 already"));
    }

    @Test
    void pathRulesAndErrors() {
        TestData.Team t = data.team();
        String url = "/api/v1/projects/" + t.slug() + "/pages";
        Api.as(t.member()).body(Map.of("name", "Bad", "path", "/Not Valid")).post(url).then().statusCode(422).body("details.path", containsString("lowercase"));
        Api.as(t.member()).body(Map.of("name", "", "path", "/x")).post(url).then().statusCode(422).body("details.name", containsString("name"));
        for (String gap : List.of("/a//b", "//", "/a//")) {
            Api.as(t.member()).body(Map.of("name", "Gap", "path", gap)).post(url).then().statusCode(422)
                    .body("details.path", equalTo("A path has no empty part (//): write /dashboard/settings, not /dashboard//settings"));
        }
        Api.as(t.member()).body(Map.of("name", "A", "path", "/a")).post(url).then().statusCode(201).body("status", equalTo("draft"));
        Api.as(t.member()).body(Map.of("name", "B", "path", "/a")).post(url).then().statusCode(409).body("error", containsString("already"));
        Api.as(t.member()).body(Map.of("name", "C", "path", "/c", "parentPath", "/nowhere")).post(url).then().statusCode(422)
                .body("details.parentPath", containsString("/nowhere"));
        Api.as(t.member()).body(Map.of("name", "D", "path", "/d", "type", "poster")).post(url).then().statusCode(422);
        Api.as(t.member()).get(url + "/not-a-uuid").then().statusCode(404);
        Api.as(t.outsider()).get(url).then().statusCode(404);
    }

    @Test
    void contextItemsByJsonAndMultipartWithAnalysisAndRefusals() {
        TestData.Team t = data.team();
        String url = "/api/v1/projects/" + t.slug() + "/context-items";
        Api.as(t.member()).body(Map.of("itemType", "text", "text", "Teachers share lesson plans; lesson plans need reviews.",
                        "categories", List.of("requirement"), "tags", List.of("Lessons"), "submittedContext", "From the kickoff"))
                .post(url).then().statusCode(201).body("itemType", equalTo("text"))
                .body("aiAnalysis.keyTerms", hasItems("lesson", "plans")).body("tags", equalTo(List.of("lessons")));
        Api.as(t.member()).body(Map.of("itemType", "url", "url", "https://example.com/inspiration"))
                .post(url).then().statusCode(201).body("contentUrl", equalTo("https://example.com/inspiration"))
                .body("aiAnalysis.note", containsString("not fetched"));
        String png = java.util.Base64.getEncoder().encodeToString(dev.specboard.design.Images.twoColours("png"));
        Api.as(t.member()).body(Map.of("itemType", "screenshot", "fileName", "shot.png", "contentBase64", png, "categories", List.of("inspiration")))
                .post(url).then().statusCode(201).body("aiAnalysis.colorPalette[0]", equalTo("#dc2626")).body("aiAnalysis.width", equalTo(200));
        String html = java.util.Base64.getEncoder().encodeToString("<html><script>alert(1)</script></html>".getBytes());
        Api.as(t.member()).body(Map.of("itemType", "screenshot", "fileName", "shot.png", "contentBase64", html))
                .post(url).then().statusCode(422).body("details.file", containsString("PNG, JPEG or WebP"));
        String big = java.util.Base64.getEncoder().encodeToString(new byte[6 * 1024 * 1024]);
        Api.as(t.member()).body(Map.of("itemType", "file", "fileName", "big.bin", "contentBase64", big))
                .post(url).then().statusCode(413).body("error", containsString("at most 5.0 MB"));
        Api.as(t.viewer()).get(url).then().statusCode(200).body("size()", equalTo(3));
    }

    @Test
    void previewsThroughTheApi() {
        TestData.Team t = data.team();
        page(t, "Home", "/", null, DesignFixtures.HOME_HTML, DesignFixtures.HOME_CSS);
        String url = "/api/v1/projects/" + t.slug() + "/previews";
        Api.as(t.member()).body(Map.of("hours", 2)).post(url).then().statusCode(403);
        Api.as(t.lead()).body(Map.of("hours", 0)).post(url).then().statusCode(422);
        Api.as(t.lead()).body(Map.of("hours", 2, "pagePath", "/missing")).post(url).then().statusCode(422)
                .body("details.pagePath", org.hamcrest.Matchers.containsString("/missing")).body("details.page", org.hamcrest.Matchers.nullValue());
        JsonPath created = Api.as(t.lead()).body(Map.of("hours", 2, "pagePath", "/")).post(url).then().statusCode(201)
                .body("status", equalTo("READY")).extract().jsonPath();
        String token = created.getString("token");
        assertTrue(token.length() >= 43, "at least 256 bits, base64url");
        assertTrue(created.getString("url").endsWith("/preview/" + token));
        RestAssured.given().get("/preview/" + token).then().statusCode(200);
        Api.as(t.viewer()).get(url + "/" + created.getString("id")).then().statusCode(200).body("status", equalTo("READY"))
                .body("events.size()", equalTo(0)).body("url", equalTo(null));
    }

    @Test
    void mcpToolsListCreateSaveAndReadTheDesignSystem() {
        TestData.Team t = data.team();
        String token = tokens.create(t.member().id, "agent", null, null).value();
        String session = Mcp.initialize(token);
        String created = Mcp.callTool(token, session, "create_page", "{\"project\":\"" + t.slug() + "\",\"name\":\"Home\",\"path\":\"/\","
                + "\"html\":\"<button class='btn'>Go</button>\",\"css\":\".btn { color: #123456 }\"}").then().statusCode(200).extract().asString();
        assertTrue(created.contains("\\\"path\\\":\\\"/\\\"") || created.contains("\"path\":\"/\""), created);
        String pageId = Api.as(t.viewer()).get("/api/v1/projects/" + t.slug() + "/pages").then().extract().path("[0].id");
        String saved = Mcp.callTool(token, session, "save_mockup", "{\"project\":\"" + t.slug() + "\",\"pageId\":\"" + pageId
                + "\",\"html\":\"<nav>x</nav>\",\"basedOnVersion\":1}").then().statusCode(200).extract().asString();
        assertTrue(saved.contains("nav"), saved);
        Api.as(t.viewer()).get("/api/v1/projects/" + t.slug() + "/pages/" + pageId + "/mockups/2").then().body("changedBy", equalTo("ai"));
        // Without basedOnVersion the mockup goes on top of the current one, as the tool's description says.
        Mcp.callTool(token, session, "save_mockup", "{\"project\":\"" + t.slug() + "\",\"pageId\":\"" + pageId
                + "\",\"html\":\"<nav>y</nav>\"}").then().statusCode(200).body("result.isError", equalTo(false));
        Api.as(t.viewer()).get("/api/v1/projects/" + t.slug() + "/pages/" + pageId + "/mockups/3").then().statusCode(200).body("changedBy", equalTo("ai"));
        String listed = Mcp.callTool(token, session, "list_pages", "{\"project\":\"" + t.slug() + "\"}").then().statusCode(200).extract().asString();
        assertTrue(listed.contains("Home"), listed);
        String ds = Mcp.callTool(token, session, "get_design_system", "{\"project\":\"" + t.slug() + "\"}").then().statusCode(200).extract().asString();
        assertTrue(ds.contains("generationMethod"), ds);
    }
}
