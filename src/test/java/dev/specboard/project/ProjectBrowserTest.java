package dev.specboard.project;

import dev.specboard.account.Account;
import dev.specboard.support.Browser;
import dev.specboard.support.TestData;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

import java.net.URL;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class ProjectBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    TestData data;

    private static String currentStep(Browser b) {
        return b.find("#wizard-steps li[aria-current=step]").getAttribute("id");
    }

    @Test
    void signUpWalkTheWizardWithARefreshInviteAndLogOut() {
        Account invitee = data.account("invitee");
        String u = TestData.unique("wizard");
        String name = TestData.unique("Browser");
        try (Browser b = Browser.open(base.toString())) {
            b.go("/signup");
            b.type("#f-email", u + "@example.test").type("#f-username", u).type("#f-password", "long enough password");
            b.click("#signup-form button[type=submit]");
            b.waitFor("#no-projects");

            b.click("#no-projects a[href='/projects/new']");
            b.waitFor("#f-name");
            assertEquals("step-basics", currentStep(b));
            b.assertAccessible();
            b.type("#f-name", name).type("#f-framework", "Quarkus").type("#f-description", "Made in a browser");
            b.click("#wizard-next");

            b.waitFor("#f-visionStatement");
            assertEquals("step-vision", currentStep(b));
            b.assertAccessible();
            b.type("#f-visionStatement", "Calm planning for busy teams");
            new Select(b.find("#f-targetFeeling")).selectByValue("playful");
            b.type("#f-referenceApps", "Notion, Linear").type("#f-color", "#336699");
            b.click("#wizard-next");

            b.waitFor("#f-repoUrl");
            assertEquals("step-repository", currentStep(b));
            b.assertAccessible();
            b.click("#wizard-back");
            b.waitFor("#f-visionStatement");
            b.driver.navigate().refresh();
            b.waitForHtmx();
            assertEquals("step-vision", currentStep(b), "a refresh stays on the step");
            assertEquals("Calm planning for busy teams", b.find("#f-visionStatement").getAttribute("value"));
            assertEquals("playful", new Select(b.find("#f-targetFeeling")).getFirstSelectedOption().getAttribute("value"));
            assertEquals("Notion, Linear", b.find("#f-referenceApps").getAttribute("value"));
            b.click("#wizard-next");

            b.waitFor("#f-repoUrl");
            b.type("#f-repoUrl", "https://example.com/team/app.git");
            b.click("#wizard-next");

            b.waitFor("#f-executiveSummary");
            assertEquals("step-summary", currentStep(b));
            b.type("#f-executiveSummary", "We build **calm** tools.");
            b.waitUntil(d -> !b.all("#summary-preview strong").isEmpty());
            assertEquals("calm", b.find("#summary-preview strong").getText());
            b.assertAccessible();
            b.click("#wizard-next");

            b.waitFor("#invite-rows");
            assertEquals("step-invite", currentStep(b));
            b.assertAccessible();
            b.click("#wizard-next");

            b.waitFor("#setup-state");
            assertTrue(b.path().startsWith("/projects/"));
            b.assertAccessible();
            String slug = b.path().substring("/projects/".length());

            b.go("/projects/" + slug + "/members");
            b.waitFor("#invite-form");
            b.assertAccessible();
            b.type("#f-who", invitee.username);
            new Select(b.find("#f-role")).selectByValue("reviewer");
            b.click("#invite-submit");
            b.waitFor("tr.member-row[data-username='" + invitee.username + "']");
            b.assertAccessible();

            b.click(".account-menu summary");
            b.click(".account-menu button[type=submit]");
            b.waitFor("#login-form");
        }
    }

    /** Archiving (htmx, then a full redirect) left the focus on <body>: the page's flash now takes it, as flashes do. */
    @Test
    void afterArchivingTheFlashHasTheFocus() {
        TestData.Team t = data.team();
        try (Browser b = Browser.open(base.toString())) {
            b.login(t.owner().username, TestData.PASSWORD);
            b.go("/projects/" + t.slug() + "/settings");
            b.js("window.confirm = function () { return true; };");
            b.click("#archive-form button[type=submit]");
            b.waitFor("#unarchive-form");
            b.waitForText("#flash .flash", "Project archived");
            b.waitUntil(d -> Boolean.TRUE.equals(b.js("return document.activeElement === document.querySelector('#flash .flash');")));
            assertEquals(Boolean.TRUE, b.js("return document.activeElement.matches('#flash .flash');"));
            b.assertAccessible();
        }
    }

    /**
     * Back and the steps of the step list were links: what was typed on the step was lost when one of them left it. They are
     * buttons of the step's form now, reached and pressed by keyboard, at 360 px; Enter in a field still means Next.
     */
    @Test
    void leavingAStepByKeyboardKeepsWhatWasTyped() {
        Account a = data.account("keys");
        try (Browser b = Browser.open(base.toString(), 360)) {
            b.login(a.username, TestData.PASSWORD);
            b.go("/projects/new");
            b.type("#f-name", TestData.unique("Keys"));
            b.find("#f-framework").sendKeys("Quarkus", Keys.ENTER);
            b.waitFor("#f-visionStatement");
            assertEquals("step-vision", currentStep(b), "Enter in a field is Next");
            b.type("#f-referenceApps", "Notion, Linear");
            b.find("#f-referenceApps").sendKeys(Keys.ENTER);
            b.waitFor("#f-repoUrl");
            b.click("#wizard-skip");

            b.waitFor("#f-executiveSummary");
            assertEquals("step-summary", currentStep(b));
            b.assertFitsWidth();
            b.assertAccessible();
            b.type("#f-executiveSummary", "Typed, then left by Back");
            b.tabTo(Keys.TAB, "#wizard-back");
            new Actions(b.driver).sendKeys(Keys.ENTER).perform();
            b.waitFor("#f-repoUrl");
            assertEquals("step-repository", currentStep(b), "Back opened the step before");

            // To the summary again by its step in the list, from the keyboard.
            b.find("#f-repoUrl").click();
            b.tabTo(Keys.chord(Keys.SHIFT, Keys.TAB), "#step-summary button");
            new Actions(b.driver).sendKeys(Keys.ENTER).perform();
            b.waitFor("#f-executiveSummary");
            assertEquals("step-summary", currentStep(b));
            assertEquals("Typed, then left by Back", b.find("#f-executiveSummary").getAttribute("value"));

            b.type("#f-executiveSummary", "Typed, then left by a step");
            b.click("#step-vision button");
            b.waitFor("#f-visionStatement");
            assertEquals("Notion, Linear", b.find("#f-referenceApps").getAttribute("value"));
            b.assertFitsWidth();
            b.assertAccessible();
            b.click("#step-summary button");
            b.waitFor("#f-executiveSummary");
            assertEquals("Typed, then left by a step", b.find("#f-executiveSummary").getAttribute("value"));
        }
    }

    @Test
    void wizardIsUsableAt360px() {
        Account a = data.account("narrow");
        try (Browser b = Browser.open(base.toString(), 360)) {
            b.login(a.username, TestData.PASSWORD);
            b.go("/projects/new");
            b.type("#f-name", TestData.unique("Narrow"));
            b.click("#wizard-next");
            b.waitFor("#f-visionStatement");
            b.assertFitsWidth();
            b.assertAccessible();
        }
    }
}
