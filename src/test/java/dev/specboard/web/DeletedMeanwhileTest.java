package dev.specboard.web;

import dev.specboard.architecture.ComponentForm;
import dev.specboard.architecture.ComponentService;
import dev.specboard.design.Page;
import dev.specboard.design.PageForm;
import dev.specboard.design.PageService;
import dev.specboard.kernel.Role;
import dev.specboard.project.Access;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Saving an edit form of something another user deleted meanwhile answers 404 with a page that says so and shows
 * the text the user typed, read-only, to copy (a plain 404 page lost it); someone outside the project still gets the
 * plain 404 of an unknown project, never the text or a hint of the thing.
 */
@QuarkusTest
class DeletedMeanwhileTest {

    @Inject
    TestData data;

    @Inject
    PageService pages;

    @Inject
    ComponentService components;

    @Test
    void aPageDeletedWhileItsFormWasOpenShowsTheTypedText() {
        TestData.Team t = data.team();
        Page page = pages.create(new Access(t.project(), Role.OWNER, t.owner().id), new PageForm("Home", "/home", "", "page", "",
                "responsive", "", null, "", "", ""));
        pages.delete(new Access(t.project(), Role.LEAD, t.lead().id), page.id);
        String purpose = "Welcome visitors & show <b>what's new</b>\nsecond line";
        Response r = Web.as(t.member()).formParam("name", "Home page").formParam("path", "/home").formParam("type", "page")
                .formParam("purpose", purpose).formParam("version", "1")
                .post("/projects/" + t.slug() + "/pages/" + page.id);
        assertEquals(404, r.statusCode());
        Document html = Web.html(r);
        assertTrue(html.text().contains("deleted this while you were editing"), html.text());
        Element typed = typedField(html, "purpose");
        assertNotNull(typed, r.asString());
        assertTrue(typed.hasAttr("readonly"));
        assertEquals(purpose, typed.wholeText().replace("\r\n", "\n"));
        assertNotNull(html.selectFirst("label[for=" + typed.id() + "]"), "the textarea is labelled");
        assertEquals("Home page", typedField(html, "name").wholeText());
        assertTrue(html.select("textarea[name=typed-version], textarea[name=typed-csrf-token]").isEmpty(), "bookkeeping fields are not typed text");

        // Someone outside the project sees the answer of a project that does not exist: no typed text, no hint.
        Response outsider = Web.as(t.outsider()).formParam("name", "x").formParam("purpose", purpose)
                .post("/projects/" + t.slug() + "/pages/" + page.id);
        Response unknown = Web.as(t.outsider()).formParam("name", "x").formParam("purpose", purpose)
                .post("/projects/no-such-" + UUID.randomUUID() + "/pages/" + page.id);
        assertEquals(404, outsider.statusCode());
        assertEquals(unknown.statusCode(), outsider.statusCode());
        assertFalse(outsider.asString().contains("while you were editing"));
        assertTrue(Web.html(outsider).select("textarea").isEmpty());
    }

    @Test
    void aComponentAndItsDesignDocDeletedMeanwhileKeepTheTypedText() {
        TestData.Team t = data.team();
        UUID c = components.create(new Access(t.project(), Role.OWNER, t.owner().id),
                new ComponentForm("Ledger", "schema", "lib/ledger.ex", "", "", null)).id;
        components.delete(new Access(t.project(), Role.OWNER, t.owner().id), c);
        String base = "/projects/" + t.slug() + "/components/" + c;
        Response doc = Web.as(t.member()).formParam("content", "# Ledger\nKeeps every booking.").formParam("version", "0")
                .post(base + "/design-doc");
        assertEquals(404, doc.statusCode());
        assertEquals("# Ledger\nKeeps every booking.", typedField(Web.html(doc), "content").wholeText().replace("\r\n", "\n"));
        Response component = Web.as(t.member()).formParam("name", "Ledger").formParam("description", "Books money")
                .formParam("version", "1").post(base);
        assertEquals(404, component.statusCode());
        assertEquals("Books money", typedField(Web.html(component), "description").wholeText());
    }

    @Test
    void theApiStillAnswersItsJsonError() {
        TestData.Team t = data.team();
        Page page = pages.create(new Access(t.project(), Role.OWNER, t.owner().id), new PageForm("Home", "/home", "", "page", "",
                "responsive", "", null, "", "", ""));
        pages.delete(new Access(t.project(), Role.OWNER, t.owner().id), page.id);
        String token = io.quarkus.arc.Arc.container().instance(dev.specboard.account.ApiTokenService.class).get()
                .create(t.owner().id, "test", null, null).value();
        Response r = io.restassured.RestAssured.given().header("Authorization", "Bearer " + token).contentType("application/json")
                .body("{\"name\":\"Home page\"}").put("/api/v1/projects/" + t.slug() + "/pages/" + page.id);
        assertEquals(404, r.statusCode());
        assertTrue(r.contentType().startsWith("application/json"));
        assertNotNull(r.path("error"));
    }

    private static Element typedField(Document html, String name) {
        return html.selectFirst("textarea[name=typed-" + name + "]");
    }
}
