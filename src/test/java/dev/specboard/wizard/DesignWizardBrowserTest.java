package dev.specboard.wizard;

import dev.specboard.design.EntityFixtures;
import dev.specboard.design.JourneyFlow;
import dev.specboard.design.JourneyForm;
import dev.specboard.design.JourneyService;
import dev.specboard.design.NodeForm;
import dev.specboard.kernel.Role;
import dev.specboard.project.Access;
import dev.specboard.support.Browser;
import dev.specboard.support.TestData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;

import java.net.URL;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each design wizard walked in a real browser at 360 px, axe-clean, resumed from the design section; journey nodes moved by keyboard. */
@QuarkusTest
class DesignWizardBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    TestData data;

    @Inject
    JourneyService journeys;

    private static void check(Browser b) {
        b.assertAccessible();
        b.assertFitsWidth();
    }

    @Test
    void everyDesignWizardIsWalkedWithAxeAt360PixelsAndResumes() {
        TestData.Team t = data.team();
        String contacts = DesignWizardResourceTest.pageVia(t, null, "New contact", "/contacts-new", EntityFixtures.NEW_CONTACT, "");
        try (Browser b = Browser.open(base.toString(), 360)) {
            b.login(t.member().username, TestData.PASSWORD);

            // The design section loads the wizards; the page creator makes a page with its first mockup.
            b.go("/projects/" + t.slug() + "/design");
            b.waitFor("#wizard-list");
            check(b);
            b.click("#start-page-creator");
            b.waitFor("#wizard[data-step=page]");
            check(b);
            b.type("#f-name", "Team").type("#f-path", "Team page");
            b.click("#wizard-next");
            b.waitFor("#e-path");
            check(b);
            assertEquals("Team", b.value("#f-name"), "a refused step keeps what was typed");
            b.type("#f-path", "/team");
            b.click("#wizard-next");
            b.waitFor("#wizard[data-step=layout]");
            check(b);
            b.click("#layout-dashboard");
            b.click("#wizard-next");
            b.waitFor("#wizard[data-step=review]");
            check(b);
            b.click("#wizard-next");
            b.waitUntil(d -> b.path().contains("/pages/"));
            b.waitFor("#trace-empty");
            check(b);

            // The feature builder: describe, choose pages and rules, check the inferred operations, create.
            b.go("/projects/" + t.slug() + "/design/wizards/feature-builder");
            b.waitFor("#wizard[data-step=describe]");
            check(b);
            b.type("#f-name", "Contact book").type("#f-userDescription", "Keep everyone we know");
            b.click("#wizard-next");
            b.waitFor("#wizard[data-step=pages]");
            check(b);
            b.click("#page-" + contacts);
            b.type("#f-businessRules", "Members can edit contacts");
            // Back and the step list's steps, pressed from the keyboard, keep what was typed (they were links that lost it).
            b.tabTo(Keys.TAB, "#wizard-back");
            new Actions(b.driver).sendKeys(Keys.ENTER).perform();
            b.waitFor("#wizard[data-step=describe]");
            b.find("#f-name").click();
            b.tabTo(Keys.chord(Keys.SHIFT, Keys.TAB), "#step-pages button");
            new Actions(b.driver).sendKeys(Keys.ENTER).perform();
            b.waitFor("#wizard[data-step=pages]");
            check(b);
            assertEquals("Members can edit contacts", b.value("#f-businessRules"));
            assertTrue(b.find("#page-" + contacts).isSelected(), "the page chosen is kept");
            b.click("#wizard-next");
            b.waitFor("#suggestions");
            check(b);
            assertTrue(b.value("#f-creates").contains("Contact"));
            b.click("#wizard-next");
            b.waitFor("#wizard[data-step=review]");
            check(b);
            b.click("#wizard-next");
            b.waitUntil(d -> b.path().contains("/features/"));
            check(b);

            // The design system: colours from the mockups, one left out; left half-way and continued from the design section.
            b.go("/projects/" + t.slug() + "/design/wizards/design-system");
            // Reloads until the recompute job has found the colours, for up to a minute (fifty reloads ran out on a loaded machine).
            java.time.Instant deadline = java.time.Instant.now().plusSeconds(60);
            while (b.count("fieldset.candidate") == 0 && java.time.Instant.now().isBefore(deadline)) {
                sleep();
                b.reload();
            }
            b.waitFor("fieldset.candidate");
            check(b);
            b.click("#keep-0");
            b.click("#wizard-next");
            b.waitFor("#wizard[data-step=review]");
            b.go("/projects/" + t.slug() + "/design");
            b.waitFor("#continue-design-system");
            b.click("#continue-design-system");
            b.waitFor("#wizard[data-step=review]");
            check(b);
            assertEquals(1, b.count("#left-out li[id^=left-]"));
            b.click("#wizard-next");
            b.waitUntil(d -> b.path().endsWith("/design-system"));
            b.assertNoProblems();
        }
    }

    @Test
    void keyboardUsersMoveBetweenJourneyNodesAndMoveANode() {
        TestData.Team t = data.team();
        Access access = new Access(t.project(), Role.MEMBER, t.member().id);
        UUID flow = journeys.create(access, new JourneyForm("Sign up", "user", "", false, null), List.of(
                        new NodeForm("start", "action", "Start", "", "", "", "", "", "", null, "true", ""),
                        new NodeForm("done", "action", "Done", "", "", "", "", "", "", "true", null, "")),
                List.of(new JourneyService.ConnectionInput("start", "done", null, null, null))).id;
        try (Browser b = Browser.open(base.toString(), 360)) {
            b.login(t.member().username, TestData.PASSWORD);
            b.go("/projects/" + t.slug() + "/journeys/" + flow);
            b.waitFor("#flow-picture svg");
            b.js("document.querySelector('#svg-node-start').focus();");
            b.driver.switchTo().activeElement().sendKeys(Keys.ARROW_RIGHT);
            assertEquals("done", String.valueOf(b.js("return document.activeElement.getAttribute('data-key');")), "an arrow key moves to the next node");
            b.driver.switchTo().activeElement().sendKeys(Keys.ARROW_LEFT);
            assertEquals("start", String.valueOf(b.js("return document.activeElement.getAttribute('data-key');")));
            // Keys go to whatever has focus, not to an element found first: the first move saves and redraws the picture,
            // so a node found before the second key press may already have been replaced (a stale element).
            new Actions(b.driver).keyDown(Keys.SHIFT).sendKeys(Keys.ARROW_DOWN).sendKeys(Keys.ARROW_DOWN).keyUp(Keys.SHIFT).perform();
            b.waitUntil(d -> QuarkusTransaction.requiringNew().call(() -> JourneyFlow.<JourneyFlow>findById(flow).canvasState).contains("start"));
            b.waitFor("#svg-node-start");
            b.waitUntil(d -> "start".equals(String.valueOf(b.js("return document.activeElement && document.activeElement.getAttribute('data-key');"))));
            b.assertAccessible();
            b.assertNoProblems();
        }
    }

    @Test
    void aQuestionInTheInboxIsAnsweredFromItsLink() {
        TestData.Team t = data.team();
        Access access = new Access(t.project(), Role.MEMBER, t.member().id);
        journeys.create(access, new JourneyForm("Sign in", "user", "", false, null), List.of(
                        new NodeForm("ask", "decision", "", "", "Known email?", "Yes, No", "", "", "", null, "true", ""),
                        new NodeForm("home", "action", "Home", "", "", "", "", "", "", "true", null, "")),
                List.of(new JourneyService.ConnectionInput("ask", "home", null, null, "Yes")));
        try (Browser b = Browser.open(base.toString(), 360)) {
            b.login(t.member().username, TestData.PASSWORD);
            b.go("/inbox");
            b.waitFor("li[id^=inbox-question-] a.answer");
            check(b);
            b.click("li[id^=inbox-question-] a.answer");
            b.waitFor("details.revise[open] textarea");
            assertEquals("textarea", String.valueOf(b.js("return document.activeElement.tagName.toLowerCase();")), "the answer form has the cursor");
            check(b);
            b.driver.switchTo().activeElement().sendKeys("Ask for the email again");
            b.click("details.revise[open] button[type=submit]");
            b.waitFor("#flash");
            b.go("/inbox");
            b.waitFor("#inbox-empty");
            b.assertNoProblems();
        }
    }

    /** "Add back" is a plain POST answered by a redirect: the flash on the page it leads to takes the focus, not <body>. */
    @Test
    void addingBackALeftOutColourGivesTheFocusToTheFlash() {
        TestData.Team t = data.team();
        DesignSystemWizardColoursTest.page(t);
        String wizard = DesignWizardResourceTest.base(t, "design-system");
        DesignSystemWizardColoursTest.colours(t, List.of("#111111", "#00ff00", "#123456")).then().statusCode(303);
        dev.specboard.support.Web.as(t.member()).formParam("x", "").post(wizard + "/review").then().statusCode(303);
        dev.specboard.design.DesignSystemResourceTest.settled(t);
        try (Browser b = Browser.open(base.toString())) {
            b.login(t.member().username, TestData.PASSWORD);
            b.go("/projects/" + t.slug() + "/design-system");
            b.click("#restore-222222");
            b.waitForText("#flash", "#222222");
            b.waitUntil(d -> Boolean.TRUE.equals(b.js("return document.activeElement === document.querySelector('#flash .flash');")));
            assertTrue(b.text("#flash").contains("#222222"), b.text("#flash"));
            b.assertAccessible();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
