package dev.specboard.api;

import dev.specboard.notification.NotificationService;
import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.Mcp;
import dev.specboard.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.specboard.support.Mcp.answer;
import static dev.specboard.support.Mcp.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the design and inbox pages let people do, agents do through MCP: mockup feedback, a story drafted from a feature, notifications read. */
@QuarkusTest
class DesignToolsTest {

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    @Inject
    NotificationService notifications;

    @Test
    void aReviewerLeavesMockupFeedbackAndAMemberDraftsAStoryFromAFeature() {
        TestData.Team t = data.team();
        String api = "/api/v1/projects/" + t.slug();
        String page = fx.api(t.member()).body(Map.of("name", "Home", "path", "/", "html", "<main><h1>Welcome</h1></main>"))
                .post(api + "/pages").then().statusCode(201).extract().path("id");

        String reviewer = fx.token(t.reviewer());
        String reviewerSession = Mcp.initialize(reviewer);
        String noted = answer(reviewer, reviewerSession, "add_mockup_feedback", false, "project", t.slug(), "pageId", page, "version", 1,
                "text", "The welcome needs a call to action");
        assertTrue(noted.contains("The welcome needs a call to action"), noted);
        assertTrue(answer(reviewer, reviewerSession, "add_mockup_feedback", true, "project", t.slug(), "pageId", page, "version", 9,
                "text", "Lost").length() > 0, "a version the page does not have is refused");
        String viewer = fx.token(t.viewer());
        assertTrue(answer(viewer, Mcp.initialize(viewer), "add_mockup_feedback", true, "project", t.slug(), "pageId", page, "version", 1,
                "text", "Mine").contains("reviewer"), "the role needed is named");

        String feature = fx.api(t.member()).body(Map.of("name", "Wish list", "userDescription", "Shoppers keep products for later"))
                .post(api + "/features").then().statusCode(201).extract().path("id");
        String member = fx.token(t.member());
        String memberSession = Mcp.initialize(member);
        String drafted = answer(member, memberSession, "draft_story_from_feature", false, "project", t.slug(), "featureId", feature);
        assertTrue(drafted.contains("\"key\":\"US-1\"") && drafted.contains("\"status\":\"draft\"") && drafted.contains(feature), drafted);
        assertTrue(drafted.contains("\"draftedBefore\":false"), drafted);
        String again = answer(member, memberSession, "draft_story_from_feature", false, "project", t.slug(), "featureId", feature);
        assertTrue(again.contains("\"key\":\"US-1\"") && again.contains("\"draftedBefore\":true"), "a feature drafts one story: " + again);
        assertFalse(answer(member, memberSession, "list_stories", false, "project", t.slug()).contains("\"number\":2"), "no second story");
        assertTrue(answer(member, memberSession, "list_stories", false, "project", t.slug()).contains("\"number\":1"));
    }

    @Test
    void anAgentReadsItsNotificationAndMarksItRead() {
        TestData.Team t = data.team();
        String stories = "/api/v1/projects/" + t.slug() + "/stories";
        int n = fx.api(t.member()).body(Map.of("title", "Pay", "description", "Pay for the cart")).post(stories).then().statusCode(201)
                .extract().path("number");
        fx.api(t.member()).post(stories + "/" + n + "/submit").then().statusCode(200);
        fx.api(t.lead()).post(stories + "/" + n + "/approve").then().statusCode(200);

        String member = fx.token(t.member());
        String session = Mcp.initialize(member);
        String unread = answer(member, session, "list_notifications", false, "unread", true);
        String notification = id(unread);
        String read = answer(member, session, "mark_notification_read", false, "notification", notification);
        assertTrue(read.contains(notification) && !read.contains("\"readAt\":null"), read);
        assertFalse(answer(member, session, "list_notifications", false, "unread", true).contains(notification), "it is no longer unread");
        assertTrue(answer(member, session, "mark_notification_read", true, "notification", "not-an-id").length() > 0);

        notifications.notify(t.member().id, t.project().id, "mention", Map.of("message", "one"));
        notifications.notify(t.member().id, t.project().id, "mention", Map.of("message", "two"));
        String marked = answer(member, session, "mark_all_notifications_read", false);
        assertTrue(marked.replaceAll("\\s", "").contains("\"marked\":2"), marked);
        assertEquals("[]", answer(member, session, "list_notifications", false, "unread", true).replaceAll("\\s", ""), "nothing is unread");
    }
}
