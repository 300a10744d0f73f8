package dev.specboard.architecture;

import dev.specboard.story.Story;
import dev.specboard.story.StoryForm;
import dev.specboard.story.StoryService;
import dev.specboard.project.Access;
import dev.specboard.project.Project;
import dev.specboard.kernel.Role;
import dev.specboard.support.SqlCounter;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class ContextResourceTest {

    @Inject
    TestData data;

    @Inject
    StoryService stories;

    @Inject
    ContextService contexts;

    static Access as(TestData.Team t, Role r) {
        return new Access(t.project(), r, t.as(r).id);
    }

    @Transactional
    boolean mappingApproved(UUID projectId) {
        return Project.<Project>findById(projectId).contextMappingApproved;
    }

    Story readyStory(TestData.Team t, String title) {
        Story s = stories.create(as(t, Role.MEMBER), new StoryForm(title, "d", null, null));
        stories.submit(as(t, Role.MEMBER), s.number);
        return stories.approve(as(t, Role.LEAD), s.number, null);
    }

    @Test
    void contextMappingApprovedTurnsOnAndOff() {
        TestData.Team t = data.team();
        UUID pid = t.project().id;
        Story s = readyStory(t, "Checkout");
        assertFalse(mappingApproved(pid), "no contexts yet");
        BoundedContext c = contexts.create(as(t, Role.MEMBER), new ContextForm("Orders", "domain", "Orders", "", null));
        contexts.addStory(as(t, Role.MEMBER), c.id, s.number);
        assertFalse(mappingApproved(pid), "the context is not approved");
        contexts.approve(as(t, Role.LEAD), c.id, null);
        assertTrue(mappingApproved(pid));

        Story other = readyStory(t, "Refunds");
        assertFalse(mappingApproved(pid), "a ready story belongs to no context");
        contexts.addStory(as(t, Role.MEMBER), c.id, other.number);
        assertTrue(mappingApproved(pid));

        contexts.update(as(t, Role.MEMBER), c.id, new ContextForm("Orders", "domain", "Orders and refunds", "", 1));
        assertFalse(mappingApproved(pid), "editing a context resets its approval");
        contexts.approve(as(t, Role.LEAD), c.id, null);
        assertTrue(mappingApproved(pid));

        contexts.removeStory(as(t, Role.MEMBER), c.id, other.number);
        assertFalse(mappingApproved(pid));
        contexts.addStory(as(t, Role.MEMBER), c.id, other.number);
        assertTrue(mappingApproved(pid));

        // Editing an approved story makes its context dirty and unapproved.
        stories.update(as(t, Role.MEMBER), s.number, new StoryForm("Checkout fast", "d", null, 1));
        assertFalse(mappingApproved(pid));
        Document d = Web.html(Web.as(t.viewer()).get("/projects/" + t.slug() + "/contexts/" + c.id));
        assertNotNull(d.getElementById("context-dirty"));
        assertEquals("/projects/" + t.slug() + "/stories/" + s.number + "/diff?from=1&to=2", d.select("#what-changed a").attr("href"));
        stories.approve(as(t, Role.LEAD), s.number, null);
        contexts.approve(as(t, Role.LEAD), c.id, null);
        assertTrue(mappingApproved(pid));
    }

    @Test
    void contextFormsAndApprovalByRole() {
        TestData.Team t = data.team();
        String base = "/projects/" + t.slug() + "/contexts";
        Response bad = Web.as(t.member()).contentType("application/x-www-form-urlencoded").formParam("name", "Billing")
                .formParam("type", "other").formParam("purpose", "").post(base);
        assertEquals(422, bad.statusCode());
        Document d = Web.html(bad);
        assertEquals("Billing", d.getElementById("f-name").val());
        assertFalse(d.getElementById("e-type").text().isBlank());
        assertFalse(d.getElementById("e-purpose").text().isBlank());
        Web.as(t.viewer()).contentType("application/x-www-form-urlencoded").formParam("name", "X").formParam("type", "domain")
                .formParam("purpose", "p").post(base).then().statusCode(403);
        Response ok = Web.as(t.member()).contentType("application/x-www-form-urlencoded").formParam("name", "Billing")
                .formParam("type", "domain").formParam("purpose", "Money").post(base);
        assertEquals(303, ok.statusCode());
        String url = ok.getHeader("Location").replaceFirst("^https?://[^/]+", "");
        Web.as(t.member()).post(url + "/approve").then().statusCode(403);
        Web.as(t.outsider()).get(url).then().statusCode(404);
        Web.as(t.lead()).post(url + "/approve").then().statusCode(303);
        assertNotNull(Web.html(Web.as(t.viewer()).get(url)).getElementById("context-approved"));
        Web.as(t.lead()).post(url + "/approve").then().statusCode(409);
    }

    @Test
    void contextPageAddsStoriesWithHtmx() {
        TestData.Team t = data.team();
        Story s = stories.create(as(t, Role.MEMBER), new StoryForm("Add me", "d", null, null));
        BoundedContext c = contexts.create(as(t, Role.MEMBER), new ContextForm("Search", "coordination", "Find", "", null));
        String url = "/projects/" + t.slug() + "/contexts/" + c.id;
        Document frag = Web.html(Web.htmx(Web.as(t.member())).contentType("application/x-www-form-urlencoded")
                .formParam("storyNumber", s.number).post(url + "/stories").then().statusCode(200).extract().response());
        assertNotNull(frag.getElementById("context-story-" + s.number));
        assertNull(frag.getElementById("context-name"));
        Document after = Web.html(Web.htmx(Web.as(t.member())).post(url + "/stories/" + s.number + "/remove"));
        assertNull(after.getElementById("context-story-" + s.number));
        Response none = Web.htmx(Web.as(t.member())).contentType("application/x-www-form-urlencoded").formParam("other", "x").post(url + "/stories");
        assertEquals(422, none.statusCode());
    }

    @Test
    void contextMapHighlightsReadyStoriesWithoutContext() {
        TestData.Team t = data.team();
        Story s = readyStory(t, "Lonely");
        contexts.create(as(t, Role.MEMBER), new ContextForm("Accounts", "domain", "People", "", null));
        Document d = Web.html(Web.as(t.viewer()).get("/projects/" + t.slug() + "/context-map").then().statusCode(200).extract().response());
        assertNotNull(d.getElementById("uncovered-" + s.number));
        assertNotNull(d.getElementById("mapping-not-approved"));
        assertEquals(2, d.select("#mapping-reasons li").size());
    }

    @Test
    void contextMapStatementCountIsConstantFrom20To200Stories() {
        TestData.Team small = data.team();
        TestData.Team large = data.team();
        fill(small, 20);
        fill(large, 200);
        Web.as(small.viewer()).get("/projects/" + small.slug() + "/context-map").then().statusCode(200);
        long few = SqlCounter.count(() -> Web.as(small.viewer()).get("/projects/" + small.slug() + "/context-map").then().statusCode(200));
        long many = SqlCounter.count(() -> Web.as(large.viewer()).get("/projects/" + large.slug() + "/context-map").then().statusCode(200));
        assertEquals(few, many);
        long listFew = SqlCounter.count(() -> Web.as(small.viewer()).get("/projects/" + small.slug() + "/contexts").then().statusCode(200));
        long listMany = SqlCounter.count(() -> Web.as(large.viewer()).get("/projects/" + large.slug() + "/contexts").then().statusCode(200));
        assertEquals(listFew, listMany);
    }

    void fill(TestData.Team t, int n) {
        int contextsWanted = Math.max(2, n / 10);
        UUID[] ids = new UUID[contextsWanted];
        for (int i = 0; i < contextsWanted; i++) {
            ids[i] = contexts.create(as(t, Role.MEMBER), new ContextForm("C" + i, "domain", "p", "", null)).id;
        }
        for (int i = 0; i < n; i++) {
            Story s = stories.create(as(t, Role.MEMBER), new StoryForm("S" + i, "d", null, null));
            if (i % 3 == 0) {
                contexts.addStory(as(t, Role.MEMBER), ids[i % contextsWanted], s.number);
            }
        }
    }

    @Test
    void htmxApprovalAnswersTheApprovalPanelWithAnOutOfBandFlash() {
        TestData.Team t = data.team();
        BoundedContext c = contexts.create(as(t, Role.MEMBER), new ContextForm("Ledger", "domain", "Money", "", null));
        String url = "/projects/" + t.slug() + "/contexts/" + c.id;
        Response r = Web.htmx(Web.as(t.lead())).post(url + "/approve");
        assertEquals(200, r.statusCode());
        assertFalse(r.asString().contains("<html"), "a fragment, not a page");
        Document d = Web.html(r);
        assertNotNull(d.getElementById("approval"));
        assertNotNull(d.getElementById("context-approved"));
        assertNull(d.getElementById("approve-context"), "nothing left to approve");
        assertTrue(d.getElementById("flash").hasAttr("hx-swap-oob"));
        assertEquals("The context Ledger is approved.", d.getElementById("flash").text());
        assertNotNull(Web.html(Web.as(t.viewer()).get(url)).getElementById("context-approved"));
    }
}
