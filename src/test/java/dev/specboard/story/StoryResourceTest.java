package dev.specboard.story;

import dev.specboard.architecture.BoundedContext;
import dev.specboard.architecture.ContextForm;
import dev.specboard.architecture.ContextService;
import dev.specboard.account.Account;
import dev.specboard.project.Access;
import dev.specboard.project.Project;
import dev.specboard.kernel.Role;
import dev.specboard.support.DiffMarks;
import dev.specboard.support.OtherInstance;
import dev.specboard.support.SqlCounter;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class StoryResourceTest {

    @Inject
    TestData data;

    @Inject
    StoryService stories;

    static Access access(Project p, Account a, Role r) {
        return new Access(p, r, a.id);
    }

    static String base(TestData.Team t) {
        return "/projects/" + t.slug() + "/stories";
    }

    Story story(TestData.Team t, String title, String ac) {
        return stories.create(access(t.project(), t.member(), Role.MEMBER), new StoryForm(title, "As a user I want " + title, ac, null));
    }

    @Test
    void memberCreatesStoryThroughTheFormAndIsRedirected() {
        TestData.Team t = data.team();
        Response r = Web.as(t.member()).contentType("application/x-www-form-urlencoded")
                .formParam("title", "Sign in with email").formParam("description", "**Fast** sign in")
                .formParam("acceptanceCriteria", "- WHEN I enter a valid email THE SYSTEM SHALL send a link")
                .post(base(t));
        assertEquals(303, r.statusCode());
        assertTrue(r.getHeader("Location").endsWith(base(t) + "/1"));
        Document d = Web.html(Web.as(t.viewer()).get(base(t) + "/1").then().statusCode(200).extract().response());
        assertEquals("US-1 · Sign in with email", d.getElementById("story-title").text());
        assertEquals("Draft", d.getElementById("story-stage").text());
        assertEquals("Fast", d.select("#description strong").text());
        assertEquals("event-driven WHEN I enter a valid email THE SYSTEM SHALL send a link", d.getElementById("ears-1").text());
        assertNull(d.getElementById("story-actions").selectFirst("#submit-story"), "a viewer sees no submit button");
    }

    @Test
    void invalidFormAnswers422KeepingEveryValue() {
        TestData.Team t = data.team();
        Response r = Web.as(t.member()).contentType("application/x-www-form-urlencoded")
                .formParam("title", "").formParam("description", "kept text").formParam("acceptanceCriteria", "kept ac").post(base(t));
        assertEquals(422, r.statusCode());
        Document d = Web.html(r);
        assertEquals("Give the story a title", d.getElementById("e-title").text());
        assertEquals("kept text", d.getElementById("f-description").text());
        assertEquals("kept ac", d.getElementById("f-acceptanceCriteria").text());
        // the error summary at the top of the form lists the problem and links to its field
        org.jsoup.nodes.Element summary = d.selectFirst("#story-form > #error-summary");
        assertNotNull(summary, "the summary opens the form");
        assertEquals("alert", summary.attr("role"));
        assertEquals("-1", summary.attr("tabindex"), "the summary can take focus");
        assertEquals(java.util.List.of("#f-title"), summary.select("a").eachAttr("href"));
        // Read away from its field, a link says which field it is about, so a screen reader's list of links makes sense.
        assertEquals("Title: Give the story a title", summary.selectFirst("a").text());
        assertEquals("Title", summary.selectFirst("a [data-error-label]").text());
    }

    @Test
    void viewerCannotOpenTheFormAndOutsiderGets404() {
        TestData.Team t = data.team();
        Web.as(t.viewer()).get(base(t) + "/new").then().statusCode(403);
        Web.as(t.outsider()).get(base(t)).then().statusCode(404);
        Web.as(t.member()).get(base(t) + "/new").then().statusCode(200);
    }

    @Test
    void workflowThroughThePages() {
        TestData.Team t = data.team();
        Story s = story(t, "Pages", null);
        String url = base(t) + "/" + s.number;
        Web.as(t.member()).post(url + "/submit").then().statusCode(303);
        Web.as(t.member()).post(url + "/approve").then().statusCode(403);
        Web.as(t.outsider()).post(url + "/approve").then().statusCode(404);
        Response r = Web.as(t.lead()).contentType("application/x-www-form-urlencoded").formParam("comment", "").post(url + "/request-changes");
        assertEquals(422, r.statusCode());
        assertEquals("Say what should change", Web.html(r).getElementById("e-comment").text());
        Web.as(t.lead()).contentType("application/x-www-form-urlencoded").formParam("comment", "Add error cases").post(url + "/request-changes")
                .then().statusCode(303);
        Document d = Web.html(Web.as(t.member()).get(url));
        assertEquals("Changes requested", d.getElementById("story-stage").text());
        assertTrue(d.getElementById("review-comment").text().contains("Add error cases"));
        Web.as(t.member()).post(url + "/submit").then().statusCode(303);
        // An illegal transition is refused with the reason, not hidden.
        Response again = Web.as(t.member()).post(url + "/submit");
        assertEquals(409, again.statusCode());
        assertTrue(again.asString().contains("is already waiting for a lead"));
        Web.as(t.owner()).post(url + "/approve").then().statusCode(303);
        assertEquals("Ready", Web.html(Web.as(t.member()).get(url)).getElementById("story-stage").text());
    }

    @Test
    void staleEditAnswers409ShowingBothTextsAndKeepingMine() {
        TestData.Team t = data.team();
        Story s = story(t, "Conflict", null);
        String url = base(t) + "/" + s.number;
        Web.as(t.lead()).contentType("application/x-www-form-urlencoded").formParam("title", "Their title").formParam("description", "their words")
                .formParam("version", 1).post(url).then().statusCode(303);
        Response r = Web.as(t.member()).contentType("application/x-www-form-urlencoded").formParam("title", "My title")
                .formParam("description", "my words").formParam("acceptanceCriteria", "").formParam("version", 1).post(url);
        assertEquals(409, r.statusCode());
        Document d = Web.html(r);
        assertEquals("My title", d.getElementById("f-title").val());
        assertEquals("my words", d.getElementById("f-description").text());
        assertEquals("2", d.selectFirst("input[name=version]").val());
        assertEquals("Their title", d.getElementById("theirs-0").text());
        assertEquals("their words", d.getElementById("theirs-1").text());
        assertFalse(d.select("#conflict ins").isEmpty());
        DiffMarks.assertLabelled(d.getElementById("conflict"));
        // Saving again knowingly replaces their version.
        Web.as(t.member()).contentType("application/x-www-form-urlencoded").formParam("title", "My title")
                .formParam("description", "my words").formParam("version", 2).post(url).then().statusCode(303);
        assertEquals("US-" + s.number + " · My title", Web.html(Web.as(t.viewer()).get(url)).getElementById("story-title").text());
        assertTrue(d.select("#conflict .error-box").text().startsWith(t.lead().username + " saved version 2"), d.select("#conflict .error-box").text());

        // The same person from another tab is told it was them, not named as if someone else (as comments say it).
        Response mine = Web.as(t.member()).contentType("application/x-www-form-urlencoded").formParam("title", "Other tab")
                .formParam("description", "older words").formParam("version", 2).post(url);
        assertEquals(409, mine.statusCode());
        String said = Web.html(mine).select("#conflict .error-box").text();
        assertTrue(said.startsWith("You, in another tab or window, saved version 3"), said);
    }

    @Test
    void anEditOrApprovalOfAVersionTheStoryNeverHadIs422NotAConflict() {
        TestData.Team t = data.team();
        Story s = story(t, "Versions", null);
        String url = base(t) + "/" + s.number;
        Response r = Web.as(t.member()).contentType("application/x-www-form-urlencoded").formParam("title", "Mine")
                .formParam("description", "my words").formParam("acceptanceCriteria", "").formParam("version", 5).post(url);
        assertEquals(422, r.statusCode());
        Document d = Web.html(r);
        assertEquals("Mine", d.getElementById("f-title").val());
        assertTrue(d.getElementById("error-summary").text().contains("US-" + s.number + " has no version 5: its versions are 1 to 1"),
                d.getElementById("error-summary").text());
        Web.as(t.member()).post(url + "/submit").then().statusCode(303);
        assertEquals(422, Web.as(t.lead()).contentType("application/x-www-form-urlencoded").formParam("version", 9)
                .post(url + "/approve").statusCode());
        assertEquals("in_review", QuarkusTransaction.requiringNew().call(() -> Story.<Story>findById(s.id).stage().name().toLowerCase()));
    }

    @Test
    void diffPageShowsWordChangesBetweenVersions() {
        TestData.Team t = data.team();
        Story s = story(t, "Diff me", "THE SYSTEM SHALL be quick");
        String url = base(t) + "/" + s.number;
        Web.as(t.member()).contentType("application/x-www-form-urlencoded").formParam("title", "Diff me")
                .formParam("description", "As a user I want Diff me").formParam("acceptanceCriteria", "THE SYSTEM SHALL be fast")
                .formParam("version", 1).post(url).then().statusCode(303);
        Document d = Web.html(Web.as(t.viewer()).get(url + "/diff?from=1&to=2").then().statusCode(200).extract().response());
        assertEquals("quick", DiffMarks.shown(d.select("#diff-criteria del")));
        assertEquals("fast", DiffMarks.shown(d.select("#diff-criteria ins")));
        assertEquals("added: fast end added.", d.select("#diff-criteria ins").text(), "said to screen readers, who skip <ins>");
        DiffMarks.assertLabelled(d.getElementById("diff-criteria"));
        assertTrue(d.select("#diff-description ins, #diff-description del").isEmpty());
        Web.as(t.viewer()).get(url + "/diff?from=1&to=9").then().statusCode(404);
    }

    @Test
    void listFiltersAreInTheUrlAndHtmxGetsTheFragment() {
        TestData.Team t = data.team();
        story(t, "Alpha payments", null);
        Story b = story(t, "Beta search", null);
        stories.submit(access(t.project(), t.member(), Role.MEMBER), b.number);
        Document full = Web.html(Web.as(t.viewer()).get(base(t) + "?status=review").then().statusCode(200)
                .header("Vary", org.hamcrest.Matchers.containsString("HX-Request")).extract().response());
        assertNotNull(full.getElementById("story-filters"));
        assertEquals("review", full.select("#f-status option[selected]").val());
        assertEquals(1, full.select("#story-table tbody tr").size());
        assertNotNull(full.getElementById("story-" + b.number));
        Response frag = Web.htmx(Web.as(t.viewer())).get(base(t) + "?q=payments");
        Document f = Web.html(frag);
        assertNull(f.getElementById("story-filters"), "a fragment, not the page");
        assertEquals(1, f.select("#story-table tbody tr").size());
        assertEquals("Alpha payments", f.select("#story-table tbody tr td").get(1).text());
        // History restore asks for the whole page.
        Document restored = Web.html(Web.htmx(Web.as(t.viewer())).header("HX-History-Restore-Request", "true").get(base(t) + "?q=payments"));
        assertNotNull(restored.getElementById("story-filters"));
        assertEquals("payments", restored.getElementById("f-q").val());
        assertEquals(1, Web.html(Web.as(t.viewer()).get(base(t) + "?q=US-" + b.number)).select("#story-table tbody tr").size());
    }

    @Test
    void storyListPaginatesAndKeepsFiltersInPageLinks() {
        TestData.Team t = data.team();
        for (int i = 0; i < 55; i++) {
            story(t, "Many " + i, null);
        }
        Document d = Web.html(Web.as(t.viewer()).get(base(t) + "?q=many"));
        assertEquals(50, d.select("#story-table tbody tr").size());
        assertEquals("/projects/" + t.slug() + "/stories?q=many&page=2", d.getElementById("page-next").attr("href"));
        Document p2 = Web.html(Web.as(t.viewer()).get(base(t) + "?q=many&page=2"));
        assertEquals(5, p2.select("#story-table tbody tr").size());
        assertEquals("55 stories match", p2.getElementById("story-count").text());
        // With JavaScript the links swap only the results, keeping the filters above and the URL in step.
        assertEquals("/projects/" + t.slug() + "/stories?q=many&page=1", p2.getElementById("page-prev").attr("hx-get"));
        assertEquals("#story-results", p2.getElementById("page-prev").attr("hx-target"));
        Document past = Web.html(Web.as(t.viewer()).get(base(t) + "?q=many&page=9"));
        assertEquals(5, past.select("#story-table tbody tr").size(), "a page past the end shows the last page");
        assertTrue(past.text().contains("Page 2 of 2"), past.text());
        Document none = Web.html(Web.as(t.viewer()).get(base(t) + "?q=nothing-matches-this&page=3"));
        assertEquals("0 stories match", none.getElementById("story-count").text());
    }

    @Test
    void storyListStatementCountIsConstantFrom20To200Stories() {
        TestData.Team small = data.team();
        TestData.Team large = data.team();
        for (int i = 0; i < 20; i++) {
            story(small, "S " + i, null);
        }
        for (int i = 0; i < 200; i++) {
            story(large, "L " + i, null);
        }
        // The first view reads and renders the rows; a repeated one finds them kept. Both are constant.
        java.util.List<String> fewFirstSql = SqlCounter.statements(() -> Web.as(small.viewer()).get(base(small)).then().statusCode(200));
        java.util.List<String> manyFirstSql = SqlCounter.statements(() -> Web.as(large.viewer()).get(base(large)).then().statusCode(200));
        long fewFirst = fewFirstSql.size();
        long manyFirst = manyFirstSql.size();
        assertEquals(fewFirst, manyFirst, fewFirstSql + "\n" + manyFirstSql);
        long fewAgain = SqlCounter.count(() -> Web.as(small.viewer()).get(base(small)).then().statusCode(200));
        long manyAgain = SqlCounter.count(() -> Web.as(large.viewer()).get(base(large)).then().statusCode(200));
        assertEquals(fewAgain, manyAgain);
        assertTrue(manyAgain < manyFirst, "a repeated view neither counts nor reads the stories: " + manyAgain + " < " + manyFirst);
    }

    @Test
    void theKeptListShowsEveryChangeAtOnce() {
        TestData.Team t = data.team();
        Story s = story(t, "Original title", null);
        assertTrue(Web.html(Web.as(t.viewer()).get(base(t))).getElementById("story-table").text().contains("Original title"));
        stories.update(access(t.project(), t.member(), Role.MEMBER), s.number,
                new StoryForm("Edited title", "As a user I want it edited", null, s.version));
        String rows = Web.html(Web.as(t.viewer()).get(base(t))).getElementById("story-table").text();
        assertTrue(rows.contains("Edited title") && !rows.contains("Original title"), rows);
        // A link to a context changes what its filter finds, though no story changed.
        ContextService contexts = io.quarkus.arc.Arc.container().instance(ContextService.class).get();
        BoundedContext c = contexts.create(access(t.project(), t.member(), Role.MEMBER), new ContextForm("Billing", "domain", "Money", "", null));
        String filtered = base(t) + "?context=" + c.id;
        assertEquals("0 stories match", Web.html(Web.as(t.viewer()).get(filtered)).getElementById("story-count").text());
        Web.htmx(Web.as(t.member())).contentType("application/x-www-form-urlencoded").formParam("contextId", c.id.toString())
                .post(base(t) + "/" + s.number + "/contexts").then().statusCode(200);
        assertEquals("1 story match", Web.html(Web.as(t.viewer()).get(filtered)).getElementById("story-count").text());
    }

    @Test
    void theKeptListShowsAChangeMadeByAnotherInstanceAtOnce() throws Exception {
        TestData.Team t = data.team();
        Story s = story(t, "Before the other instance", null);
        assertTrue(Web.html(Web.as(t.viewer()).get(base(t))).getElementById("story-table").text().contains("Before the other instance"));
        // No notification is needed: the change moves the list's version in the database itself.
        assertEquals(1, OtherInstance.update("update stories set title = 'Changed elsewhere' where id = ?", s.id));
        String rows = Web.html(Web.as(t.viewer()).get(base(t))).getElementById("story-table").text();
        assertTrue(rows.contains("Changed elsewhere"), rows);
    }

    @Test
    void theKeptContextChoicesShowAContextAddedOrRenamedElsewhereAtOnce() throws Exception {
        TestData.Team t = data.team();
        story(t, "Any story", null);
        assertFalse(Web.html(Web.as(t.viewer()).get(base(t))).select("#f-context option").eachText().contains("Billing"));
        ContextService contexts = io.quarkus.arc.Arc.container().instance(ContextService.class).get();
        BoundedContext c = contexts.create(access(t.project(), t.member(), Role.MEMBER), new ContextForm("Billing", "domain", "Money", "", null));
        assertTrue(Web.html(Web.as(t.viewer()).get(base(t))).select("#f-context option").eachText().contains("Billing"));
        assertEquals(1, OtherInstance.update("update contexts set name = 'Invoicing' where id = ?", c.id));
        java.util.List<String> choices = Web.html(Web.as(t.viewer()).get(base(t))).select("#f-context option").eachText();
        assertTrue(choices.contains("Invoicing") && !choices.contains("Billing"), choices.toString());
    }

    @Test
    void aRepeatedListViewRunsOnlyTheAccessCheck() {
        TestData.Team t = data.team();
        story(t, "Kept", null);
        Web.as(t.viewer()).get(base(t)).then().statusCode(200);
        java.util.List<String> again = SqlCounter.statements(() -> Web.as(t.viewer()).get(base(t)).then().statusCode(200));
        assertEquals(1, again.stream().filter(q -> !q.contains("login_sessions")).count(), again.toString());
    }

    @Test
    void aRepeatedStoryPageRunsOnlyTheAccessCheck() {
        TestData.Team t = data.team();
        Story s = stories.create(access(t.project(), t.lead(), Role.LEAD), new StoryForm("Kept page", "As a lead I want it", null, null));
        String url = base(t) + "/" + s.number;
        Web.as(t.lead()).get(url).then().statusCode(200);
        java.util.List<String> again = SqlCounter.statements(() -> Web.as(t.lead()).get(url).then().statusCode(200));
        assertEquals(1, again.stream().filter(q -> !q.contains("login_sessions")).count(), again.toString());
    }

    @Test
    void theKeptStoryPageShowsEveryChangeMadeElsewhereAtOnce() throws Exception {
        TestData.Team t = data.team();
        Story s = stories.create(access(t.project(), t.lead(), Role.LEAD), new StoryForm("Before", "As a lead I want it", null, null));
        stories.submit(access(t.project(), t.lead(), Role.LEAD), s.number);
        String url = base(t) + "/" + s.number;
        Document first = Web.html(Web.as(t.lead()).get(url));
        assertTrue(first.getElementById("story-title").text().contains("Before"));
        // The project has an owner and a lead: its author may not approve it.
        assertNotNull(first.getElementById("approve-refusal"));

        assertEquals(1, OtherInstance.update("update stories set title = 'After' where id = ?", s.id));
        assertTrue(Web.html(Web.as(t.lead()).get(url)).getElementById("story-title").text().contains("After"));

        assertEquals(1, OtherInstance.update("insert into approvals (project_id, entity_type, entity_id, version, decision, comment) "
                + "select project_id, 'story', id, 1, 'changes_requested', 'Decided elsewhere' from stories where id = ?", s.id));
        assertTrue(Web.html(Web.as(t.lead()).get(url)).getElementById("approvals").text().contains("Decided elsewhere"));

        assertEquals(1, OtherInstance.update("update accounts set username = 'renamed-' || substr(id::text, 1, 8) where id = ?", t.lead().id));
        assertTrue(Web.html(Web.as(t.lead()).get(url)).text().contains("Written by renamed-" + t.lead().id.toString().substring(0, 8)));

        ContextService contexts = io.quarkus.arc.Arc.container().instance(ContextService.class).get();
        BoundedContext c = contexts.create(access(t.project(), t.member(), Role.MEMBER), new ContextForm("Billing", "domain", "Money", "", null));
        Web.htmx(Web.as(t.member())).contentType("application/x-www-form-urlencoded").formParam("contextId", c.id.toString())
                .post(url + "/contexts").then().statusCode(200);
        assertTrue(Web.html(Web.as(t.lead()).get(url)).getElementById("story-context-" + c.id).text().contains("Billing"));
        assertEquals(1, OtherInstance.update("update contexts set name = 'Invoicing' where id = ?", c.id));
        assertTrue(Web.html(Web.as(t.lead()).get(url)).getElementById("story-context-" + c.id).text().contains("Invoicing"));

        // The owner leaves: the author is the only lead left and may approve.
        assertEquals(1, OtherInstance.update("delete from project_memberships where user_id = ?", t.owner().id));
        Document last = Web.html(Web.as(t.lead()).get(url));
        assertNull(last.getElementById("approve-refusal"));
        assertNotNull(last.getElementById("approve-story"));
    }

    @Test
    void theKeptListGoesOutTheSameGzippedOrPlainWithEveryCharacterIntact() throws Exception {
        TestData.Team t = data.team();
        story(t, "Caf\u00e9 \u2713 <b>&amp;", null);
        String cookie = Web.sessionCookie(t.viewer());
        java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build();
        java.util.function.Function<String, String> get = encoding -> {
            try {
                java.net.http.HttpRequest.Builder b = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + io.restassured.RestAssured.port + base(t))).header("Cookie", "sb_session=" + cookie);
                if (encoding != null) {
                    b.header("Accept-Encoding", encoding);
                }
                java.net.http.HttpResponse<byte[]> r = http.send(b.build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
                assertEquals(200, r.statusCode());
                byte[] body = r.body();
                if ("gzip".equals(r.headers().firstValue("Content-Encoding").orElse(""))) {
                    body = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(body)).readAllBytes();
                }
                return new String(body, java.nio.charset.StandardCharsets.UTF_8);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        String plain = get.apply(null);
        assertEquals(plain, get.apply("gzip"));
        assertEquals(plain, get.apply("gzip"), "kept, then gzipped again");
        assertTrue(org.jsoup.Jsoup.parse(plain).getElementById("story-table").text().contains("Caf\u00e9 \u2713 <b>&amp;"), plain);
    }

    @Test
    void aProjectWithStoriesCanStillBeDeleted() throws Exception {
        // Its stories go by cascade; the list's version must not be written for a project that is going.
        TestData.Team t = data.team();
        story(t, "Goes with its project", null);
        assertEquals(1, OtherInstance.update("delete from projects where id = ?", t.project().id));
    }

    @Test
    void aStoryInAProjectWithoutContextsLinksToCreatingOne() {
        TestData.Team t = data.team();
        Story s = story(t, "Alone", null);
        Document d = Web.html(Web.as(t.member()).get(base(t) + "/" + s.number).then().statusCode(200).extract().response());
        assertNull(d.getElementById("story-contexts"));
        assertEquals("/projects/" + t.slug() + "/contexts/new", d.getElementById("no-contexts").selectFirst("a").attr("href"));
    }

    @Test
    void storyPageAddsAndRemovesContextsWithHtmx() {
        TestData.Team t = data.team();
        Story s = story(t, "Context me", null);
        ContextService contexts = io.quarkus.arc.Arc.container().instance(ContextService.class).get();
        BoundedContext c = contexts.create(access(t.project(), t.member(), Role.MEMBER), new ContextForm("Billing", "domain", "Money", "", null));
        String url = base(t) + "/" + s.number;
        Response r = Web.htmx(Web.as(t.member())).contentType("application/x-www-form-urlencoded").formParam("contextId", c.id.toString())
                .post(url + "/contexts");
        assertEquals(200, r.statusCode());
        Document d = Web.html(r);
        assertNotNull(d.getElementById("story-context-" + c.id));
        assertNull(d.getElementById("story-title"), "only the contexts fragment");
        Document removed = Web.html(Web.htmx(Web.as(t.member())).post(url + "/contexts/" + c.id + "/remove"));
        assertEquals("This story belongs to no bounded context yet.", removed.getElementById("no-contexts").text());
        assertNull(removed.getElementById("story-contexts"), "no empty list beside the sentence");
        Response none = Web.htmx(Web.as(t.member())).contentType("application/x-www-form-urlencoded").formParam("contextId", "").post(url + "/contexts");
        assertEquals(422, none.statusCode());
        Web.htmx(Web.as(t.viewer())).contentType("application/x-www-form-urlencoded").formParam("contextId", c.id.toString())
                .post(url + "/contexts").then().statusCode(403);
    }

    @Test
    void htmxDecisionsAnswerTheApprovalPanelWithAnOutOfBandFlash() {
        TestData.Team t = data.team();
        Story s = story(t, "Panel", null);
        String url = base(t) + "/" + s.number;
        Response submitted = Web.htmx(Web.as(t.member())).post(url + "/submit");
        assertEquals(200, submitted.statusCode());
        Document d = Web.html(submitted);
        assertFalse(submitted.asString().contains("<html"), "a fragment, not a page");
        assertEquals("Waiting for approval", d.getElementById("story-stage").text());
        assertTrue(d.getElementById("flash").hasAttr("hx-swap-oob"));
        assertEquals(s.key() + " was submitted for approval.", d.getElementById("flash").text());
        assertNotNull(d.getElementById("approval"));
        assertNull(d.getElementById("submit-story"), "submitted: nothing left to submit");

        Response empty = Web.htmx(Web.as(t.lead())).contentType("application/x-www-form-urlencoded").formParam("comment", "")
                .post(url + "/request-changes");
        assertEquals(422, empty.statusCode());
        assertFalse(empty.asString().contains("<html"));
        assertEquals("Say what should change", Web.html(empty).getElementById("e-comment").text());
        assertEquals("comment", Web.html(empty).selectFirst("#request-changes-form #error-summary a").attr("data-field"));

        Response sentBack = Web.htmx(Web.as(t.lead())).contentType("application/x-www-form-urlencoded").formParam("comment", "Name the errors")
                .post(url + "/request-changes");
        assertEquals(200, sentBack.statusCode());
        Document back = Web.html(sentBack);
        assertEquals("Changes requested", back.getElementById("story-stage").text());
        assertTrue(back.getElementById("review-comment").text().contains("Name the errors"));
        assertEquals(s.key() + " was sent back to its author.", back.getElementById("flash").text());

        Web.htmx(Web.as(t.member())).post(url + "/submit").then().statusCode(200);
        Response approved = Web.htmx(Web.as(t.owner())).post(url + "/approve");
        assertEquals(200, approved.statusCode());
        Document ok = Web.html(approved);
        assertFalse(approved.asString().contains("<html"));
        assertEquals("Ready", ok.getElementById("story-stage").text());
        assertEquals(s.key() + " is approved (version 1).", ok.getElementById("flash").text());
        assertNotNull(ok.getElementById("approval"));
        assertEquals("Ready", Web.html(Web.as(t.member()).get(url)).getElementById("story-stage").text());
    }

    @Test
    void approveFormOfAVersionReplacedSinceAnswers409AndApprovesNothing() {
        TestData.Team t = data.team();
        Story s = story(t, "Refunds", null);
        String url = base(t) + "/" + s.number;
        Access author = access(t.project(), t.member(), Role.MEMBER);
        stories.submit(author, s.number);
        Document opened = Web.html(Web.as(t.lead()).get(url));
        assertEquals("1", opened.select("form:has(#approve-story) input[name=version]").val(), "the approve form names the version shown");
        // The author edits while the lead reads version 1.
        stories.update(author, s.number, new StoryForm("Refunds", "Within 30 days", null, 1));

        Response stale = Web.as(t.lead()).contentType("application/x-www-form-urlencoded").formParam("version", "1").post(url + "/approve");
        assertEquals(409, stale.statusCode());
        Document page = Web.html(stale);
        assertTrue(page.getElementById("stale-approval").text().startsWith(s.key() + " was changed by " + t.member().username
                + " after you opened it: you read version 1, it is now version 2."));
        assertEquals("Approve version 2", page.getElementById("approve-story").text(), "the new version comes back to be read");
        Response staleHtmx = Web.htmx(Web.as(t.lead())).contentType("application/x-www-form-urlencoded").formParam("version", "1").post(url + "/approve");
        assertEquals(409, staleHtmx.statusCode());
        assertFalse(staleHtmx.asString().contains("<html"));
        assertNotNull(Web.html(staleHtmx).getElementById("stale-approval"));
        assertEquals("Waiting for approval", Web.html(Web.as(t.viewer()).get(url)).getElementById("story-stage").text(), "nothing was approved");

        Web.as(t.lead()).contentType("application/x-www-form-urlencoded").formParam("version", "2").post(url + "/approve").then().statusCode(303);
        Document approved = Web.html(Web.as(t.viewer()).get(url));
        assertEquals("Ready", approved.getElementById("story-stage").text());
        assertEquals(1, approved.select("#revision-2 .badge.ok").size(), "version 2 is the approved one");
    }

    @Test
    void requestChangesFormOfAVersionReplacedSinceAnswers409AndSendsNothingBack() {
        TestData.Team t = data.team();
        Story s = story(t, "Invoices", null);
        String url = base(t) + "/" + s.number;
        Access author = access(t.project(), t.member(), Role.MEMBER);
        stories.submit(author, s.number);
        Document opened = Web.html(Web.as(t.lead()).get(url));
        assertEquals("1", opened.select("#request-changes-form input[name=version]").val(), "the request-changes form names the version shown");
        // The author edits while the lead reads version 1.
        stories.update(author, s.number, new StoryForm("Invoices", "As PDF", null, 1));

        Response stale = Web.as(t.lead()).contentType("application/x-www-form-urlencoded").formParam("version", "1")
                .formParam("comment", "Say which format").post(url + "/request-changes");
        assertEquals(409, stale.statusCode());
        Document page = Web.html(stale);
        assertTrue(page.getElementById("stale-approval").text().startsWith(s.key() + " was changed by " + t.member().username
                + " after you opened it: you read version 1, it is now version 2. Nothing was sent back"), page.getElementById("stale-approval").text());
        assertEquals("Say which format", page.getElementById("f-comment").text(), "the comment typed is kept");
        assertEquals("2", page.select("#request-changes-form input[name=version]").val(), "the new version comes back to be read");
        Response staleHtmx = Web.htmx(Web.as(t.lead())).contentType("application/x-www-form-urlencoded").formParam("version", "1")
                .formParam("comment", "Say which format").post(url + "/request-changes");
        assertEquals(409, staleHtmx.statusCode());
        assertFalse(staleHtmx.asString().contains("<html"));
        assertNotNull(Web.html(staleHtmx).getElementById("stale-approval"));
        Document unchanged = Web.html(Web.as(t.viewer()).get(url));
        assertEquals("Waiting for approval", unchanged.getElementById("story-stage").text(), "nothing was sent back");
        assertNull(unchanged.getElementById("approvals"), "no decision was recorded");

        Web.as(t.lead()).contentType("application/x-www-form-urlencoded").formParam("version", "2").formParam("comment", "Say which format")
                .post(url + "/request-changes").then().statusCode(303);
        Document back = Web.html(Web.as(t.viewer()).get(url));
        assertEquals("Changes requested", back.getElementById("story-stage").text());
        assertTrue(back.select("#approvals li").text().contains("v2"), back.select("#approvals").text());
    }
}
