package dev.specboard.api;

import dev.specboard.account.Account;
import dev.specboard.story.StoryChanged;
import dev.specboard.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class StoryApiTest {

    @Inject
    TestData data;

    /** Records StoryChanged events, as a later feature (components, specs) would observe them. */
    @Singleton
    static class ChangedRecorder {
        static final List<StoryChanged> EVENTS = new CopyOnWriteArrayList<>();

        void on(@Observes StoryChanged e) {
            EVENTS.add(e);
        }
    }

    static Map<String, Object> story(String title) {
        return Map.of("title", title, "description", "As a user I want " + title, "acceptanceCriteria",
                "- WHEN I save THE SYSTEM SHALL keep it\n- nothing here");
    }

    static int create(Account a, String slug, String title) {
        return Api.as(a).body(story(title)).post("/api/v1/projects/" + slug + "/stories")
                .then().statusCode(201).extract().path("number");
    }

    static String base(TestData.Team t) {
        return "/api/v1/projects/" + t.slug() + "/stories";
    }

    @Test
    void memberCreatesNumberedStoriesAndReadsThemWithEarsAndRevisions() {
        TestData.Team t = data.team();
        Api.as(t.member()).body(story("Log in")).post(base(t))
                .then().statusCode(201).body("key", equalTo("US-1")).body("number", equalTo(1)).body("status", equalTo("draft"))
                .body("approved", equalTo(false)).body("version", equalTo(1));
        Api.as(t.member()).body(story("Log out")).post(base(t)).then().statusCode(201).body("key", equalTo("US-2"));
        Api.as(t.viewer()).get(base(t)).then().statusCode(200).body("key", contains("US-1", "US-2"))
                .body("[0].dirty", equalTo(false));
        Api.as(t.viewer()).get(base(t) + "/1").then().statusCode(200)
                .body("title", equalTo("Log in"))
                .body("revisions", hasSize(1)).body("revisions[0].version", equalTo(1)).body("revisions[0].author", equalTo(t.member().username))
                .body("ears", hasSize(1)).body("ears[0].kind", equalTo("event-driven")).body("ears[0].number", equalTo(1));
        Api.as(t.viewer()).get(base(t) + "?status=ready").then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void invalidStoryIs422NamingTheField() {
        TestData.Team t = data.team();
        Api.as(t.member()).body(Map.of("title", " ", "description", "x")).post(base(t))
                .then().statusCode(422).body("details.title", equalTo("Give the story a title"));
    }

    @Test
    void rolesBelowMemberCannotWriteAndOutsidersSeeNothing() {
        TestData.Team t = data.team();
        Api.as(t.reviewer()).body(story("x")).post(base(t)).then().statusCode(403);
        Api.as(t.viewer()).body(story("x")).post(base(t)).then().statusCode(403);
        Api.as(t.outsider()).get(base(t)).then().statusCode(404);
        Api.as(t.outsider()).body(story("x")).post(base(t)).then().statusCode(404);
        RestAssured.given().get(base(t)).then().statusCode(401);
    }

    @Test
    void everyTransitionByEveryRole() {
        TestData.Team t = data.team();
        int n = create(t.member(), t.slug(), "Workflow");
        String s = base(t) + "/" + n;
        // submit: member and up; reviewer and viewer 403; outsider 404
        Api.as(t.viewer()).post(s + "/submit").then().statusCode(403);
        Api.as(t.reviewer()).post(s + "/submit").then().statusCode(403);
        Api.as(t.outsider()).post(s + "/submit").then().statusCode(404);
        Api.as(t.member()).post(s + "/submit").then().statusCode(200).body("stage", equalTo("in_review")).body("status", equalTo("draft"));
        Api.as(t.member()).post(s + "/submit").then().statusCode(409).body("error", startsWith("US-" + n + " is already waiting"));
        // approve / request changes: lead and owner only
        for (Account a : List.of(t.member(), t.reviewer(), t.viewer())) {
            Api.as(a).post(s + "/approve").then().statusCode(403);
            Api.as(a).body(Map.of("comment", "no")).post(s + "/request-changes").then().statusCode(403);
        }
        Api.as(t.outsider()).post(s + "/approve").then().statusCode(404);
        Api.as(t.lead()).body(Map.of("comment", " ")).post(s + "/request-changes").then().statusCode(422).body("details.comment", equalTo("Say what should change"));
        Api.as(t.lead()).body(Map.of("comment", "Name the error cases")).post(s + "/request-changes").then().statusCode(200)
                .body("stage", equalTo("changes_requested")).body("reviewComment", equalTo("Name the error cases"));
        Api.as(t.lead()).post(s + "/approve").then().statusCode(409).body("error", startsWith("US-" + n + " cannot be approved"));
        Api.as(t.member()).post(s + "/submit").then().statusCode(200).body("reviewComment", nullValue());
        Api.as(t.owner()).post(s + "/approve").then().statusCode(200).body("status", equalTo("ready")).body("approved", equalTo(true))
                .body("approvedVersion", equalTo(1));
        Api.as(t.lead()).post(s + "/approve").then().statusCode(409);
        Api.as(t.member()).post(s + "/submit").then().statusCode(409);
        Api.as(t.lead()).body(Map.of("comment", "late")).post(s + "/request-changes").then().statusCode(409);
    }

    @Test
    void approvingAVersionReplacedSinceAnswers409AndApprovesNothing() {
        TestData.Team t = data.team();
        int n = create(t.member(), t.slug(), "Checkout");
        String s = base(t) + "/" + n;
        Api.as(t.member()).post(s + "/submit").then().statusCode(200);
        // The author edits while the lead reads version 1.
        Api.as(t.member()).body(Map.of("title", "Checkout", "description", "Pay by card", "version", 1)).put(s).then().statusCode(200)
                .body("version", equalTo(2)).body("stage", equalTo("in_review"));
        Api.as(t.lead()).body(Map.of("version", 1)).post(s + "/approve").then().statusCode(409)
                .body("error", startsWith("US-" + n + " was changed by " + t.member().username + " after you opened it: you read version 1, it is now version 2."))
                .body("details.yourVersion", equalTo(1)).body("details.currentVersion", equalTo(2))
                .body("details.current.description", equalTo("Pay by card"));
        Api.as(t.viewer()).get(s).then().statusCode(200).body("approved", equalTo(false)).body("approvedVersion", nullValue())
                .body("stage", equalTo("in_review"));
        Api.as(t.lead()).body(Map.of("version", 2)).post(s + "/approve").then().statusCode(200)
                .body("approved", equalTo(true)).body("approvedVersion", equalTo(2));
    }

    @Test
    void requestingChangesToAVersionReplacedSinceAnswers409AndDecidesNothing() {
        TestData.Team t = data.team();
        int n = create(t.member(), t.slug(), "Invoices");
        String s = base(t) + "/" + n;
        Api.as(t.member()).post(s + "/submit").then().statusCode(200);
        // The author edits while the lead reads version 1.
        Api.as(t.member()).body(Map.of("title", "Invoices", "description", "As PDF", "version", 1)).put(s).then().statusCode(200)
                .body("version", equalTo(2));
        Api.as(t.lead()).body(Map.of("comment", "Which format?", "version", 1)).post(s + "/request-changes").then().statusCode(409)
                .body("error", startsWith("US-" + n + " was changed by " + t.member().username + " after you opened it: you read version 1, it is now version 2."
                        + " Nothing was sent back"))
                .body("details.yourVersion", equalTo(1)).body("details.currentVersion", equalTo(2))
                .body("details.current.description", equalTo("As PDF")).body("details.yours.description", equalTo("As a user I want Invoices"));
        Api.as(t.viewer()).get(s).then().statusCode(200).body("stage", equalTo("in_review")).body("reviewComment", nullValue());
        Api.as(t.lead()).body(Map.of("comment", "Which format?", "versio", 2)).post(s + "/request-changes").then().statusCode(422)
                .body("details.versio", notNullValue());
        Api.as(t.lead()).body(Map.of("comment", "Which format?", "version", 2)).post(s + "/request-changes").then().statusCode(200)
                .body("stage", equalTo("changes_requested")).body("reviewComment", equalTo("Which format?"));
    }

    @Test
    void leadAuthorCannotApproveOwnStoryWhileAnotherLeadExists() {
        TestData.Team t = data.team();
        int n = create(t.lead(), t.slug(), "Mine");
        String s = base(t) + "/" + n;
        Api.as(t.lead()).post(s + "/submit").then().statusCode(200);
        Api.as(t.lead()).post(s + "/approve").then().statusCode(403).body("error", equalTo("You wrote US-" + n + ": another lead has to approve it."));
        Api.as(t.owner()).post(s + "/approve").then().statusCode(200);
    }

    @Test
    void onlyLeadMayApproveTheirOwnStory() {
        Account owner = data.account("solo");
        var p = data.project(owner);
        int n = create(owner, p.slug, "Alone");
        Api.as(owner).post("/api/v1/projects/" + p.slug + "/stories/" + n + "/submit").then().statusCode(200);
        Api.as(owner).post("/api/v1/projects/" + p.slug + "/stories/" + n + "/approve").then().statusCode(200).body("status", equalTo("ready"));
    }

    @Test
    void staleEditIs409WithBothTextsAndNothingLost() {
        TestData.Team t = data.team();
        int n = create(t.member(), t.slug(), "Original");
        String s = base(t) + "/" + n;
        Api.as(t.lead()).body(Map.of("title", "Lead's title", "description", "lead text", "acceptanceCriteria", "", "version", 1)).put(s)
                .then().statusCode(200).body("version", equalTo(2));
        Api.as(t.member()).body(Map.of("title", "Member's title", "description", "member text", "acceptanceCriteria", "", "version", 1)).put(s)
                .then().statusCode(409)
                .body("details.yourVersion", equalTo(1)).body("details.currentVersion", equalTo(2))
                .body("details.current.title", equalTo("Lead's title")).body("details.yours.title", equalTo("Member's title"))
                .body("details.yours.description", equalTo("member text"));
        Api.as(t.viewer()).get(s).then().body("title", equalTo("Lead's title")).body("revisions", hasSize(2))
                .body("revisions[1].title", equalTo("Original"));
        Api.as(t.member()).body(Map.of("title", "Member's title", "description", "member text", "version", 2)).put(s)
                .then().statusCode(200).body("version", equalTo(3));
    }

    @Test
    void editingAnApprovedStoryMakesAVersionResetsApprovalAndMarksContextsDirty() {
        TestData.Team t = data.team();
        int n = create(t.member(), t.slug(), "Pay");
        String s = base(t) + "/" + n;
        Api.as(t.member()).post(s + "/submit").then().statusCode(200);
        Api.as(t.lead()).post(s + "/approve").then().statusCode(200);
        String ctx = Api.as(t.member()).body(Map.of("name", "Billing", "type", "domain", "purpose", "Money"))
                .post("/api/v1/projects/" + t.slug() + "/contexts").then().statusCode(201).extract().path("id");
        String other = Api.as(t.member()).body(Map.of("name", "Accounts", "type", "domain", "purpose", "People"))
                .post("/api/v1/projects/" + t.slug() + "/contexts").then().statusCode(201).extract().path("id");
        Api.as(t.member()).body(Map.of("storyNumber", n)).post("/api/v1/projects/" + t.slug() + "/contexts/" + ctx + "/stories").then().statusCode(201);
        Api.as(t.lead()).post("/api/v1/projects/" + t.slug() + "/contexts/" + ctx + "/approve").then().statusCode(200);
        Api.as(t.lead()).post("/api/v1/projects/" + t.slug() + "/contexts/" + other + "/approve").then().statusCode(200);
        ChangedRecorder.EVENTS.clear();

        Api.as(t.member()).body(Map.of("title", "Pay by card", "description", "As a user I want Pay", "version", 1)).put(s)
                .then().statusCode(200).body("version", equalTo(2)).body("approved", equalTo(false)).body("status", equalTo("draft"))
                .body("stage", equalTo("in_review")).body("dirty", equalTo(true)).body("approvedVersion", equalTo(1));
        Api.as(t.viewer()).get("/api/v1/projects/" + t.slug() + "/contexts").then().statusCode(200)
                .body("find { it.name == 'Billing' }.dirty", equalTo(true)).body("find { it.name == 'Billing' }.approved", equalTo(false))
                .body("find { it.name == 'Accounts' }.dirty", equalTo(false)).body("find { it.name == 'Accounts' }.approved", equalTo(true));
        assertEquals(1, ChangedRecorder.EVENTS.size());
        assertEquals(n, ChangedRecorder.EVENTS.get(0).storyNumber());
        assertEquals(t.project().id, ChangedRecorder.EVENTS.get(0).projectId());

        Api.as(t.lead()).post(s + "/approve").then().statusCode(200).body("dirty", equalTo(false)).body("approvedVersion", equalTo(2));
        Api.as(t.lead()).post("/api/v1/projects/" + t.slug() + "/contexts/" + ctx + "/approve").then().statusCode(200)
                .body("dirty", equalTo(false)).body("approved", equalTo(true));
    }

    @Test
    void editingADraftDoesNotFireStoryChanged() {
        TestData.Team t = data.team();
        int n = create(t.member(), t.slug(), "Quiet");
        ChangedRecorder.EVENTS.clear();
        Api.as(t.member()).body(Map.of("title", "Quiet 2", "description", "d", "version", 1)).put(base(t) + "/" + n).then().statusCode(200);
        assertTrue(ChangedRecorder.EVENTS.stream().noneMatch(e -> e.projectId().equals(t.project().id)));
    }

    @Test
    void notificationsGoToTheRightPeople() {
        TestData.Team t = data.team();
        int n = create(t.member(), t.slug(), "Notify");
        String s = base(t) + "/" + n;
        Api.as(t.member()).post(s + "/submit").then().statusCode(200);
        assertEquals(1, count(t.lead(), "story_submitted"));
        assertEquals(1, count(t.owner(), "story_submitted"));
        assertEquals(0, count(t.member(), "story_submitted"));
        assertEquals(0, count(t.reviewer(), "story_submitted"));
        Api.as(t.lead()).body(Map.of("comment", "More detail")).post(s + "/request-changes").then().statusCode(200);
        assertEquals(0, unread(t.owner(), "story_submitted"), "the lead decided: the request asks the owner nothing more");
        assertEquals(1, count(t.owner(), "story_submitted"), "it stays in the list, read");
        assertEquals(1, count(t.member(), "story_changes_requested"));
        assertEquals(0, count(t.owner(), "story_changes_requested"));
        Api.as(t.member()).get("/api/v1/notifications?unread=true").then().statusCode(200)
                .body("find { it.type == 'story_changes_requested' }.payload.comment", equalTo("More detail"))
                .body("find { it.type == 'story_changes_requested' }.payload.link", equalTo("/projects/" + t.slug() + "/stories/" + n));
        Api.as(t.member()).post(s + "/submit").then().statusCode(200);
        assertEquals(1, unread(t.lead(), "story_submitted"), "submitted again: asked again");
        Api.as(t.lead()).post(s + "/approve").then().statusCode(200);
        assertEquals(0, unread(t.lead(), "story_submitted"), "approved: nothing waits for the lead any more");
        assertEquals(0, unread(t.owner(), "story_submitted"));
        assertEquals(1, count(t.member(), "story_approved"));
        assertEquals(0, count(t.lead(), "story_approved"));
    }

    @Test
    void archivedProjectRefusesChanges() {
        TestData.Team t = data.team();
        int n = create(t.member(), t.slug(), "Old");
        archive(t.project().id);
        Api.as(t.member()).body(story("New")).post(base(t)).then().statusCode(409).body("error", startsWith("This project is archived"));
        Api.as(t.member()).post(base(t) + "/" + n + "/submit").then().statusCode(409);
        Api.as(t.viewer()).get(base(t) + "/" + n).then().statusCode(200);
    }

    @jakarta.transaction.Transactional
    void archive(java.util.UUID projectId) {
        dev.specboard.project.Project p = dev.specboard.project.Project.findById(projectId);
        p.status = dev.specboard.project.Project.STATUS_ARCHIVED;
    }

    @Test
    void unknownStoryIs404() {
        TestData.Team t = data.team();
        Api.as(t.member()).get(base(t) + "/999").then().statusCode(404).body("error", equalTo("No story US-999 in this project"));
        // No story has a number below 1: it is named as the number it is, not as "US--1".
        Api.as(t.member()).get(base(t) + "/-1").then().statusCode(404).body("error", equalTo("No story number -1 in this project"));
        Api.as(t.member()).get(base(t) + "/0").then().statusCode(404).body("error", equalTo("No story number 0 in this project"));
        Api.as(t.member()).body(Map.of("version", 1, "title", "x")).put(base(t) + "/-3").then().statusCode(404)
                .body("error", equalTo("No story number -3 in this project"));
    }

    static long unread(Account a, String type) {
        return Api.as(a).get("/api/v1/notifications?unread=true").then().statusCode(200).extract().jsonPath()
                .getList("findAll { it.type == '" + type + "' }").size();
    }

    static long count(Account a, String type) {
        return Api.as(a).get("/api/v1/notifications").then().statusCode(200).extract().jsonPath()
                .getList("findAll { it.type == '" + type + "' }").size();
    }
}
