package dev.specboard.web;

import dev.specboard.account.CsrfTokens;
import dev.specboard.architecture.ComponentForm;
import dev.specboard.architecture.ComponentService;
import dev.specboard.design.PageForm;
import dev.specboard.design.PageService;
import dev.specboard.kernel.Role;
import dev.specboard.project.Access;
import dev.specboard.project.Membership;
import dev.specboard.story.StoryForm;
import dev.specboard.story.StoryService;
import dev.specboard.support.EditForms;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A member whose role is lowered while they type in an edit form opens it, the owner lowers their role, and they save:
 * the answer is still the policy's 403, and it shows the text they typed (escaped) in labelled read-only textareas to
 * copy, for a plain form and for htmx (whose answer goes to the flash area, leaving the form as it was). Anything else
 * wrong with such a request (a NUL, a CSRF token of another login) is still answered with the plain 403, and someone
 * taken out of the project gets the plain 404, never their text.
 */
@QuarkusTest
class RoleLoweredTest {

    private static final String SAID = "Your role in this project no longer allows editing. Your text is kept below so you can copy it.";
    private static final String TYPED = "Keep <b>this</b> & \"that\"\nsecond line";

    @Inject
    TestData data;

    @Inject
    StoryService stories;

    @Inject
    ComponentService components;

    @Inject
    PageService pages;

    @Test
    void aStoryEditSavedAfterTheMemberWasMadeAViewerKeepsTheTypedText() {
        TestData.Team t = data.team();
        int n = stories.create(owner(t), new StoryForm("Sign in", "As a user I want to sign in", null, null)).number;
        String action = "/projects/" + t.slug() + "/stories/" + n;
        String login = Web.sessionCookie(t.member());
        Map<String, String> form = EditForms.formOf(Web.as(login).get(action + "/edit"), action);
        lower(t, Role.VIEWER);
        form.put("description", TYPED);
        assertKept(EditForms.plain(login, form).post(action), "description");
    }

    @Test
    void aDesignDocSavedAfterTheMemberWasMadeAReviewerKeepsTheTypedTextOverHtmxToo() {
        TestData.Team t = data.team();
        UUID c = components.create(owner(t), new ComponentForm("Ledger", "schema", "lib/ledger.ex", "", "", null)).id;
        String action = "/projects/" + t.slug() + "/components/" + c + "/design-doc";
        String login = Web.sessionCookie(t.member());
        Map<String, String> form = EditForms.formOf(Web.as(login).get(action + "/edit"), action);
        lower(t, Role.REVIEWER);
        form.put("content", TYPED);
        assertKept(EditForms.plain(login, form).post(action), "content");
        Response htmx = Web.htmx(Web.as(login)).formParams(form).post(action);
        assertKept(htmx, "content");
        assertEquals("#flash", htmx.header("HX-Retarget"), "shown in the flash area: the form stays as it was");
        assertEquals("innerHTML", htmx.header("HX-Reswap"));
        assertFalse(htmx.asString().contains("<html"), "a fragment for htmx");
    }

    @Test
    void aMockupSavedAfterTheMemberWasMadeAViewerKeepsTheHtmlByFormAndByHtmx() {
        TestData.Team t = data.team();
        UUID page = pages.create(owner(t), new PageForm("Home", "/home", "", "page", "", "responsive", "", null, "", "", "")).id;
        String base = "/projects/" + t.slug() + "/pages/" + page;
        String login = Web.sessionCookie(t.member());
        Map<String, String> form = EditForms.formOf(Web.as(login).get(base), base + "/mockups");
        lower(t, Role.VIEWER);
        form.put("html", "<main><h1>Welcome & hello</h1><script>alert(1)</script></main>");
        Response r = EditForms.plain(login, form).post(base + "/mockups");
        assertKept(r, "html", "<main><h1>Welcome & hello</h1><script>alert(1)</script></main>");
        assertFalse(r.asString().contains("<script>alert(1)"), "the typed HTML is escaped");
        Response htmx = Web.htmx(Web.as(login)).formParams(form).post(base + "/mockups");
        assertKept(htmx, "html", "<main><h1>Welcome & hello</h1><script>alert(1)</script></main>");
        assertEquals("#flash", htmx.header("HX-Retarget"));
    }

    @Test
    void anythingElseWrongIsAnsweredWithThePlain403AndANonMemberWithThePlain404() {
        TestData.Team t = data.team();
        int n = stories.create(owner(t), new StoryForm("Sign in", "As a user I want to sign in", null, null)).number;
        String action = "/projects/" + t.slug() + "/stories/" + n;
        String login = Web.sessionCookie(t.member());
        Map<String, String> form = EditForms.formOf(Web.as(login).get(action + "/edit"), action);
        lower(t, Role.VIEWER);
        form.put("description", TYPED);

        // The CSRF token of another login: the policy's 403 as before, never the text.
        Map<String, String> forged = new LinkedHashMap<>(form);
        forged.put(CsrfTokens.FIELD, Web.csrfToken(Web.sessionCookie(t.member())));
        assertPlain(EditForms.plain(login, forged).post(action), 403);
        // A NUL character: the policy answers first (403), not the 422 of the NUL.
        Map<String, String> nul = new LinkedHashMap<>(form);
        nul.put("description", "a\u0000b " + TYPED);
        assertPlain(EditForms.plain(login, nul).post(action), 403);
        // Taken out of the project while typing: the 404 of a project that does not exist, without the text.
        Web.as(t.owner()).post("/projects/" + t.slug() + "/members/" + membership(t).id + "/remove").then().statusCode(303);
        Response gone = EditForms.plain(login, form).post(action);
        assertPlain(gone, 404);
        Response unknown = EditForms.plain(login, form).post("/projects/no-such-" + UUID.randomUUID() + "/stories/" + n);
        assertEquals(Web.html(unknown).select("main").text(), Web.html(gone).select("main").text());
    }

    private static void assertKept(Response r, String field) {
        assertKept(r, field, TYPED);
    }

    private static void assertKept(Response r, String field, String typed) {
        EditForms.assertKept(r, 403, SAID, field, typed);
    }

    private static void assertPlain(Response r, int status) {
        EditForms.assertPlain(r, status, "second line");
    }

    /** The owner lowers the member's role on the members page, as they would while the member types. */
    private static void lower(TestData.Team t, Role role) {
        Web.as(t.owner()).formParam("role", role.value()).post("/projects/" + t.slug() + "/members/" + membership(t).id + "/role")
                .then().statusCode(303);
    }

    private static Membership membership(TestData.Team t) {
        return QuarkusTransaction.requiringNew().call(() -> Membership.find(t.project(), t.member().id).orElseThrow());
    }

    private static Access owner(TestData.Team t) {
        return new Access(t.project(), Role.OWNER, t.owner().id);
    }
}
