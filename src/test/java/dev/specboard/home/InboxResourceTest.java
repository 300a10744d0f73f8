package dev.specboard.home;

import dev.specboard.architecture.ContextForm;
import dev.specboard.architecture.ContextService;
import dev.specboard.story.ExecutiveSummaryService;
import dev.specboard.story.Story;
import dev.specboard.story.StoryForm;
import dev.specboard.story.StoryService;
import dev.specboard.notification.Notification;
import dev.specboard.project.Access;
import dev.specboard.project.MemberService;
import dev.specboard.project.Membership;
import dev.specboard.kernel.Role;
import dev.specboard.support.SqlCounter;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class InboxResourceTest {

    @Inject
    TestData data;

    @Inject
    StoryService stories;

    @Inject
    ContextService contexts;

    @Inject
    ExecutiveSummaryService summaries;

    @Inject
    MemberService members;

    static Access as(TestData.Team t, Role r) {
        return new Access(t.project(), r, t.as(r).id);
    }

    @Test
    void inboxListsWhatWaitsForEachPerson() {
        TestData.Team t = data.team();
        Story s = stories.create(as(t, Role.MEMBER), new StoryForm("Review me", "d", null, null));
        stories.submit(as(t, Role.MEMBER), s.number);
        Story mine = stories.create(as(t, Role.LEAD), new StoryForm("Lead's own", "d", null, null));
        stories.submit(as(t, Role.LEAD), mine.number);
        Story back = stories.create(as(t, Role.MEMBER), new StoryForm("Send back", "d", null, null));
        stories.submit(as(t, Role.MEMBER), back.number);
        stories.requestChanges(as(t, Role.LEAD), back.number, "Shorter **please**", null);
        contexts.create(as(t, Role.MEMBER), new ContextForm("Ctx", "domain", "p", "", null));
        summaries.edit(as(t, Role.MEMBER), "We build things", 0);

        Document lead = Web.html(Web.as(t.lead()).get("/inbox").then().statusCode(200).extract().response());
        assertNotNull(lead.getElementById("inbox-story-" + t.slug() + "-US-" + s.number));
        assertNull(lead.getElementById("inbox-story-" + t.slug() + "-US-" + mine.number), "another lead approves the lead's own story");
        assertNotNull(lead.getElementById("inbox-summary-" + t.slug() + "-summary"));
        assertEquals(1, lead.select("li[id^=inbox-context-]").size());
        assertEquals("3", Web.html(Web.as(t.lead()).get("/inbox/count")).select("#inbox-count .badge").text());

        Document owner = Web.html(Web.as(t.owner()).get("/inbox"));
        assertNotNull(owner.getElementById("inbox-story-" + t.slug() + "-US-" + mine.number));

        // The start page lists the same decisions first.
        Document home = Web.html(Web.as(t.lead()).get("/"));
        assertTrue(home.getElementById("waiting").text().contains("Review me"));

        Document member = Web.html(Web.as(t.member()).get("/inbox"));
        assertNotNull(member.getElementById("inbox-sent-back-" + t.slug() + "-US-" + back.number));
        assertEquals("Shorter please", member.select("#inbox-sent-back-" + t.slug() + "-US-" + back.number + " .review-comment").text());
        assertEquals("please", member.select("#inbox-sent-back-" + t.slug() + "-US-" + back.number + " .review-comment strong").text(),
                "a change request is markdown, rendered");
        assertEquals(1, member.select("#inbox-items > li").size());
        Document viewer = Web.html(Web.as(t.viewer()).get("/inbox"));
        assertNotNull(viewer.getElementById("inbox-empty"));
        assertEquals("", Web.html(Web.as(t.viewer()).get("/inbox/count")).select("#inbox-count").text());
    }

    @Test
    void removedAuthorGetsNoStoryDecisionsAndNoSentBackItems() {
        TestData.Team t = data.team();
        Story before = stories.create(as(t, Role.MEMBER), new StoryForm("Sent back while a member", "d", null, null));
        stories.submit(as(t, Role.MEMBER), before.number);
        stories.requestChanges(as(t, Role.LEAD), before.number, "more", null);
        Story after = stories.create(as(t, Role.MEMBER), new StoryForm("Decided after removal", "d", null, null));
        stories.submit(as(t, Role.MEMBER), after.number);
        Story approved = stories.create(as(t, Role.MEMBER), new StoryForm("Approved after removal", "d", null, null));
        stories.submit(as(t, Role.MEMBER), approved.number);
        long heard = Notification.count("userId = ?1 and projectId = ?2", t.member().id, t.project().id);

        members.remove(as(t, Role.OWNER), Membership.find(t.project(), t.member().id).orElseThrow().id);
        stories.requestChanges(as(t, Role.LEAD), after.number, "again", null);
        stories.approve(as(t, Role.LEAD), approved.number, null);

        assertEquals(heard, Notification.count("userId = ?1 and projectId = ?2", t.member().id, t.project().id),
                "a removed author hears nothing of the project's decisions");
        Document inbox = Web.html(Web.as(t.member()).get("/inbox").then().statusCode(200).extract().response());
        assertNotNull(inbox.getElementById("inbox-empty"), "nothing sent back in a project the author left");
        assertEquals("", Web.html(Web.as(t.member()).get("/inbox/count")).select("#inbox-count").text());
    }

    @Test
    void inboxLinksToWhatChangedSinceTheLastDecision() {
        TestData.Team t = data.team();
        Story s = stories.create(as(t, Role.MEMBER), new StoryForm("Again", "first", null, null));
        stories.submit(as(t, Role.MEMBER), s.number);
        stories.requestChanges(as(t, Role.LEAD), s.number, "more", null);
        stories.update(as(t, Role.MEMBER), s.number, new StoryForm("Again", "second", null, 1));
        stories.submit(as(t, Role.MEMBER), s.number);
        Document lead = Web.html(Web.as(t.lead()).get("/inbox"));
        assertEquals("/projects/" + t.slug() + "/stories/" + s.number + "/diff?from=1&to=2",
                lead.select("#inbox-story-" + t.slug() + "-US-" + s.number + " a.what-changed").attr("href"));
    }

    @Test
    void inboxStatementCountIsConstantFrom20To200Stories() {
        TestData.Team small = data.team();
        TestData.Team large = data.team();
        for (int i = 0; i < 20; i++) {
            Story s = stories.create(as(small, Role.MEMBER), new StoryForm("S" + i, "d", null, null));
            stories.submit(as(small, Role.MEMBER), s.number);
        }
        for (int i = 0; i < 200; i++) {
            Story s = stories.create(as(large, Role.MEMBER), new StoryForm("L" + i, "d", null, null));
            stories.submit(as(large, Role.MEMBER), s.number);
        }
        for (String page : java.util.List.of("/inbox", "/")) {
            Web.as(small.lead()).get(page).then().statusCode(200);
            long few = SqlCounter.count(() -> Web.as(small.lead()).get(page).then().statusCode(200));
            long many = SqlCounter.count(() -> Web.as(large.lead()).get(page).then().statusCode(200));
            assertEquals(few, many, page);
        }
    }

    /** The start page names what waits as the inbox does: a context or design doc by its name and version, not by its id. */
    @Test
    void theStartPageNamesWhatWaitsAsTheInboxDoes() {
        TestData.Team t = data.team();
        java.util.UUID ctx = contexts.create(as(t, Role.MEMBER), new ContextForm("Accounts", "domain", "p", "", null)).id;
        Story s = stories.create(as(t, Role.MEMBER), new StoryForm("Review me", "d", null, null));
        stories.submit(as(t, Role.MEMBER), s.number);
        Document inbox = Web.html(Web.as(t.lead()).get("/inbox"));
        Document home = Web.html(Web.as(t.lead()).get("/"));

        org.jsoup.nodes.Element context = home.getElementById("waiting-context-" + t.slug() + "-" + ctx);
        assertNotNull(context, home.select("#waiting").html());
        assertEquals("Context to approve", context.selectFirst(".badge").text());
        assertEquals("Accounts", context.selectFirst("a").text());
        assertFalse(context.text().contains(ctx.toString()), context.text());
        assertEquals(inbox.getElementById("inbox-context-" + t.slug() + "-" + ctx).selectFirst("p + p a").text(), context.selectFirst("a").text(),
                "the same words on both pages");
        assertTrue(context.text().contains("version 1"), context.text());
        org.jsoup.nodes.Element story = home.getElementById("waiting-story-" + t.slug() + "-US-" + s.number);
        assertEquals("US-" + s.number + " Review me", story.selectFirst("a").text());
    }
}
