package dev.specboard.spec;

import dev.specboard.support.Browser;
import dev.specboard.support.TestData;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URL;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The spec form's error summary leads to each phase's field, named by its own label (the phases' fields have ids of
 * their part), and lists only what the form still says once a phase is added.
 */
@QuarkusTest
class SpecFormBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    TestData data;

    @Test
    void aRefusedPhaseFieldIsNamedByItsLabelAndItsSummaryLinkFocusesIt() {
        TestData.Team t = data.team();
        try (Browser b = Browser.open(base.toString(), 360)) {
            b.login(t.member().username, TestData.PASSWORD);
            b.go("/projects/" + t.slug() + "/specs/new");
            b.type("#f-title", "Login");
            b.click("#type-hierarchical");
            b.type("#phase-0-name", "form");
            b.type("#phase-0-hours", "abc");
            b.click("#f-title");
            b.js("document.getElementById('f-title').form.requestSubmit();");
            b.waitFor("#error-summary");
            b.waitUntil(d -> "error-summary".equals(b.js("return document.activeElement.id;")));
            String summary = b.text("#error-summary");
            assertTrue(summary.contains("Estimated hours of phase 1"), summary);
            b.click("#error-summary a[data-field='phases[0].hours']");
            assertEquals("phase-0-hours", b.js("return document.activeElement.id;"), "the link moves focus to the phase's field");
            assertEquals("abc", b.value("#phase-0-hours"), "what was typed is kept");
            b.assertAccessible();
            // Fixed, then a phase added (its part of the form swapped alone): the summary no longer lists the fixed problem.
            b.type("#phase-0-hours", "2");
            b.click("#add-phase");
            b.waitFor("#phase-1-name");
            b.waitUntil(d -> b.count("#error-summary") == 0);
            assertEquals("2", b.value("#phase-0-hours"));
            b.assertNoProblems();
        }
    }
}
