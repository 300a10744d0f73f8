package dev.specboard.story;

import dev.specboard.support.Browser;
import dev.specboard.support.TestData;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URL;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class StoryBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    TestData data;

    @Test
    void aRefusedFormFocusesItsErrorSummaryWhoseLinksFocusTheFields() {
        TestData.Team t = data.team();
        try (Browser b = Browser.open(base.toString(), 360)) {
            b.login(t.member().username, TestData.PASSWORD);
            b.go("/projects/" + t.slug() + "/stories/new");
            b.type("#f-description", "Kept");
            b.click("#story-form button[type=submit]");
            b.waitFor("#error-summary");
            b.waitUntil(d -> "error-summary".equals(b.js("return document.activeElement.id;")));
            b.assertAccessible();
            b.assertFitsWidth();
            b.click("#error-summary a");
            assertEquals("f-title", b.js("return document.activeElement.id;"), "the link moves focus to the field");
            b.assertNoProblems();
        }
    }

    @Test
    void memberWritesLeadSendsBackMemberResubmitsLeadApproves() {
        TestData.Team t = data.team();
        String stories = "/projects/" + t.slug() + "/stories";
        try (Browser member = Browser.open(base.toString()); Browser lead = Browser.open(base.toString())) {
            member.login(t.member().username, TestData.PASSWORD);
            member.go(stories);
            member.assertAccessible();
            member.click("#new-story");
            member.assertAccessible();
            member.type("#f-title", "Reset my password")
                    .type("#f-description", "As a user I want to reset my password by email.")
                    .type("#f-acceptanceCriteria", "- WHEN I ask for a reset THE SYSTEM SHALL email a link");
            member.click("#story-form button[type=submit]");
            member.waitFor("#submit-story");
            assertEquals(stories + "/1", member.path());
            assertEquals("WHEN I ask for a reset THE SYSTEM SHALL email a link", member.find("#ears-1").getText().replace("event-driven ", ""));
            member.assertAccessible();
            member.click("#submit-story");
            member.waitUntil(d -> member.find("#story-stage").getText().equals("Waiting for approval"));
            // The box that held the button was replaced: the focus is in the new one, not back at the page's top.
            member.waitUntil(d -> Boolean.TRUE.equals(member.js("return !!document.activeElement.closest('#approval');")));

            lead.login(t.lead().username, TestData.PASSWORD);
            lead.go("/inbox");
            lead.waitUntil(d -> !lead.find("#inbox-count").getText().isBlank());
            lead.assertAccessible();
            lead.click("#inbox-story-" + t.slug() + "-US-1 a");
            lead.waitFor("#request-changes-form");
            lead.assertAccessible();
            lead.type("#f-comment", "Say how long the link stays valid.");
            lead.click("#request-changes");
            lead.waitUntil(d -> lead.find("#story-stage").getText().equals("Changes requested"));

            member.go("/inbox");
            member.assertAccessible();
            assertTrue(member.find("#inbox-sent-back-" + t.slug() + "-US-1").getText().contains("Say how long the link stays valid."));
            member.go("/notifications");
            member.assertAccessible();
            member.go(stories + "/1");
            member.click("#edit-story");
            member.assertAccessible();
            member.type("#f-acceptanceCriteria", "- WHEN I ask for a reset THE SYSTEM SHALL email a link valid for one hour");
            member.click("#story-form button[type=submit]");
            member.waitUntil(d -> member.find("#story-version").getText().equals("Version 2"));
            member.click("#submit-story");
            member.waitUntil(d -> member.find("#story-stage").getText().equals("Waiting for approval"));

            lead.go("/inbox");
            lead.click("#inbox-story-" + t.slug() + "-US-1 a.what-changed");
            lead.waitFor("#diff-criteria");
            assertEquals(stories + "/1/diff", lead.path());
            assertTrue(lead.find("#diff-criteria ins").getText().contains("valid for one hour"));
            // Screen readers, which skip <ins>/<del>, hear where each change starts and ends; the marks take no room on screen.
            assertEquals("", lead.js("return [...document.querySelectorAll('.diff ins, .diff del')].filter(r => {"
                    + " var marks = r.querySelectorAll(':scope > .visually-hidden');"
                    + " return marks.length !== 2 || [...marks].some(m => m.getBoundingClientRect().width > 1 || m.getBoundingClientRect().height > 1);"
                    + "}).map(r => r.outerHTML).join(' ');"));
            assertTrue((Long) lead.js("return document.querySelectorAll('#diff-criteria ins').length;") > 0);
            lead.assertAccessible();
            lead.go(stories + "/1");
            lead.click("#approve-story");
            lead.waitUntil(d -> lead.find("#story-stage").getText().equals("Ready"));
            lead.assertAccessible();
        }
    }

    @Test
    void filterUrlSurvivesReloadAndBackButton() {
        TestData.Team t = data.team();
        StoryService service = io.quarkus.arc.Arc.container().instance(StoryService.class).get();
        dev.specboard.project.Access access = new dev.specboard.project.Access(t.project(), dev.specboard.kernel.Role.MEMBER, t.member().id);
        service.create(access, new StoryForm("Draft about invoices", "d", null, null));
        Story submitted = service.create(access, new StoryForm("Submitted about receipts", "d", null, null));
        service.submit(access, submitted.number);
        String stories = "/projects/" + t.slug() + "/stories";
        try (Browser b = Browser.open(base.toString(), 360)) {
            b.login(t.viewer().username, TestData.PASSWORD);
            b.go(stories);
            assertEquals(2, b.count("#story-table tbody tr"));
            assertFalse(b.find("#f-status").isDisplayed(), "on a phone the filters fold behind their toggle");
            b.click("label[for=filters-open]");
            b.select("#f-status", "review");
            assertTrue(b.url().contains("status=review"), b.url());
            assertEquals(1, b.count("#story-table tbody tr"));
            b.assertAccessible();
            b.assertFitsWidth();

            b.reload();
            assertEquals("review", b.value("#f-status"));
            assertEquals(1, b.count("#story-table tbody tr"));

            b.select("#f-status", "");
            assertFalse(b.url().contains("status=review"), b.url());
            assertEquals(2, b.count("#story-table tbody tr"));
            b.back();
            assertTrue(b.url().contains("status=review"), b.url());
            assertEquals(1, b.count("#story-table tbody tr"));
            assertEquals("review", b.value("#f-status"));
            assertEquals(1, b.count("#story-filters"), "the back button shows the whole page, not a bare fragment");
            b.assertAccessible();
        }
    }

    @Test
    void afterLoggingOutBackDoesNotShowTheStoryFromTheCache() {
        TestData.Team t = data.team();
        StoryService service = io.quarkus.arc.Arc.container().instance(StoryService.class).get();
        dev.specboard.project.Access access = new dev.specboard.project.Access(t.project(), dev.specboard.kernel.Role.MEMBER, t.member().id);
        Story secret = service.create(access, new StoryForm("Secret pricing plan", "d", null, null));
        String page = "/projects/" + t.slug() + "/stories/" + secret.number;
        try (Browser b = Browser.open(base.toString())) {
            b.login(t.member().username, TestData.PASSWORD);
            b.go(page);
            assertTrue(b.text("#story-title").contains("Secret pricing plan"));
            b.click(".account-menu summary");
            b.click(".account-menu button[type=submit]");
            assertEquals("/login", b.path());

            b.back();
            assertEquals("/login", b.path(), "Back asks the server again, which wants a login");
            assertEquals(0, b.count("#story-title"));
            assertFalse(b.driver.getPageSource().contains("Secret pricing plan"));
        }
    }
}
