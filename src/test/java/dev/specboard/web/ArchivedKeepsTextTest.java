package dev.specboard.web;

import dev.specboard.account.ApiTokenService;
import dev.specboard.account.CsrfTokens;
import dev.specboard.design.PageForm;
import dev.specboard.design.PageService;
import dev.specboard.kernel.Role;
import dev.specboard.project.Access;
import dev.specboard.story.StoryForm;
import dev.specboard.story.StoryService;
import dev.specboard.support.ApiPaths;
import dev.specboard.support.EditForms;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A member opens an edit form, the owner archives the project on its settings page, and the member saves: the answer
 * is still the archived project's 409, and it shows the text they typed (escaped) in labelled read-only textareas to
 * copy, for a plain form and for htmx (whose answer goes to the flash area, leaving the form as it was). Anything else
 * wrong with such a request (a NUL, a CSRF token of another login) is still answered with the plain 409, an outsider
 * gets the plain 404, and the API's save stays the JSON 409.
 */
@QuarkusTest
class ArchivedKeepsTextTest {

    private static final String SAID = "This project was archived while you typed: it takes no changes. Your text is kept below so you can copy it.";
    private static final String TYPED = "Keep <b>this</b> & \"that\"\nsecond line";

    @Inject
    TestData data;

    @Inject
    StoryService stories;

    @Inject
    PageService pages;

    @Inject
    ApiTokenService tokens;

    @Test
    void aStoryEditSavedAfterTheProjectWasArchivedKeepsTheTypedText() {
        TestData.Team t = data.team();
        int n = stories.create(owner(t), new StoryForm("Sign in", "As a user I want to sign in", null, null)).number;
        String action = "/projects/" + t.slug() + "/stories/" + n;
        String login = Web.sessionCookie(t.member());
        Map<String, String> form = EditForms.formOf(Web.as(login).get(action + "/edit"), action);
        archive(t);
        form.put("description", TYPED);
        assertKept(EditForms.plain(login, form).post(action), "description", TYPED);
        Response htmx = Web.htmx(Web.as(login)).formParams(form).post(action);
        assertKept(htmx, "description", TYPED);
        assertEquals("#flash", htmx.header("HX-Retarget"), "shown in the flash area: the form stays as it was");
        assertEquals("innerHTML", htmx.header("HX-Reswap"));
        assertFalse(htmx.asString().contains("<html"), "a fragment for htmx");
        assertEquals("As a user I want to sign in", stories.get(t.project().id, n).description, "nothing was saved");
    }

    @Test
    void aMockupSavedAfterTheProjectWasArchivedKeepsTheHtmlByFormAndByHtmx() {
        TestData.Team t = data.team();
        UUID page = pages.create(owner(t), new PageForm("Home", "/home", "", "page", "", "responsive", "", null, "", "", "")).id;
        String base = "/projects/" + t.slug() + "/pages/" + page;
        String login = Web.sessionCookie(t.member());
        Map<String, String> form = EditForms.formOf(Web.as(login).get(base), base + "/mockups");
        archive(t);
        String html = "<main><h1>Welcome & hello</h1><script>alert(1)</script></main>";
        form.put("html", html);
        Response r = EditForms.plain(login, form).post(base + "/mockups");
        assertKept(r, "html", html);
        assertFalse(r.asString().contains("<script>alert(1)"), "the typed HTML is escaped");
        Response htmx = Web.htmx(Web.as(login)).formParams(form).post(base + "/mockups");
        assertKept(htmx, "html", html);
        assertEquals("#flash", htmx.header("HX-Retarget"));
    }

    @Test
    void anythingElseWrongIsAnsweredWithThePlain409AnOutsiderWithThePlain404AndTheApiWithItsJson() {
        TestData.Team t = data.team();
        int n = stories.create(owner(t), new StoryForm("Sign in", "As a user I want to sign in", null, null)).number;
        String action = "/projects/" + t.slug() + "/stories/" + n;
        String login = Web.sessionCookie(t.member());
        Map<String, String> form = EditForms.formOf(Web.as(login).get(action + "/edit"), action);
        String token = tokens.create(t.member().id, "agent", null, null).value();
        archive(t);
        form.put("description", TYPED);

        // The CSRF token of another login: the archived project's 409 as before, never the text.
        Map<String, String> forged = new LinkedHashMap<>(form);
        forged.put(CsrfTokens.FIELD, Web.csrfToken(Web.sessionCookie(t.member())));
        assertPlain(EditForms.plain(login, forged).post(action), 409);
        // A NUL character: the policy answers first (409), not the 422 of the NUL.
        Map<String, String> nul = new LinkedHashMap<>(form);
        nul.put("description", "a\u0000b " + TYPED);
        assertPlain(EditForms.plain(login, nul).post(action), 409);
        // Someone outside the project: the 404 of a project that does not exist, without the text.
        Response outsider = Web.as(t.outsider()).formParams(form).post(action);
        assertPlain(outsider, 404);
        Response unknown = Web.as(t.outsider()).formParams(form).post("/projects/no-such-" + UUID.randomUUID() + "/stories/" + n);
        assertEquals(Web.html(unknown).select("main").text(), Web.html(outsider).select("main").text());
        // The API's save: its JSON 409, as before.
        Response api = RestAssured.given().auth().oauth2(token).contentType("application/json")
                .body("{\"description\":\"" + "Kept? second line" + "\",\"version\":1}").put(ApiPaths.project(t.slug(), "/stories/" + n));
        assertEquals(409, api.statusCode(), api.asString());
        assertTrue(api.contentType().startsWith("application/json"), api.contentType());
        assertEquals(Access.ARCHIVED_MESSAGE, api.jsonPath().getString("error"));
        assertEquals(Boolean.TRUE, api.jsonPath().get("details.archived"));
    }

    private static void assertKept(Response r, String field, String typed) {
        Document html = EditForms.assertKept(r, 409, SAID, field, typed);
        assertTrue(html.text().contains(Access.ARCHIVED_MESSAGE), "the policy's own words (how to unarchive) stay: " + html.text());
    }

    private static void assertPlain(Response r, int status) {
        EditForms.assertPlain(r, status, "second line");
    }

    /** The owner archives the project on its settings page, as they would while the member types. */
    private static void archive(TestData.Team t) {
        Web.as(t.owner()).formParam("x", "1").post("/projects/" + t.slug() + "/settings/archive").then().statusCode(303);
    }

    private static Access owner(TestData.Team t) {
        return new Access(t.project(), Role.OWNER, t.owner().id);
    }
}
