package dev.specboard.home;

import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.ApiPaths;
import dev.specboard.support.Browser;
import dev.specboard.support.TestData;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Answering the assistant's questions from the inbox in one click ("No answer needed"), without leaving it: the list
 * comes back without the question, and the keyboard's place is the next question still waiting (its "Answer"), not one
 * further on, nor the top of the page; with none left, "Nothing waits for you".
 */
@QuarkusTest
class InboxBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    private static String focused(Browser b) {
        return (String) b.js("var a = document.activeElement; var li = a && a.closest('li.inbox-item');"
                + "return (li ? li.id + ' ' : '') + a.tagName + (a.id ? '#' + a.id : '') + (a.className ? '.' + a.className : '');");
    }

    @Test
    void oneClickAnswersLeaveTheFocusOnTheNextQuestionWaiting() {
        TestData.Team t = data.team();
        // A decision whose branches No, Maybe and Later lead nowhere: three questions for the designers.
        fx.api(t.member()).body(Map.of("name", "Sign in", "nodes", List.of(
                        Map.of("key", "ask", "nodeType", "decision", "data", Map.of("question", "Known email?", "branches", List.of("Yes", "No", "Maybe", "Later"))),
                        Map.of("key", "home", "nodeType", "annotation", "data", Map.of("text", "Home"))),
                        "connections", List.of(Map.of("from", "ask", "to", "home", "label", "Yes"))))
                .post(ApiPaths.project(t.slug(), "/journeys")).then().statusCode(201);
        try (Browser b = Browser.open(base.toString())) {
            b.login(t.member().username, TestData.PASSWORD);
            b.go("/inbox");
            List<String> ids = b.all("#inbox-items > li.inbox-item").stream().map(e -> e.getAttribute("id")).toList();
            assertEquals(3, ids.size(), ids.toString());
            b.assertAccessible();

            // The first closed: the focus is on the second's "Answer" (it was on the third: one skipped).
            b.find("#" + ids.get(0) + " form.inbox-close button").click();
            b.waitUntil(d -> b.all("#" + ids.get(0)).isEmpty());
            b.waitUntil(d -> focused(b).startsWith(ids.get(1) + " A"));
            assertEquals(ids.get(1) + " A.answer", focused(b));
            assertEquals("Question closed: no answer needed.", b.text("#flash"));
            b.assertAccessible();

            // Closed with the keyboard from there: Tab to its button, Enter; the focus goes on to the last one.
            b.tabTo(org.openqa.selenium.Keys.TAB, "#" + ids.get(1) + " form.inbox-close button");
            b.driver.switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.ENTER);
            b.waitUntil(d -> b.all("#" + ids.get(1)).isEmpty());
            b.waitUntil(d -> focused(b).startsWith(ids.get(2) + " A"));

            b.find("#" + ids.get(2) + " form.inbox-close button").click();
            b.waitFor("#inbox-empty");
            b.waitUntil(d -> focused(b).equals("P#inbox-empty.empty"));
            assertTrue(b.all("#inbox-items").isEmpty());
            b.assertAccessible();
        }
    }
}
