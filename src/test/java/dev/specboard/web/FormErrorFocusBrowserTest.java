package dev.specboard.web;

import dev.specboard.support.Browser;
import dev.specboard.support.TestData;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URL;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What only a browser at phone width shows: where a refused form puts the focus, what scrolls, what is in view. */
@QuarkusTest
class FormErrorFocusBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    TestData data;

    private static void assertSummaryHasFocus(Browser b, String form) {
        b.waitFor("#error-summary");
        b.waitUntil(d -> "error-summary".equals(b.js("return document.activeElement.id;")));
        assertTrue(b.text("#error-summary").startsWith("There is a problem"), form + ": " + b.text("#error-summary"));
        assertEquals(Boolean.TRUE, b.js("var r = document.getElementById('error-summary').getBoundingClientRect();"
                + "return r.top >= 0 && r.top < window.innerHeight;"), form + ": the summary is in view");
    }

    /** "US-1 was submitted for approval." stayed above the refused request for changes, as if that had worked too. */
    @Test
    void aRefusedInPlaceAnswerReplacesTheLastActionsFlash() {
        TestData.Team t = data.team();
        data.stories(t, 1);
        try (Browser b = Browser.open(base.toString(), 360)) {
            b.login(t.lead().username, TestData.PASSWORD);
            b.go("/projects/" + t.slug() + "/stories/1");
            b.click("#submit-story");
            b.waitFor("#request-changes-form");
            assertTrue(b.text("#flash").contains("submitted for approval"), b.text("#flash"));
            b.click("#request-changes");
            assertSummaryHasFocus(b, "request changes");
            assertEquals("", b.text("#flash"), "the old flash is gone");
        }
    }
}
