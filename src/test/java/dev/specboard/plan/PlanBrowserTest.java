package dev.specboard.plan;

import dev.specboard.kernel.Role;
import dev.specboard.project.Access;
import dev.specboard.repo.GitFixture;
import dev.specboard.repo.Repo;
import dev.specboard.search.SearchFixtures;
import dev.specboard.support.Browser;
import dev.specboard.support.TestData;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.net.URL;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The plan pages, the chat's live answer and the search from the navigation, in a real browser, each screen checked with axe. */
@QuarkusTest
class PlanBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    TestData data;

    @Inject
    PlanFixtures fixtures;

    @Inject
    SearchFixtures search;

    private static void paste(Browser b, String json) {
        b.js("document.getElementById('f-content').value = arguments[0];", json);
    }

    @Test
    void leadMakesAPlanWithItsArtifactsComparesVersionsAndTurnsItIntoASpec() {
        TestData.Team t = data.team();
        try (GitFixture git = GitFixture.create(); Browser b = Browser.open(base.toString())) {
            Repo repo = fixtures.shop(t.project(), t.owner(), git);
            b.login(t.lead().username, TestData.PASSWORD);
            b.go("/projects/" + t.slug() + "/plans");
            b.waitFor("#no-plans");
            b.assertAccessible();
            b.click("#new-plan");
            b.waitFor("#plan-form");
            b.assertAccessible();
            b.type("#f-name", "Checkout").type("#f-description", "Pay for the cart");
            b.click("#save-plan");
            b.waitFor("#plan-title");
            assertEquals("Checkout v1", b.find("#plan-title").getText());

            new Select(b.find("#f-artifactType")).selectByValue("implementation_steps");
            paste(b, "{\"steps\":[{\"name\":\"Not A Slug\",\"title\":\"x\"}]}");
            b.click("#save-artifact");
            b.waitFor("#plan-problems li[data-pointer='/steps/0/name']");
            b.assertAccessible();

            new Select(b.find("#f-artifactType")).selectByValue("feature_plan");
            paste(b, PlanFixtures.FEATURE_PLAN);
            b.click("#save-artifact");
            b.waitFor("#fp-goals");
            new Select(b.find("#f-artifactType")).selectByValue("implementation_steps");
            paste(b, PlanFixtures.STEPS);
            b.click("#save-artifact");
            b.waitFor("#steps");
            new Select(b.find("#f-artifactType")).selectByValue("code_changes");
            paste(b, PlanFixtures.codeChanges(fixtures.blobOf(repo, "src/checkout/Cart.java")));
            b.click("#save-artifact");
            b.waitFor("#change-1 tr.ld-add");
            b.assertAccessible();

            b.click("#new-version");
            b.waitUntil(d -> b.find("#plan-title").getText().equals("Checkout v2"));
            b.click("#compare-versions");
            b.waitFor("#compare-title");
            assertEquals("Checkout: v1 → v2", b.find("#compare-title").getText());
            b.assertAccessible();

            b.driver.navigate().back();
            b.waitFor("#make-spec");
            b.click("#make-spec");
            b.waitFor("#spec-document");
            assertTrue(b.path().matches("/projects/" + t.slug() + "/specs/SPEC-\\d+"), b.path());
            assertEquals(2, b.all(".spec-phase").size());
        }
    }

    @Test
    void theAssistantsAnswerAppearsLiveAndTheNavigationSearchFindsTheCheckoutCode() {
        TestData.Team t = data.team();
        try (GitFixture git = GitFixture.create(); Browser b = Browser.open(base.toString())) {
            search.checkoutProject(t, git, "Shoppers pay at checkout.");
            Plan plan = fixtures.plan(new Access(t.project(), Role.LEAD, t.lead().id), "shop", "Checkout");
            b.login(t.lead().username, TestData.PASSWORD);
            b.go("/projects/" + t.slug() + "/plans/" + plan.id + "/chat");
            b.waitUntil(d -> "ready".equals(b.find("body").getAttribute("data-chat-live")));
            assertTrue(b.find("#chat-hint").isDisplayed(), "the script shows the shortcut it makes work");
            assertTrue(b.find("#chat-content").getAttribute("aria-describedby").contains("chat-hint"));
            b.assertAccessible();
            b.js("window.sbStillHere = true;");
            b.type("#chat-content", "Which tasks touch the checkout code?");
            b.click("#chat-send");
            WebElement link = b.waitFor("#chat-log li.from-assistant .chat-body a[href='/projects/" + t.slug() + "/tasks/TASK-1-2']");
            assertEquals("TASK-1-2", link.getText());
            assertEquals(Boolean.TRUE, b.js("return window.sbStillHere === true;"), "the answer came without a reload");
            assertEquals("", b.find("#chat-content").getAttribute("value"), "the form is ready for the next message");
            assertEquals("chat-content", b.js("return document.activeElement.id;"), "the cursor is back in the message box, not on Send");
            assertTrue(b.find("#chat-hint").isDisplayed(), "still shown in the form swapped in after sending");
            b.assertAccessible();

            // Ctrl+Enter sends, as in other chats; Enter alone makes a new line.
            b.find("#chat-content").sendKeys("Which tasks are blocked?" + Keys.ENTER + "Thanks");
            new org.openqa.selenium.interactions.Actions(b.driver).keyDown(Keys.CONTROL).sendKeys(Keys.ENTER).keyUp(Keys.CONTROL).perform();
            // Read in one script: the log is swapped again when the assistant's answer arrives, so an element found by
            // one call can be gone by the next (a stale element).
            b.waitUntil(d -> String.valueOf(b.js("var l = document.querySelectorAll('#chat-log li.from-user');"
                    + " return l.length === 2 ? l[1].textContent : '';")).contains("Which tasks are blocked?"));
            assertEquals("", String.valueOf(b.js("return document.querySelector('#chat-content').value;")));
            assertEquals("chat-content", b.js("return document.activeElement.id;"));

            // "/" focuses the search box in the navigation, except while typing in a field. The keys go to the focused
            // box, not to one found first: the answer still arriving redraws the chat, which may replace a found element.
            b.waitForHtmx();
            new org.openqa.selenium.interactions.Actions(b.driver).sendKeys("a/b").perform();
            assertEquals("a/b", String.valueOf(b.js("return document.querySelector('#chat-content').value;")));
            b.find("#chat-title").click();
            new org.openqa.selenium.interactions.Actions(b.driver).sendKeys("/").perform();
            assertEquals("project-search", b.js("return document.activeElement.id;"));
            b.find("#project-search").sendKeys("checkout" + Keys.ENTER);
            b.waitFor("#group-file");
            assertTrue(b.url().contains("/projects/" + t.slug() + "/search?q=checkout"), b.url());
            assertEquals(1, b.all("#group-spec .search-hit").size());
            assertTrue(b.all("#group-task .search-hit").size() >= 2, "tasks under their own heading");
            assertEquals("checkout", b.find("#group-story mark").getText().toLowerCase());
            b.assertAccessible();
        }
    }

    /**
     * An answer written with a {@code ##} heading and an image, as a model's may be: the heading sits under the page's
     * Conversation h2 (it came right after the h1, which axe's heading-order refuses), and the image is a link, so a
     * member's {@code <img src=x>} no longer asks every viewer's browser for {@code /plans/{id}/x} (a 404 on each view).
     */
    @Test
    void anAnswerWithHeadingsAndAnImageKeepsTheOutlineAndLoadsNothing() {
        TestData.Team t = data.team();
        try (GitFixture git = GitFixture.create(); Browser b = Browser.open(base.toString())) {
            fixtures.shop(t.project(), t.owner(), git);
            Plan plan = fixtures.plan(new Access(t.project(), Role.LEAD, t.lead().id), "shop", "Checkout");
            fixtures.answered(plan.id, t.lead(), "Summarise the plan <img src=x>",
                    "## Summary\n\nThe cart pays.\n\n### Steps\n\n1. Pay\n\n![the flow](flow.png) <img src=x>");
            b.login(t.viewer().username, TestData.PASSWORD);
            b.go("/projects/" + t.slug() + "/plans/" + plan.id + "/chat");
            b.waitFor("#chat-log li.from-assistant .chat-body h3");
            b.assertAccessible("heading-order");
            assertEquals(0L, b.js("return document.querySelectorAll('#chat-log img').length;"));
            assertEquals("the flow", b.find("#chat-log li.from-assistant .chat-body a[href='flow.png']").getText());
            b.assertNoProblems();
        }
    }

    /**
     * On a phone an answer's code block and wide table scroll inside their own boxes, each a named region the keyboard
     * reaches (axe's scrollable-region-focusable), and the page itself does not scroll sideways (a 150-letter word in a
     * table made it 1,474 px wide). Several boxes get numbered names, so no two regions share one.
     */
    @Test
    void anAnswersCodeAndTableScrollInTheirOwnBoxesOnAPhone() {
        TestData.Team t = data.team();
        try (GitFixture git = GitFixture.create(); Browser b = Browser.open(base.toString(), 360)) {
            fixtures.shop(t.project(), t.owner(), git);
            Plan plan = fixtures.plan(new Access(t.project(), Role.LEAD, t.lead().id), "shop", "Checkout");
            String answer = "Run this:\n\n```bash\n./mvnw -B -ntp verify -Dtest=CheckoutServiceTest -Dsurefire.failIfNoSpecifiedTests=false -DskipITs\n```\n\n"
                    + "| Step | Where |\n|---|---|\n| pay | " + "p".repeat(150) + " |\n";
            fixtures.answered(plan.id, t.lead(), "How do I test the checkout?", answer + "\nAnd again:\n\n" + answer);
            b.login(t.viewer().username, TestData.PASSWORD);
            b.go("/projects/" + t.slug() + "/plans/" + plan.id + "/chat");
            b.waitFor("#chat-log li.from-assistant .chat-body pre");
            b.assertFitsWidth();
            b.assertAccessible();
            assertEquals("Code 1, Table 1, Code 2, Table 2", String.valueOf(b.js("""
                    return Array.prototype.map.call(document.querySelectorAll('#chat-log [role=region]'),
                        function (e) { return e.getAttribute('aria-label'); }).join(', ');""")));
            assertEquals(Boolean.TRUE, b.js("""
                    return Array.prototype.every.call(document.querySelectorAll('#chat-log pre, #chat-log .table-wrap'),
                        function (e) { return e.scrollWidth > e.clientWidth && e.tabIndex === 0; });"""), "each box scrolls and takes focus");
            b.tabTo(Keys.TAB, "#chat-log pre");
            b.assertNoProblems();
        }
    }
}
