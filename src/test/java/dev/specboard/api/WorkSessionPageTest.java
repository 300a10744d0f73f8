package dev.specboard.api;

import dev.specboard.architecture.ComponentForm;
import dev.specboard.architecture.ComponentService;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The work sessions page as a person uses it: where its row actions lead back to, who is offered what, and refusals that keep what was typed. */
@QuarkusTest
class WorkSessionPageTest {

    static final String FORM = "application/x-www-form-urlencoded";

    @Inject
    TestData data;

    @Inject
    ComponentService components;

    private static String api(TestData.Team t) {
        return "/api/v1/projects/" + t.slug() + "/work-sessions";
    }

    private static String page(TestData.Team t) {
        return "/projects/" + t.slug() + "/work-sessions";
    }

    static String started(TestData.Team t, String type, String targetType, String targetId) {
        Map<String, String> body = targetId == null ? Map.of("sessionType", type, "targetType", targetType)
                : Map.of("sessionType", type, "targetType", targetType, "targetId", targetId);
        return Api.as(t.owner()).body(body).post(api(t)).then().statusCode(201).extract().path("id");
    }

    /** A project session's row actions sent "back" to /components/{projectId}, a 404; a tampered value never leads elsewhere. */
    @Test
    void rowActionsLeadBackToAPageThatExists() {
        TestData.Team t = data.team();
        String project = started(t, "setup", "project", null);
        Response claimed = Web.as(t.member()).contentType(FORM).formParam("back", t.project().id.toString())
                .post(page(t) + "/" + project + "/claim");
        assertEquals(303, claimed.statusCode());
        assertTrue(claimed.header("Location").endsWith(page(t)), claimed.header("Location"));
        Response released = Web.as(t.member()).contentType(FORM).formParam("back", "https://evil.example/")
                .post(page(t) + "/" + project + "/release");
        assertEquals(303, released.statusCode());
        assertTrue(released.header("Location").endsWith(page(t)), released.header("Location"));

        UUID c = components.create(new dev.specboard.project.Access(t.project(), dev.specboard.kernel.Role.OWNER, t.owner().id),
                new ComponentForm("Search", "schema", "lib/app/search.ex", "", "", null)).id;
        String onComponent = started(t, "test", "component", c.toString());
        Response fromComponent = Web.as(t.member()).contentType(FORM).formParam("back", "//evil.example/")
                .post(page(t) + "/" + onComponent + "/claim");
        assertEquals(303, fromComponent.statusCode());
        assertTrue(fromComponent.header("Location").endsWith("/projects/" + t.slug() + "/components/" + c + "#sessions"),
                fromComponent.header("Location"));
        Web.as(t.member()).get(fromComponent.header("Location").replaceFirst("#.*", "")).then().statusCode(200);
    }

    /**
     * A member who had not claimed a session was offered Finish; Complete then answered a bare 409 page and the note was
     * lost. Now only the claimer and leads are offered it, and a refusal on a stale page keeps the note and says who holds it.
     */
    @Test
    void onlyTheClaimerOrALeadIsOfferedFinishAndARefusalKeepsTheNote() {
        TestData.Team t = data.team();
        String id = started(t, "setup", "project", null);
        Api.as(t.member()).post(api(t) + "/" + id + "/claim").then().statusCode(200);
        dev.specboard.account.Account dan = data.account("dan");
        data.addMember(t.project(), dan, dev.specboard.kernel.Role.MEMBER);
        String complete = "form[action=\"" + page(t) + "/" + id + "/complete\"]";
        assertNotNull(Web.html(Web.as(t.member()).get(page(t))).selectFirst(complete), "the claimer is offered Finish");
        assertNotNull(Web.html(Web.as(t.lead()).get(page(t))).selectFirst(complete), "a lead is offered Finish");
        assertNull(Web.html(Web.as(dan).get(page(t))).selectFirst(complete), "another member would be refused");
        assertNull(Web.html(Web.as(dan).get(page(t))).selectFirst("#session-" + id + " details.finish"));

        // The page was stale: dan's Complete is refused with why, his note kept.
        Response refused = Web.as(dan).contentType(FORM).formParam("note", "All done by dan").formParam("back", "")
                .post(page(t) + "/" + id + "/complete");
        assertEquals(409, refused.statusCode());
        Document list = Web.html(refused);
        assertEquals("Not completed: This session was claimed by someone else; only they or a lead can finish it.",
                list.selectFirst("#finish-error p").text());
        assertEquals("All done by dan", list.getElementById("kept-note").wholeText());
        assertNotNull(list.getElementById("session-" + id), "the list is shown");

        // Claiming it says who holds it, over the web (the flash on the list) and the API.
        Response claim = Web.as(dan).contentType(FORM).formParam("back", "").post(page(t) + "/" + id + "/claim");
        assertEquals(303, claim.statusCode());
        assertTrue(claim.header("Location").endsWith(page(t)), claim.header("Location"));
        assertEquals("Not claimed: This session is already claimed by " + t.member().username + ".",
                java.net.URLDecoder.decode(claim.getCookie("sb_flash"), java.nio.charset.StandardCharsets.UTF_8));
        Api.as(dan).post(api(t) + "/" + id + "/claim").then().statusCode(409)
                .body("error", org.hamcrest.Matchers.equalTo("This session is already claimed by " + t.member().username + "."));
    }

    /**
     * Completing a design session with a new design doc text saved it over whatever was saved meanwhile, with no check: now
     * the form carries the version it showed and a stale one is 409 with both texts, the note and the new text kept.
     */
    @Test
    void aDesignDocSavedMeanwhileIsNotOverwrittenByACompletion() {
        TestData.Team t = data.team();
        UUID c = components.create(new dev.specboard.project.Access(t.project(), dev.specboard.kernel.Role.OWNER, t.owner().id),
                new ComponentForm("Cart", "schema", "lib/app/cart.ex", "", "", null)).id;
        String doc = "/api/v1/projects/" + t.slug() + "/components/" + c + "/design-doc";
        String id = started(t, "design", "component", c.toString());
        Api.as(t.member()).post(api(t) + "/" + id + "/claim").then().statusCode(200);
        Document shown = Web.html(Web.as(t.member()).get(page(t)));
        assertEquals("0", shown.select("#session-" + id + " input[name=designDocVersion]").val(), "the form says which version it showed");
        Api.as(t.lead()).body(Map.of("content", "The lead's design")).put(doc).then().statusCode(200);

        Response stale = Web.as(t.member()).contentType(FORM).formParam("note", "Designed the cart").formParam("designDoc", "My design")
                .formParam("designDocVersion", "0").formParam("back", "").post(page(t) + "/" + id + "/complete");
        assertEquals(409, stale.statusCode());
        Document refused = Web.html(stale);
        assertTrue(refused.selectFirst("#finish-error p").text().startsWith("Not completed: The design doc of Cart was changed by "),
                refused.selectFirst("#finish-error").text());
        assertEquals("The lead's design", refused.getElementById("saved-doc").wholeText(), "the version saved meanwhile is shown");
        assertEquals("My design", refused.getElementById("designDoc-" + id).wholeText(), "the new text is kept");
        assertEquals("Designed the cart", refused.getElementById("note-" + id).wholeText(), "the note is kept");
        assertEquals("1", refused.select("#session-" + id + " input[name=designDocVersion]").val());
        Api.as(t.viewer()).get(doc).then().body("content", org.hamcrest.Matchers.equalTo("The lead's design"));
        Api.as(t.viewer()).get(api(t) + "/" + id).then().body("status", org.hamcrest.Matchers.equalTo("in_progress"));

        // The API and its tool take the version too (optional, as before): stale is 409 with both versions.
        Api.as(t.member()).body(Map.of("note", "n", "designDoc", "Mine", "designDocVersion", 0)).post(api(t) + "/" + id + "/complete")
                .then().statusCode(409).body("details.currentVersion", org.hamcrest.Matchers.equalTo(1))
                .body("details.yourVersion", org.hamcrest.Matchers.equalTo(0));
        Web.as(t.member()).contentType(FORM).formParam("note", "Designed the cart").formParam("designDoc", "My design")
                .formParam("designDocVersion", "1").formParam("back", "").post(page(t) + "/" + id + "/complete").then().statusCode(303);
        Api.as(t.viewer()).get(doc).then().body("content", org.hamcrest.Matchers.equalTo("My design"));
    }
}
