package dev.specboard.project;

import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class SettingsResourceTest {

    @Inject
    TestData data;

    private static RequestSpecification settings(RequestSpecification spec, String name, String color, String version) {
        return spec.contentType("application/x-www-form-urlencoded")
                .formParam("name", name).formParam("type", "api").formParam("framework", "Quarkus")
                .formParam("description", "d").formParam("visionStatement", "v").formParam("targetFeeling", "bold")
                .formParam("referenceApps", "A, B").formParam("icon", "").formParam("color", color).formParam("version", version);
    }

    private static String version(Document d) {
        return d.getElementById("f-version").val();
    }

    @Test
    void ownerEditsBasicsAndVision() {
        TestData.Team t = data.team();
        Document d = Web.html(Web.as(t.owner()).get("/projects/" + t.slug() + "/settings").then().statusCode(200)
                .header("Vary", "HX-Request").extract().response());
        assertEquals(t.project().name, d.getElementById("f-name").val());
        settings(Web.as(t.owner()), "Renamed", "#123456", version(d)).formParam("slug", t.slug())
                .post("/projects/" + t.slug() + "/settings").then().statusCode(303);
        Document after = Web.html(Web.as(t.owner()).get("/projects/" + t.slug() + "/settings"));
        assertEquals("Renamed", after.getElementById("f-name").val());
        assertEquals("#123456", after.getElementById("f-color").val());
        assertEquals("A, B", after.getElementById("f-referenceApps").val());
    }

    @Test
    void nonOwnersGetAReadable403() {
        TestData.Team t = data.team();
        for (var member : java.util.List.of(t.lead(), t.viewer())) {
            Response r = Web.as(member).get("/projects/" + t.slug() + "/settings");
            assertEquals(403, r.statusCode());
            Document d = Web.html(r);
            assertTrue(d.getElementById("error-message").text().contains("owner"));
            assertNotNull(d.selectFirst("header.topbar"), "the 403 is a full page with the layout");
        }
        Web.as(t.lead()).contentType("application/x-www-form-urlencoded").formParam("name", "x")
                .post("/projects/" + t.slug() + "/settings").then().statusCode(403);
    }

    @Test
    void invalidSettingsAnswer422WithValuesKept() {
        TestData.Team t = data.team();
        Document d = Web.html(Web.as(t.owner()).get("/projects/" + t.slug() + "/settings"));
        Response r = settings(Web.as(t.owner()), "", "blue", version(d)).formParam("slug", t.slug()).post("/projects/" + t.slug() + "/settings");
        assertEquals(422, r.statusCode());
        Document e = Web.html(r);
        assertEquals("blue", e.getElementById("f-color").val());
        assertFalse(e.getElementById("e-name").text().isBlank());
        assertFalse(e.getElementById("e-color").text().isBlank());
    }

    @Test
    void aStaleSaveAnswers409ShowingBothValues() {
        TestData.Team t = data.team();
        String path = "/projects/" + t.slug() + "/settings";
        String loaded = version(Web.html(Web.as(t.owner()).get(path)));
        settings(Web.as(t.owner()), "First save", "#111111", loaded).formParam("slug", t.slug()).post(path).then().statusCode(303);
        Response r = settings(Web.as(t.owner()), "Second save", "#222222", loaded).formParam("slug", t.slug()).post(path);
        assertEquals(409, r.statusCode());
        Document d = Web.html(r);
        assertEquals("Second save", d.getElementById("f-name").val(), "your values stay in the form");
        assertEquals("Second save", d.select("#cmp-name .mine").text());
        assertEquals("First save", d.select("#cmp-name .theirs").text());
        assertEquals("#111111", d.select("#cmp-color .theirs").text());
        assertTrue(Integer.parseInt(version(d)) > Integer.parseInt(loaded));
        settings(Web.as(t.owner()), "Second save", "#222222", version(d)).formParam("slug", t.slug()).post(path).then().statusCode(303);
        assertEquals("Second save", Web.html(Web.as(t.owner()).get(path)).getElementById("f-name").val());
    }

    @Test
    void archivedProjectsAreReadOnlyUntilUnarchived() {
        TestData.Team t = data.team();
        String base = "/projects/" + t.slug();
        Web.as(t.owner()).contentType("application/x-www-form-urlencoded").post(base + "/settings/archive").then().statusCode(303);
        Document overview = Web.html(Web.as(t.viewer()).get(base));
        assertTrue(overview.text().contains("archived"));
        Document s = Web.html(Web.as(t.owner()).get(base + "/settings"));
        assertNotNull(s.getElementById("unarchive-form"));
        Response refused = settings(Web.as(t.owner()), "Nope", "", "1").formParam("slug", t.slug()).post(base + "/settings");
        assertEquals(409, refused.statusCode());
        assertTrue(Web.html(refused).getElementById("error-message").text().contains("archived"));
        Web.as(t.owner()).contentType("application/x-www-form-urlencoded").formParam("who", t.outsider().username).formParam("role", "viewer")
                .post(base + "/members").then().statusCode(409);
        Web.as(t.owner()).contentType("application/x-www-form-urlencoded").post(base + "/settings/unarchive").then().statusCode(303);
        assertNotNull(Web.html(Web.as(t.owner()).get(base + "/settings")).getElementById("settings-form"));
    }

    /** Post/Redirect/Get: archiving and unarchiving answer 303 to the settings page, whose next GET shows the flash; a reload re-posts nothing. */
    @Test
    void archiveAndUnarchiveRedirectToSettingsWithAFlash() {
        TestData.Team t = data.team();
        String base = "/projects/" + t.slug();
        String owner = Web.sessionCookie(t.owner());
        Response archived = Web.as(owner).contentType("application/x-www-form-urlencoded").post(base + "/settings/archive");
        assertEquals(303, archived.statusCode(), archived.asString());
        assertTrue(archived.getHeader("Location").endsWith(base + "/settings"), archived.getHeader("Location"));
        Document next = Web.html(Web.as(owner).cookie("sb_flash", archived.getCookie("sb_flash")).get(base + "/settings"));
        assertEquals("Project archived: it is now read-only.", next.select("#flash .flash").text());
        assertNotNull(next.getElementById("unarchive-form"));

        Response unarchived = Web.as(owner).contentType("application/x-www-form-urlencoded").post(base + "/settings/unarchive");
        assertEquals(303, unarchived.statusCode(), unarchived.asString());
        assertTrue(unarchived.getHeader("Location").endsWith(base + "/settings"), unarchived.getHeader("Location"));
        next = Web.html(Web.as(owner).cookie("sb_flash", unarchived.getCookie("sb_flash")).get(base + "/settings"));
        assertEquals("Project unarchived: it can be changed again.", next.select("#flash .flash").text());
        assertNotNull(next.getElementById("archive-form"));

        // From htmx (the archive form's hx-post): the page moves with HX-Redirect, a GET, never a page answered to the POST.
        Response fromHtmx = Web.htmx(Web.as(owner)).contentType("application/x-www-form-urlencoded").post(base + "/settings/archive");
        assertEquals(base + "/settings", fromHtmx.getHeader("HX-Redirect"));
        assertEquals("", fromHtmx.asString(), "no page in the answer to the POST");
        assertEquals("Project archived: it is now read-only.",
                Web.html(Web.as(owner).cookie("sb_flash", fromHtmx.getCookie("sb_flash")).get(base + "/settings")).select("#flash .flash").text());
    }
}
